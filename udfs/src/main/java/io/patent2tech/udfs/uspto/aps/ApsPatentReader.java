package io.patent2tech.udfs.uspto.aps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patent2tech.schema.Citation;
import io.patent2tech.schema.Claim;
import io.patent2tech.schema.Classification;
import io.patent2tech.schema.DescriptionSection;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.Figure;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Party;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.RelatedDocument;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.normalize.ClaimReferences;
import io.patent2tech.udfs.normalize.PublicationKeys;
import io.patent2tech.udfs.uspto.DrawingViews;
import io.patent2tech.udfs.uspto.SectionHeadings;

/**
 * Reads the records of one APS patent (a {@code PATN} record and the records after it) into the
 * parsed {@link Patent}, the same not-yet-normalized form the ICE parser gives: numbers and dates as
 * the office wrote them, text white-space collapsed. Per-document state; one instance per parse.
 * docs/parser.md lists which field lands where.
 */
final class ApsPatentReader {

  static final String PRODUCT = "APS Green Book text";
  private static final String LANGUAGE = "en";

  private final ApsLines lines;
  private final Source where;

  // PATN
  private String wku;
  private String src;
  private String apn;
  private String apt;
  private String apd;
  private String isd;
  private String title;
  private int figureCount = -1;

  private final List<LocalizedText> abstracts = new ArrayList<>(1);
  private final StringBuilder abstractText = new StringBuilder(1024);
  private final List<RelatedDocument> related = new ArrayList<>(4);
  private final List<Classification> classifications = new ArrayList<>(8);
  private final List<Party> inventors = new ArrayList<>(4);
  private final List<Party> assignees = new ArrayList<>(2);
  private final List<Party> agents = new ArrayList<>(2);
  private final List<Citation> citations = new ArrayList<>(16);
  private final List<Claim> claims = new ArrayList<>(20);
  private final List<DescriptionSection> description = new ArrayList<>(16);
  private final List<String> drawingParagraphs = new ArrayList<>(12);

  /** The record being read and the fields of the current record that make one item. */
  private String record;
  private final Map<String, String> fields = new LinkedHashMap<>();
  private final List<Classification> ipcOfRecord = new ArrayList<>(4);
  private String edition;
  private boolean ipcSeen;

  private String sectionType;
  private String sectionHeading;
  private final StringBuilder sectionText = new StringBuilder(8192);

  private int claimNumber = -1;
  private final StringBuilder claimText = new StringBuilder(2048);

  ApsPatentReader(ApsLines lines, Source where) {
    this.lines = lines;
    this.where = where;
  }

  Patent read() throws DocumentRejectedException {
    if (!lines.next() || !lines.isRecord() || !lines.code().equals("PATN")) {
      throw reject("not APS Green Book text: the first record is not PATN");
    }
    record = "PATN";
    while (lines.next()) {
      if (lines.isRecord()) {
        endRecord();
        record = lines.code();
        if (record.equals("PATN")) {
          throw reject("a second PATN record at line " + lines.line()
              + ": one document is one patent (weekly files are split before parsing)");
        }
      } else {
        field(lines.code(), lines.value());
      }
    }
    endRecord();
    return build();
  }

  // -- records -------------------------------------------------------------------------------------

  private void field(String code, String value) {
    switch (record) {
      case "PATN":
        patn(code, value);
        break;
      case "CLAS":
        clas(code);
        break;
      case "ABST":
        if (isParagraph(code) && value != null) {
          paragraph(abstractText, value);
        }
        break;
      case "PARN":
      case "GOVT":
      case "BSUM":
      case "DRWD":
      case "DETD":
        descriptionField(code, value);
        break;
      case "CLMS":
      case "DCLM":
        claimField(code, value);
        break;
      case "OREF":
        if (value != null) {
          citations.add(citation(null, value));
        }
        break;
      case "INVT":
      case "ASSG":
      case "PRIR":
      case "RLAP":
      case "REIS":
      case "UREF":
      case "FREF":
        // one item per record, built from all its fields at its end; a repeated code keeps the first
        if (value != null) {
          fields.putIfAbsent(code, value);
        }
        break;
      case "LREP":
        lrep(code, value);
        break;
      default:
        break; // PCTA and records this reader does not map (docs/parser.md)
    }
  }

