package io.patent2tech.udfs.epo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLStreamReader2;

import io.patent2tech.schema.DocumentId;
import io.patent2tech.udfs.normalize.Texts;

/**
 * The {@code document-id} variants OPS gives for one reference (publication, application, priority,
 * cited document) and the choice among them. OPS repeats a reference in up to three formats:
 * {@code docdb} (country, number, kind, date as separate elements), {@code epodoc} (country glued to
 * the number, application numbers with the filing year: {@code EP19990203729}) and {@code original}
 * (the office's own number, no country). The canonical record uses DOCDB numbering, so docdb wins;
 * the others only fill what docdb lacks.
 */
final class OpsDocumentIds {

  /** One {@code document-id} as written. */
  record Variant(String type, String country, String number, String kind, String date) {}

  private OpsDocumentIds() {}

  /**
   * Reads the {@code document-id} children of the current element (publication-reference,
   * application-reference, priority-claim, patcit, or a fulltext publication-reference whose type
   * sits on the parent as {@code data-format}); leaves the reader on its end tag.
   */
  static List<Variant> read(XMLStreamReader2 r, String ns) throws XMLStreamException {
    String parentFormat = OpsXml.attr(r, "data-format");
    List<Variant> out = new ArrayList<>(3);
    int depth = r.getDepth();
    while (OpsXml.nextStartWithin(r, depth)) {
      if (OpsXml.is(r, ns, "document-id")) {
        String type = OpsXml.attr(r, "document-id-type");
        out.add(readOne(r, ns, type != null ? type : parentFormat));
      }
    }
    return out;
  }

  private static Variant readOne(XMLStreamReader2 r, String ns, String type) throws XMLStreamException {
    String country = null;
    String number = null;
    String kind = null;
    String date = null;
    int depth = r.getDepth();
    while (OpsXml.nextStartWithin(r, depth)) {
      if (!ns.equals(r.getNamespaceURI())) {
        continue;
      }
      switch (r.getLocalName()) {
        case "country":
          country = Texts.collapse(OpsXml.rawText(r));
          break;
        case "doc-number":
          number = Texts.collapse(OpsXml.rawText(r));
          break;
        case "kind":
          kind = Texts.collapse(OpsXml.rawText(r));
          break;
        case "date":
          date = Texts.collapse(OpsXml.rawText(r));
          break;
        default:
          // name (applicant of a cited document), lang: not kept
      }
    }
    return new Variant(type == null ? "docdb" : type.toLowerCase(Locale.ROOT), country, number, kind, date);
  }

  /**
   * The DOCDB view of a reference: the docdb variant; else the epodoc variant's country with the
   * original number (same as DOCDB for most offices); else the epodoc number split after its
   * two-letter country. A missing date is taken from any other variant. Null when no variant has a
   * number.
   */
  static DocumentId choose(List<Variant> variants) {
    Variant docdb = find(variants, "docdb");
    Variant epodoc = find(variants, "epodoc");
    Variant original = find(variants, "original");
    DocumentId d = new DocumentId();
    if (docdb != null && docdb.number() != null) {
      d.setCountry(docdb.country());
      d.setNumber(docdb.number());
      d.setKind(docdb.kind());
      d.setDate(docdb.date());
    } else if (epodoc != null && epodoc.number() != null && epodoc.number().length() > 2
        && Character.isLetter(epodoc.number().charAt(0)) && Character.isLetter(epodoc.number().charAt(1))) {
      d.setCountry(epodoc.number().substring(0, 2));
      d.setNumber(original != null && original.number() != null ? original.number() : epodoc.number().substring(2));
      d.setKind(epodoc.kind());
      d.setDate(epodoc.date());
    } else if (original != null && original.number() != null) {
      d.setCountry(original.country());
      d.setNumber(original.number());
      d.setKind(original.kind());
      d.setDate(original.date());
    } else {
      return null;
    }
    if (d.getDate() == null) {
      for (Variant v : variants) {
        if (v.date() != null) {
          d.setDate(v.date());
          break;
        }
      }
    }
    return d;
  }

  private static Variant find(List<Variant> variants, String type) {
    for (Variant v : variants) {
      if (type.equals(v.type())) {
        return v;
      }
    }
    return null;
  }
}
