package io.patent2tech.udfs.embed;

import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.Fixtures;
import io.patent2tech.udfs.UsptoDocumentProcessor;
import java.util.ArrayList;
import java.util.List;

/** The captured ICE grants and applications (fixtures/uspto), parsed as the ingest job does. */
final class FixturePatents {

  static final List<String> FILES = List.of(
      "grant/US08930553.xml", "grant/US08926509.xml", "grant/US08927118.xml",
      "grant/ipg08672134.xml", "grant/ipgD0701016.xml",
      "application/US20050004437A1.xml", "application/ipa20180000016.xml",
      "application/ipa20200022300.xml");

  private FixturePatents() {}

  static List<Patent> all() {
    List<Patent> patents = new ArrayList<>();
    for (String file : FILES) {
      patents.add(parse(file));
    }
    return patents;
  }

  static Patent parse(String file) {
    try {
      return new UsptoDocumentProcessor().process(Fixtures.bytes(file), Fixtures.source(file, 0), 0L);
    } catch (DocumentRejectedException e) {
      throw new AssertionError(file + " no longer parses", e);
    }
  }
}
