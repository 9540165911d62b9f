package io.patent2tech.udfs.eval.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patent2tech.schema.Classification;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.Fixtures;
import io.patent2tech.udfs.UsptoDocumentProcessor;

/** The ICE fixture documents through the real parser, keyed by file. */
final class FixtureClaims {

  static final List<String> ICE_FILES = List.of(
      "grant/US06859910.xml", "grant/US07272630B2.xml", "grant/US08926509.xml", "grant/US08927118.xml",
      "grant/US08930553.xml", "grant/ipg08672134.xml", "grant/ipgD0701016.xml",
      "application/US20050004437A1.xml", "application/ipa20180000016.xml", "application/ipa20200022300.xml");

  private static final UsptoDocumentProcessor PROCESSOR = new UsptoDocumentProcessor();
  private static Map<String, Patent> patents;

  private FixtureClaims() {}

  static synchronized Map<String, Patent> patents() {
    if (patents == null) {
      Map<String, Patent> map = new LinkedHashMap<>();
      for (String file : ICE_FILES) {
        try {
          map.put(file, PROCESSOR.process(Fixtures.bytes(file), Fixtures.source(file, 0), 0L));
        } catch (DocumentRejectedException e) {
          throw new AssertionError(file + " was rejected", e);
        }
      }
      patents = map;
    }
    return patents;
  }

  static Patent patent(String file) {
    return patents().get(file);
  }

  /** The text of the first independent claim. */
  static String firstIndependentClaim(String file) {
    return patent(file).getClaims().stream().filter(c -> c.getIndependent()).findFirst().orElseThrow().getText();
  }

  static String claim(String file, int number) {
    return patent(file).getClaims().get(number - 1).getText();
  }

  /** CPC symbols first, main one first, then IPC, then the others: the order TechnologyField wants. */
  static List<String> symbols(String file) {
    List<String> out = new ArrayList<>();
    for (String scheme : List.of("CPC", "IPC")) {
      patent(file).getClassifications().stream()
          .filter(c -> c.getScheme().equals(scheme))
          .sorted((a, b) -> Boolean.compare(b.getFirst(), a.getFirst()))
          .map(Classification::getSymbol)
          .forEach(out::add);
    }
    patent(file).getClassifications().stream()
        .filter(c -> !c.getScheme().equals("CPC") && !c.getScheme().equals("IPC"))
        .map(Classification::getSymbol)
        .forEach(out::add);
    return out;
  }
}
