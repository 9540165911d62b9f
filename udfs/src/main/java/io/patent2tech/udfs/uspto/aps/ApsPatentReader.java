package io.patent2tech.udfs.uspto.aps;

import java.util.ArrayList;
import java.util.List;

import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.normalize.PublicationKeys;
import io.patent2tech.udfs.uspto.UsptoSources;

/**
 * Reads one APS patent (a {@code PATN} record and the records after it) into the parsed
 * {@link Patent}, the same not-yet-normalized form the ICE parser gives: numbers and dates as the
 * office wrote them, text white-space collapsed. One pass of the cursor; each record goes to the
 * section reader of its concern ({@link ApsBibliographyReader}, {@link ApsReferenceReader},
 * {@link ApsTextReader}), the {@code PATN} fields are read here. Records no reader takes
 * ({@code PCTA} ...) are skipped. Per-document state; one instance per parse. docs/parser.md lists
 * which field lands where.
 */
final class ApsPatentReader {

  static final String PRODUCT = "APS Green Book text";
  private static final String LANGUAGE = "en";

  private final ApsLines lines;
  private final Source where;

  private final ApsBibliographyReader bibliography = new ApsBibliographyReader();
  private final ApsReferenceReader references = new ApsReferenceReader();
  private final ApsTextReader texts = new ApsTextReader(LANGUAGE);

  // PATN
  private String wku;
  private String src;
  private String apn;
  private String apt;
  private String apd;
  private String isd;
  private String title;
  private int figureCount = -1;

  ApsPatentReader(ApsLines lines, Source where) {
    this.lines = lines;
    this.where = where;
  }

  Patent read() throws DocumentRejectedException {
    if (!lines.next() || !lines.isRecord() || !lines.code().equals("PATN")) {
      throw reject("not APS Green Book text: the first record is not PATN");
    }
    String record = "PATN";
    ApsSectionReader reader = null;
    while (lines.next()) {
      if (lines.isRecord()) {
        if (reader != null) {
          reader.endRecord(record);
        }
        record = lines.code();
        if (record.equals("PATN")) {
          throw reject("a second PATN record at line " + lines.line()
              + ": one document is one patent (weekly files are split before parsing)");
        }
        reader = readerOf(record);
      } else if (reader != null) {
        reader.field(record, lines);
      } else if (record.equals("PATN")) {
        patn(lines.code(), lines.value());
      }
    }
    if (reader != null) {
      reader.endRecord(record);
    }
    return build();
  }

  /** The section reader of a record, or null for PATN and the records nobody maps. */
  private ApsSectionReader readerOf(String record) {
    if (ApsTextReader.reads(record)) {
      return texts;
    }
    if (ApsBibliographyReader.reads(record)) {
      return bibliography;
    }
    if (ApsReferenceReader.reads(record)) {
      return references;
    }
    return null;
  }

  private void patn(String code, String value) {
    switch (code) {
      case "WKU ":
        wku = value;
        break;
      case "SRC ":
        src = value;
        break;
      case "APN ":
        apn = value;
        break;
      case "APT ":
        apt = value;
        break;
      case "APD ":
        apd = value;
        break;
      case "ISD ":
        isd = value;
        break;
      case "TTL ":
        title = value;
        break;
      case "NFG ":
        figureCount = ApsCodes.leadingNumber(value);
        break;
      default:
        break; // NCL, NDR, ECL, EXP, EXA, ART, TRM ... (docs/parser.md)
    }
  }

  private Patent build() {
    String number = ApsCodes.patentNumber(wku);
    String series = ApsCodes.series(number);
    String type = ApsCodes.documentType(apt, series);
    DocumentId pub = ApsReferenceReader.document("US", number, isd);
    pub.setKind(ApsCodes.kind(type, series, isd));

    Patent p = new Patent();
    p.setPublication(pub);
    String key = PublicationKeys.publicationKey(pub.getCountry(), pub.getNumber(), pub.getKind());
    p.setPublicationKey(key == null ? "" : key);
    String applicationNumber = ApsCodes.applicationNumber(src, apn);
    if (applicationNumber != null || apd != null) {
      p.setApplication(ApsReferenceReader.document("US", applicationNumber, apd));
      p.setApplicationKey(PublicationKeys.applicationKey("US", applicationNumber));
    }
    p.setDocumentType(type);
    p.setRelatedDocuments(references.related());
    p.setLanguage(LANGUAGE);
    List<LocalizedText> titles = new ArrayList<>(1);
    if (title != null) {
      titles.add(new LocalizedText(LANGUAGE, title));
    }
    p.setTitles(titles);
    p.setAbstracts(texts.abstracts());
    p.setClaims(texts.claims());
    p.setDescription(texts.description());
    p.setClassifications(bibliography.classifications());
    p.setApplicants(new ArrayList<>(0)); // APS names inventors and assignees only
    p.setInventors(bibliography.inventors());
    p.setAssignees(bibliography.assignees());
    p.setAgents(bibliography.agents());
    p.setCitations(references.citations());
    p.setFigures(texts.figures(figureCount));
    p.setSource(UsptoSources.of(where, PRODUCT));
    p.setContentHash("");
    p.setVersion(1);
    p.setIngestTime(0L);
    return p;
  }

  private static DocumentRejectedException reject(String reason) {
    return new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE, reason, null, null);
  }
}
