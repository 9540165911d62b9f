package io.patent2tech.udfs.uspto.aps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.patent2tech.schema.Citation;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.RelatedDocument;
import io.patent2tech.udfs.normalize.PublicationKeys;

/**
 * Other documents an APS patent names: related documents ({@code PRIR} priorities, {@code RLAP}
 * parent applications and patents, {@code REIS} the reissued patent) and citations ({@code UREF} US
 * patents, {@code FREF} foreign patents, {@code OREF} non-patent literature). Each UREF/FREF/PRIR/
 * RLAP/REIS record is one item, built from its fields when the record ends; each OREF {@code PAL} is
 * one citation.
 */
final class ApsReferenceReader implements ApsSectionReader {

  private final List<RelatedDocument> related = new ArrayList<>(4);
  private final List<Citation> citations = new ArrayList<>(16);
  private final Map<String, String> fields = new HashMap<>();

  static boolean reads(String record) {
    switch (record) {
      case "PRIR":
      case "RLAP":
      case "REIS":
      case "UREF":
      case "FREF":
      case "OREF":
        return true;
      default:
        return false;
    }
  }

  @Override
  public void field(String record, ApsLines at) {
    String value = at.value();
    if (value == null) {
      return;
    }
    if (record.equals("OREF")) {
      citations.add(citation(null, value));
    } else {
      fields.putIfAbsent(at.code(), value); // a repeated code keeps the first
    }
  }

  @Override
  public void endRecord(String record) {
    switch (record) {
      case "PRIR":
        addRelated("priority", document(ApsCodes.country(fields.get("CNT ")), fields.get("APN "), fields.get("APD ")));
        break;
      case "RLAP":
      case "REIS": {
        String relation = record.equals("REIS") ? "reissue" : ApsCodes.relation(fields.get("COD "));
        addRelated(relation, document("US", fields.get("APN "), fields.get("APD ")));
        String pno = fields.get("PNO ");
        if (pno != null) {
          addRelated(relation, document("US", PublicationKeys.normalizeNumber("US", pno), fields.get("ISD ")));
        }
        break;
      }
      case "UREF":
      case "FREF": {
        String country = record.equals("UREF") ? "US" : ApsCodes.country(fields.get("CNT "));
        String pno = fields.get("PNO ");
        if (pno != null) {
          citations.add(citation(document(country, pno, fields.get("ISD ")), null));
        }
        break;
      }
      default:
        break;
    }
    fields.clear();
  }

  List<RelatedDocument> related() {
    return related;
  }

  List<Citation> citations() {
    return citations;
  }

  static DocumentId document(String country, String number, String date) {
    DocumentId d = new DocumentId();
    d.setCountry(country);
    d.setNumber(number);
    d.setDate(date);
    return d;
  }

  private void addRelated(String relation, DocumentId d) {
    if (d.getNumber() != null) {
      related.add(new RelatedDocument(relation, d));
    }
  }

  private Citation citation(DocumentId d, String text) {
    Citation c = new Citation();
    c.setType(d != null ? "patent" : "npl");
    c.setDocument(d);
    c.setText(text);
    c.setCitedBy(null); // APS does not say who cited a reference
    c.setSequence(citations.size() + 1);
    return c;
  }
}
