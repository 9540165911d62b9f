package io.patent2tech.udfs.uspto;

import javax.xml.stream.XMLStreamException;

import io.patent2tech.schema.DocumentId;

/**
 * The element names of a document identifier in one of the legacy formats (number, kind, date,
 * country; null where the format has none), and the reader of one. ICE's own reader is {@link
 * IdentifierReader#documentId}, which also skips the names and classifications cited documents carry.
 */
final class DocumentIdNames {

  /** PAP {@code document-id}. */
  static final DocumentIdNames PAP = new DocumentIdNames("doc-number", "kind-code", "document-date", "country-code");
  /** PAP {@code domestic-filing-data} and {@code foreign-priority-data}. */
  static final DocumentIdNames PAP_FILING = new DocumentIdNames("doc-number", null, "filing-date", "country-code");
  /** ST.32 {@code DOC}. */
  static final DocumentIdNames ST32 = new DocumentIdNames("DNUM", "KIND", "DATE", "CTRY");
  /** ST.32 {@code B300}: B310 number, B320 date, B330 country. */
  static final DocumentIdNames ST32_PRIORITY = new DocumentIdNames("B310", null, "B320", "B330");

  private final String number;
  private final String kind;
  private final String date;
  private final String country;

  private DocumentIdNames(String number, String kind, String date, String country) {
    this.number = number;
    this.kind = kind;
    this.date = date;
    this.country = country;
  }

  /**
   * Reads the current element's identifier, the first occurrence of each part at any depth;
   * {@code defaultCountry} when it names none (ST.32 and PAP name only foreign countries).
   */
  DocumentId read(DocumentCursor c, String defaultCountry) throws XMLStreamException {
    DocumentId id = new DocumentId();
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      if (name.equals(number)) {
        id.setNumber(c.firstText(id.getNumber()));
      } else if (name.equals(kind)) {
        id.setKind(c.firstText(id.getKind()));
      } else if (name.equals(date)) {
        id.setDate(c.firstText(id.getDate()));
      } else if (name.equals(country)) {
        id.setCountry(c.firstText(id.getCountry()));
      }
    }
    if (id.getCountry() == null) {
      id.setCountry(defaultCountry);
    }
    return id;
  }
}