  private void endRecord() {
    switch (record) {
      case "INVT":
        addParty(inventors);
        break;
      case "ASSG":
        addParty(assignees);
        break;
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
      case "CLAS":
        for (Classification c : ipcOfRecord) {
          c.setVersion(edition);
        }
        ipcOfRecord.clear();
        edition = null;
        break;
      case "ABST":
        if (abstractText.length() > 0) {
          abstracts.add(new LocalizedText(LANGUAGE, abstractText.toString()));
          abstractText.setLength(0);
        }
        break;
      case "PARN":
      case "GOVT":
      case "BSUM":
      case "DRWD":
      case "DETD":
        flushSection();
        sectionType = null;
        break;
      case "CLMS":
      case "DCLM":
        flushClaim();
        break;
      default:
        break;
    }
    fields.clear();
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

  /** OCL: the US classification (first); XCL: further US classifications; ICL: IPC; EDF: its edition. */
  private void clas(String code) {
    String fixedWidth = lines.firstLine(); // positions matter in USPC and IPC symbols
    if (fixedWidth == null) {
      return;
    }
    switch (code) {
      case "OCL ":
        classifications.add(classification("USPC", fixedWidth, true));
        break;
      case "XCL ":
        classifications.add(classification("USPC", fixedWidth, false));
        break;
      case "ICL ": {
        Classification c = classification("IPC", ApsCodes.ipc(fixedWidth), !ipcSeen); // the first ICL is the main one
        ipcSeen = true;
        classifications.add(c);
        ipcOfRecord.add(c);
        break;
      }
      case "EDF ":
        edition = fixedWidth.trim();
        break;
      default:
        break; // FSC/FSS (field of search), DCD, UCL
    }
  }

  private void lrep(String code, String value) {
    if (value == null) {
      return;
    }
    switch (code) {
      case "FRM ": // law firm
        agents.add(party(value, true, null, agents.size() + 1));
        break;
      case "FR2 ": // principal attorney
      case "AAT ": // associate attorney
      case "ATT ":
      case "AGT ":
        agents.add(party(value, false, null, agents.size() + 1));
        break;
      default:
        break;
    }
  }

  // -- description, claims ----------------------------------------------------------------------------

  /** Text lines of the text records: PAR, PA1-PA9, PAL, TBL, EQU ...; not PAC (a heading), NUM, STM. */
  private static boolean isParagraph(String code) {
    return !code.equals("PAC ") && !code.equals("NUM ") && !code.equals("STM ");
  }

  private void descriptionField(String code, String value) {
    if (value == null) {
      return;
    }
    if (code.equals("PAC ")) {
      flushSection();
      sectionHeading = value;
      sectionType = record.equals("BSUM") ? bsumSection(value) : regionSection();
      return;
    }
    if (!isParagraph(code)) {
      return;
    }
    if (sectionType == null) {
      sectionType = regionSection();
    }
    paragraph(sectionText, value);
    if (record.equals("DRWD")) {
      drawingParagraphs.add(value);
    }
  }

  /** BSUM holds background and summary, told apart by their headings as in ICE's BRFSUM region. */
  private String bsumSection(String heading) {
    String byHeading = SectionHeadings.sectionOf(heading);
    return byHeading != null ? byHeading : sectionType != null ? sectionType : SectionHeadings.SUMMARY;
  }

  private String regionSection() {
    switch (record) {
      case "PARN":
        return SectionHeadings.CROSS_REFERENCE;
      case "GOVT":
        return SectionHeadings.GOVERNMENT_INTEREST;
      case "BSUM":
        return SectionHeadings.SUMMARY;
      case "DRWD":
        return SectionHeadings.DRAWINGS;
      case "DETD":
        return SectionHeadings.DETAILED;
      default:
        return SectionHeadings.OTHER;
    }
  }

  private void flushSection() {
    if (sectionText.length() > 0) {
      description.add(new DescriptionSection(sectionType, sectionHeading, sectionText.toString()));
    }
    sectionText.setLength(0);
    sectionHeading = null;
  }

  private static void paragraph(StringBuilder sb, String text) {
    if (sb.length() > 0) {
      sb.append('\n');
    }
    sb.append(text);
  }

  /** NUM starts a claim; its paragraphs (PAR, PA1 ...) are one text. A DCLM (design claim) has no NUM. */
  private void claimField(String code, String value) {
    if (code.equals("NUM ")) {
      flushClaim();
      int n = ApsCodes.leadingNumber(value);
      claimNumber = n > 0 ? n : claims.size() + 1;
      return;
    }
    if (!isParagraph(code) || value == null) {
      return;
    }
    if (claimNumber < 0) {
      claimNumber = claims.size() + 1;
    }
    if (claimText.length() > 0) {
      claimText.append(' ');
    }
    claimText.append(value);
  }

  private void flushClaim() {
    if (claimNumber > 0 && claimText.length() > 0) {
      String text = withoutPrintedNumber(claimText, claimNumber);
      List<Integer> refs = ClaimReferences.dependsOn(text, claimNumber);
      claims.add(new Claim(claimNumber, text, refs.isEmpty(), refs));
    }
    claimText.setLength(0);
    claimNumber = -1;
  }

  /** "2. A device as claimed in claim 1" -> "A device as claimed in claim 1" when 2 is the claim's number. */
  private static String withoutPrintedNumber(StringBuilder sb, int number) {
    int i = 0;
    while (i < sb.length() && i < 5 && Character.isDigit(sb.charAt(i))) {
      i++;
    }
    if (i > 0 && i < sb.length() && (sb.charAt(i) == '.' || sb.charAt(i) == ')')
        && Integer.parseInt(sb.substring(0, i)) == number) {
      int j = i + 1;
      while (j < sb.length() && sb.charAt(j) == ' ') {
        j++;
      }
      if (j < sb.length()) {
        return sb.substring(j);
      }
    }
    return sb.toString();
  }

  // -- items ------------------------------------------------------------------------------------------

  /** INVT / ASSG: NAM "Last; First" (a person) or an organization's name, CTY, STA (a US state) or CNT. */
  private void addParty(List<Party> into) {
    String nam = fields.get("NAM ");
    if (nam == null) {
      return;
    }
    String country = ApsCodes.country(fields.get("CNT "));
    if (country == null && fields.get("STA ") != null) {
      country = "US"; // a state and no country: a US address
    }
    Party p = party(nam, nam.indexOf(';') < 0 && into == assignees, fields.get("CTY "), into.size() + 1);
    p.setCountry(country);
    into.add(p);
  }

  private static Party party(String nam, boolean organization, String city, int sequence) {
    Party p = new Party();
    if (organization) {
      p.setName(nam);
      p.setOrganization(nam);
    } else {
      String[] lf = ApsCodes.lastAndFirst(nam);
      p.setLastName(lf[0]);
      p.setFirstName(lf[1]);
      p.setName(lf[1] == null ? lf[0] : lf[0] == null ? lf[1] : lf[1] + ' ' + lf[0]);
    }
    p.setCity(city);
    p.setSequence(sequence);
    return p;
  }

  private static DocumentId document(String country, String number, String date) {
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

  private static Classification classification(String scheme, String symbol, boolean first) {
    Classification c = new Classification();
    c.setScheme(scheme);
    c.setSymbol(symbol);
    c.setFirst(first);
    return c;
  }

  /**
   * NFG figures, labelled from the drawing description when it describes exactly that many FIGs
   * (FIG. 1, 1A, 2 ...: each figure gets its label and the sentence that describes it); otherwise
   * numbered {@code figure-1..n} without labels. APS has no image references.
   */
  private List<Figure> figures() {
    Map<String, String> labelText = new LinkedHashMap<>();
    for (DrawingViews.View v : DrawingViews.views(drawingParagraphs)) {
      for (String label : v.labels) {
        labelText.putIfAbsent(label, v.text);
      }
    }
    int count = figureCount >= 0 ? figureCount : labelText.size();
    boolean labelled = labelText.size() == count;
    List<String> labels = new ArrayList<>(labelText.keySet());
    List<Figure> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Figure f = new Figure();
      if (labelled) {
        String label = labels.get(i);
        f.setId("FIG-" + label);
        f.setFigureNumbers(new ArrayList<>(List.of(label)));
        f.setViewText(labelText.get(label));
      } else {
        f.setId("figure-" + (i + 1));
        f.setFigureNumbers(new ArrayList<>(0));
      }
      out.add(f);
    }
    return out;
  }

  // -- result -----------------------------------------------------------------------------------------

  private Patent build() {
    String number = ApsCodes.patentNumber(wku);
    String series = ApsCodes.series(number);
    String type = ApsCodes.documentType(apt, series);
    DocumentId pub = document("US", number, isd);
    pub.setKind(ApsCodes.kind(type, series, isd));

    Patent p = new Patent();
    p.setPublication(pub);
    String key = PublicationKeys.publicationKey(pub.getCountry(), pub.getNumber(), pub.getKind());
    p.setPublicationKey(key == null ? "" : key);
    String applicationNumber = ApsCodes.applicationNumber(src, apn);
    if (applicationNumber != null || apd != null) {
      p.setApplication(document("US", applicationNumber, apd));
      p.setApplicationKey(PublicationKeys.applicationKey("US", applicationNumber));
    }
    p.setDocumentType(type);
    p.setRelatedDocuments(related);
    p.setLanguage(LANGUAGE);
    List<LocalizedText> titles = new ArrayList<>(1);
    if (title != null) {
      titles.add(new LocalizedText(LANGUAGE, title));
    }
    p.setTitles(titles);
    p.setAbstracts(abstracts);
    p.setClaims(claims);
    p.setDescription(description);
    p.setClassifications(classifications);
    p.setApplicants(new ArrayList<>(0));
    p.setInventors(inventors);
    p.setAssignees(assignees);
    p.setAgents(agents);
    p.setCitations(citations);
    p.setFigures(figures());
    p.setSource(source());
    p.setContentHash("");
    p.setVersion(1);
    p.setIngestTime(0L);
    return p;
  }

  private Source source() {
    Source s = new Source();
    s.setOffice(where != null && where.getOffice() != null ? where.getOffice() : "USPTO");
    s.setProduct(PRODUCT);
    s.setFile(where != null && where.getFile() != null ? where.getFile() : "unknown");
    s.setEntry(where != null ? where.getEntry() : null);
    s.setPosition(where != null ? where.getPosition() : 0L);
    s.setOffset(where != null ? where.getOffset() : null);
    s.setRequest(where != null ? where.getRequest() : null);
    s.setCollectionRun(where != null ? where.getCollectionRun() : null);
    return s;
  }

  private static DocumentRejectedException reject(String reason) {
    return new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE, reason, null, null);
  }
}
