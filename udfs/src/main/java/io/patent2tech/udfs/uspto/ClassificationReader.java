package io.patent2tech.udfs.uspto;

import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLStreamException;

import io.patent2tech.schema.Classification;
import io.patent2tech.udfs.normalize.ClassificationSymbols;

/** ICE classifications: IPC-7, IPCR, CPC, national (USPC) and Locarno. */
final class ClassificationReader {

  private final DocumentCursor c;
  private final PatentDraft d;
  private final List<Classification> out;

  ClassificationReader(DocumentCursor c, PatentDraft d) {
    this.c = c;
    this.d = d;
    this.out = d.classifications;
  }

  /**
   * classification-ipc (IPC 7) and classification-locarno: main and further symbols, versioned by
   * the edition. The edition is applied once the element is read, wherever it stands in it.
   */
  void withEdition(String scheme) throws XMLStreamException {
    int from = out.size();
    String edition = null;
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      switch (name) {
        case "edition":
          edition = c.readText();
          break;
        case "main-classification":
        case "further-classification": {
          String symbol = c.readText();
          if (symbol != null) {
            out.add(PatentDraft.classification(scheme, symbol, name.equals("main-classification"), null, null));
          }
          break;
        }
        default:
          break;
      }
    }
    d.editionAsVersion(from, edition);
  }

  /** classification-ipcr / classification-cpc: the parts, value, position and version date. */
  void parts(String scheme, boolean inMain) throws XMLStreamException {
    String section = null;
    String clazz = null;
    String subclass = null;
    String mainGroup = null;
    String subgroup = null;
    String position = null;
    String value = null;
    String version = null;
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      switch (name) {
        case "section":
          section = c.readText();
          break;
        case "class":
          clazz = c.readText();
          break;
        case "subclass":
          subclass = c.readText();
          break;
        case "main-group":
          mainGroup = c.readText();
          break;
        case "subgroup":
          subgroup = c.readText();
          break;
        case "symbol-position":
          position = c.readText();
          break;
        case "classification-value":
          value = c.readText();
          break;
        case "ipc-version-indicator":
        case "cpc-version-indicator":
          version = c.readText();
          break;
        case "action-date":
        case "generating-office":
          c.skip();
          break;
        default:
          break;
      }
    }
    String symbol = ClassificationSymbols.cpcFromParts(section, clazz, subclass, mainGroup, subgroup);
    if (symbol == null) {
      return;
    }
    Boolean inventive = null;
    if ("I".equals(value)) {
      inventive = Boolean.TRUE;
    } else if ("A".equals(value)) {
      inventive = Boolean.FALSE;
    }
    boolean first = inMain || "F".equals(position);
    out.add(PatentDraft.classification(scheme, symbol, first, inventive, version));
  }

  /** classifications-cpc: main-cpc (first) and further-cpc; combination sets are skipped. */
  void cpcBlock() throws XMLStreamException {
    int mainDepth = 0; // depth of the main-cpc being read, 0 outside one
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      if (c.depth() <= mainDepth) {
        mainDepth = 0; // back at or above main-cpc's depth: it has ended
      }
      switch (name) {
        case "main-cpc":
          mainDepth = c.depth();
          break;
        case "further-cpc":
          mainDepth = 0;
          break;
        case "classification-cpc":
          parts("CPC", mainDepth > 0);
          break;
        case "combination-set":
        case "classification-cpc-text":
        case "classification-cpc-combination-text":
          c.skip();
          break;
        default:
          break;
      }
    }
  }

  /**
   * classification-national: USPC main (first) + further, kept in positional form. The scheme
   * follows from the country, applied once the element is read, wherever it stands in it.
   */
  void national() throws XMLStreamException {
    int from = out.size();
    String country = null;
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      switch (name) {
        case "country":
          country = c.readText();
          break;
        case "main-classification":
        case "further-classification": {
          String symbol = c.readRawText();
          if (symbol != null && !symbol.trim().isEmpty() && !"None".equalsIgnoreCase(symbol.trim())) {
            out.add(PatentDraft.classification(null, symbol, name.equals("main-classification"), null, null));
          }
          break;
        }
        case "additional-info":
          c.skip();
          break;
        default:
          break;
      }
    }
    String scheme = country == null || "US".equalsIgnoreCase(country) ? "USPC"
        : country.toUpperCase(Locale.ROOT) + "-NATIONAL";
    for (int i = from; i < out.size(); i++) {
      out.get(i).setScheme(scheme);
    }
  }
}
