package io.patent2tech.udfs.uspto;

import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLStreamException;

import io.patent2tech.schema.Citation;
import io.patent2tech.schema.DocumentId;

/** ICE citations: us-citation / citation with a patcit or nplcit and its category. */
final class CitationReader {

  private final DocumentCursor c;
  private final IdentifierReader ids;
  private final List<Citation> out;

  CitationReader(DocumentCursor c, PatentDraft d, IdentifierReader ids) {
    this.c = c;
    this.ids = ids;
    this.out = d.citations;
  }

  void citation() throws XMLStreamException {
    DocumentId doc = null;
    String text = null;
    String category = null;
    int num = -1;
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      switch (name) {
        case "patcit":
          num = FieldValues.parseIntOr(c.attr("num"), -1);
          doc = ids.documentId();
          break;
        case "nplcit":
          num = FieldValues.parseIntOr(c.attr("num"), -1);
          text = c.readText();
          break;
        case "category":
          category = c.readText();
          break;
        default:
          c.skip(); // classification-national, classification-cpc-text of the cited document
      }
    }
    add(out, doc, text, citedBy(category), num);
  }

  /**
   * A patent citation (doc) or, without one, a non-patent citation (text); sequence {@code num}
   * when known, else its position. Nothing is added when both are null. Shared by the legacy
   * formats' readers.
   */
  static void add(List<Citation> out, DocumentId doc, String text, String citedBy, int num) {
    if (doc == null && text == null) {
      return;
    }
    Citation ct = new Citation();
    ct.setType(doc != null ? "patent" : "npl");
    ct.setDocument(doc);
    ct.setText(doc != null ? null : text);
    ct.setCitedBy(citedBy);
    ct.setSequence(num >= 0 ? num : out.size() + 1);
    out.add(ct);
  }

  private static String citedBy(String category) {
    if (category == null) {
      return null;
    }
    String s = category.toLowerCase(Locale.ROOT);
    if (s.contains("examiner")) {
      return "examiner";
    }
    if (s.contains("applicant")) {
      return "applicant";
    }
    return "other";
  }
}
