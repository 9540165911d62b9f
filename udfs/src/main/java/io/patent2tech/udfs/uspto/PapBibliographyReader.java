package io.patent2tech.udfs.uspto;

import javax.xml.stream.XMLStreamException;

import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.Party;

/**
 * PAP {@code subdoc-bibliographic-information}: identifiers and dates, IPC-7 and USPC
 * classifications, title, continuity data and foreign priority, inventors and assignee. PAP has
 * no CPC, no citations and no agent (only a correspondence address, which is skipped as in ICE).
 */
final class PapBibliographyReader {

  private final DocumentCursor c;
  private final PatentDraft d;

  PapBibliographyReader(DocumentCursor c, PatentDraft d) {
    this.c = c;
    this.d = d;
  }

  void read() throws XMLStreamException {
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      switch (name) {
        case "document-id":
          if (d.publication == null) {
            d.publication = DocumentIdNames.PAP.read(c, "US");
          } else {
            c.skip();
          }
          break;
        case "domestic-filing-data":
          application();
          break;
        case "foreign-priority-data":
          d.addRelated("priority", DocumentIdNames.PAP_FILING.read(c, null));
          break;
        case "classification-ipc":
          ipc();
          break;
        case "classification-us":
          uspc();
          break;
        case "title-of-invention":
          d.title = c.firstText(d.title);
          break;
        case "continuity-data":
          continuity();
          break;
        case "first-named-inventor":
        case "inventor":
          party(d.inventors);
          break;
        case "assignee":
          party(d.assignees);
          break;
        case "correspondence-address":
          c.skip();
          break;
        default:
          break; // descend (technical-information, inventors, ...)
      }
    }
  }

  /** domestic-filing-data: application-number/doc-number and filing-date; the first is this application. */
  private void application() throws XMLStreamException {
    DocumentId id = DocumentIdNames.PAP_FILING.read(c, "US");
    if (d.application == null) {
      d.application = id;
    }
  }

  /** classification-ipc: the primary symbol first, secondary ones after, the edition as version. */
  private void ipc() throws XMLStreamException {
    int from = d.classifications.size();
    boolean primary = false;
    String edition = null;
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      switch (name) {
        case "classification-ipc-primary":
          primary = true;
          break;
        case "classification-ipc-secondary":
          primary = false;
          break;
        case "ipc": {
          String symbol = c.readText();
          if (symbol != null) {
            d.classifications.add(PatentDraft.classification("IPC", symbol, primary, null, null));
          }
          break;
        }
        case "classification-ipc-edition":
          edition = c.readText();
          break;
        default:
          break;
      }
    }
    d.editionAsVersion(from, edition);
  }

  /**
   * classification-us: {@code uspc/class} + {@code uspc/subclass} joined into ICE's positional
   * form (class right-aligned in 3, then the 6-digit subclass: {@code 435}+{@code 252100} ->
   * {@code 435252100}, read by the normalizer as 435/252.1); primary first.
   */
  private void uspc() throws XMLStreamException {
    boolean primary = false;
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      switch (name) {
        case "classification-us-primary":
          primary = true;
          break;
        case "classification-us-secondary":
          primary = false;
          break;
        case "uspc": {
          String symbol = uspcSymbol();
          if (symbol != null) {
            d.classifications.add(PatentDraft.classification("USPC", symbol, primary, null, null));
          }
          break;
        }
        default:
          break;
      }
    }
  }

  private String uspcSymbol() throws XMLStreamException {
    String cls = null;
    String sub = null;
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      if (name.equals("class")) {
        cls = c.readText();
      } else if (name.equals("subclass")) {
        sub = c.readText();
      }
    }
    if (cls == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(12);
    for (int i = cls.length(); i < 3; i++) {
      sb.append(' ');
    }
    sb.append(cls);
    if (sub != null) {
      sb.append(sub);
    }
    return sb.toString();
  }

  /** continuity-data: each relation's parent documents (the child is this application or an earlier one). */
  private void continuity() throws XMLStreamException {
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      String relation = relationOf(name);
      if (relation != null) {
        relation(relation);
      }
    }
  }

  private void relation(String relation) throws XMLStreamException {
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      switch (name) {
        case "child":
        case "parent-status":
          c.skip();
          break;
        case "document-id":
          d.addRelated(relation, DocumentIdNames.PAP.read(c, "US"));
          break;
        default:
          break;
      }
    }
  }

  /** The record's relation for a continuity-data element; null for wrappers ({@code continuations}). */
  static String relationOf(String element) {
    switch (element) {
      case "continuation-of":
        return "continuation";
      case "continuation-in-part-of":
        return "continuation-in-part";
      case "division-of":
        return "division";
      case "non-provisional-of-provisional":
        return "provisional";
      case "reissue-of":
        return "reissue";
      case "substitution-of":
        return "other";
      default:
        return null;
    }
  }

  /**
   * first-named-inventor / inventor / assignee: organization-name, else given-name (+ middle-name)
   * and family-name (+ name-suffix); the first city and country-code (address or residence;
   * citizenship is not a place).
   */
  private void party(java.util.List<Party> parties) throws XMLStreamException {
    String org = null;
    String given = null;
    String middle = null;
    String family = null;
    String suffix = null;
    String city = null;
    String country = null;
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      switch (name) {
        case "organization-name":
          org = c.firstText(org);
          break;
        case "given-name":
          given = c.firstText(given);
          break;
        case "middle-name":
          middle = c.firstText(middle);
          break;
        case "family-name":
          family = c.firstText(family);
          break;
        case "name-suffix":
          suffix = c.firstText(suffix);
          break;
        case "city":
          city = c.firstText(city);
          break;
        case "country-code":
          country = c.firstText(country);
          break;
        case "citizenship":
        case "name-prefix":
          c.skip();
          break;
        default:
          break;
      }
    }
    String first = given == null ? middle : middle == null ? given : given + ' ' + middle;
    String last = family == null ? null : suffix == null ? family : family + ' ' + suffix;
    PartyReader.add(parties, PartyReader.party(org, first, last, null, city, country, parties.size() + 1));
  }
}
