package io.patent2tech.udfs.kipris;

import java.util.ArrayList;
import java.util.List;

import io.patent2tech.schema.Claim;
import io.patent2tech.schema.Classification;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Party;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.RelatedDocument;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;

/**
 * One KIPRIS record (an {@link XmlNode} from {@link KiprisEnvelope#items}) to a parsed, not yet
 * normalized {@link Patent}. Two shapes:
 * <ul>
 *   <li><b>detail</b> ({@code getBibliographyDetailInfoSearch}): {@code biblioSummaryInfo} for
 *       numbers, dates and titles, and the {@code *InfoArray} blocks for abstract, claims, IPC, CPC,
 *       applicants, inventors, agents, family and priorities;</li>
 *   <li><b>row</b> (legacy {@code PatentUtilityInfo}, kipi search {@code item}): flat fields, lists
 *       pipe-joined ({@code G06F 17/30|H04L 29/06}, {@code 주식회사 이노디스|김덕현}), no claims.</li>
 * </ul>
 * Korean text is kept as given; language {@code ko}. The publication and its kind come from
 * {@link KiprisPublications}. Rejections (stage parse): designs, other rights, a nil
 * {@code biblioSummaryInfo}, a record never published.
 */
final class KiprisRecords {

  static final String PRODUCT_DETAIL = "kipris-plus getBibliographyDetailInfoSearch";
  static final String PRODUCT_LEGACY_ROW = "kipris openapi rest PatentUtilityInfo";
  static final String PRODUCT_SEARCH_ROW = "kipris-plus search item";

  private KiprisRecords() {}

  static boolean isDetail(XmlNode item) {
    return item.child("biblioSummaryInfoArray") != null || item.child("biblioSummaryInfo") != null;
  }

  /** The application number of a record when it has one (for dead letters and logs), else null. */
  static String applicationNumber(XmlNode item) {
    if (isDetail(item)) {
      List<XmlNode> s = item.entries("biblioSummaryInfo");
      return s.isEmpty() ? null : KiprisFields.number(s.get(0).first(KiprisFields.APPLICATION_NUMBER));
    }
    return KiprisFields.number(item.first(KiprisFields.APPLICATION_NUMBER));
  }

  static Patent map(XmlNode item, Source where) throws DocumentRejectedException {
    if ("DesignInfo".equalsIgnoreCase(item.name())) {
      throw design(KiprisFields.number(item.first(KiprisFields.APPLICATION_NUMBER)), item.first(KiprisFields.TITLE));
    }
    return isDetail(item) ? detail(item, where) : row(item, where);
  }

  // -- detail ---------------------------------------------------------------------------------------

  private static Patent detail(XmlNode item, Source where) throws DocumentRejectedException {
    List<XmlNode> summaries = item.entries("biblioSummaryInfo");
    if (summaries.isEmpty()) {
      throw reject("biblioSummaryInfo is nil or empty: KIPRIS returned the detail without its bibliographic "
          + "summary (no application number, title or dates); request it again");
    }
    XmlNode s = summaries.get(0);
    Patent p = common(s, where, PRODUCT_DETAIL);

    List<LocalizedText> titles = new ArrayList<>(2);
    addText(titles, "ko", s.first(KiprisFields.TITLE));
    addText(titles, "en", s.first(KiprisFields.TITLE_EN));
    p.setTitles(titles);

    StringBuilder abs = new StringBuilder();
    for (XmlNode a : item.entries("abstractInfo")) {
      String t = a.first(KiprisFields.ABSTRACT);
      if (t != null) {
        abs.append(abs.length() > 0 ? "\n" : "").append(t);
      }
    }
    List<LocalizedText> abstracts = new ArrayList<>(1);
    addText(abstracts, "ko", abs.length() == 0 ? null : abs.toString());
    p.setAbstracts(abstracts);

    List<Claim> claims = new ArrayList<>();
    for (XmlNode c : item.entries("claimInfo")) {
      String t = c.first("claim");
      if (t != null) {
        claims.add(KiprisClaims.claim(t, claims.size() + 1));
      }
    }
    p.setClaims(claims);

    List<Classification> cls = new ArrayList<>();
    for (XmlNode c : item.entries("ipcInfo")) {
      String version = KiprisFields.compactDate(c.first("ipcDate"));
      for (String sym : KiprisFields.pipeList(c.first(KiprisFields.IPC))) {
        cls.add(classification("IPC", sym, cls.isEmpty(), version));
      }
    }
    int ipcCount = cls.size();
    for (XmlNode c : item.entries("cpcInfo")) {
      String version = KiprisFields.compactDate(c.first("cpcDate"));
      for (String sym : KiprisFields.pipeList(c.first(KiprisFields.CPC))) {
        cls.add(classification("CPC", sym, cls.size() == ipcCount, version));
      }
    }
    p.setClassifications(cls);

    p.setApplicants(parties(item.entries("applicantInfo")));
    p.setInventors(parties(item.entries("inventorInfo")));
    p.setAgents(parties(item.entries("agentInfo")));

    List<RelatedDocument> related = p.getRelatedDocuments();
    for (XmlNode f : item.entries("familyInfo")) {
      String n = KiprisFields.number(f.first("familyApplicationNumber"));
      if (n != null) {
        related.add(new RelatedDocument("other", new DocumentId("KR", n, null, null)));
      }
    }
    for (XmlNode pr : item.entries("priorityInfo")) {
      String n = KiprisFields.number(pr.first("priorityApplicationNumber", "priorityNumber"));
      if (n != null) {
        String cc = pr.first("priorityApplicationCountry", "priorityCountry");
        related.add(new RelatedDocument("priority", new DocumentId(cc != null && cc.length() == 2 ? cc : "",
            n, null, KiprisFields.compactDate(pr.first("priorityApplicationDate", "priorityDate")))));
      }
    }
    String family = s.first(KiprisFields.FAMILY_ID);
    if (family == null) {
      XmlNode f = item.find("docdbFamilyId");
      family = f == null ? null : f.text();
    }
    p.setFamilyId(family);
    return p;
  }

  // -- search row -----------------------------------------------------------------------------------

  private static Patent row(XmlNode item, Source where) throws DocumentRejectedException {
    boolean legacy = "PatentUtilityInfo".equalsIgnoreCase(item.name());
    Patent p = common(item, where, legacy ? PRODUCT_LEGACY_ROW : PRODUCT_SEARCH_ROW);
    List<LocalizedText> titles = new ArrayList<>(2);
    addText(titles, "ko", item.first(KiprisFields.TITLE));
    addText(titles, "en", item.first(KiprisFields.TITLE_EN));
    p.setTitles(titles);
    List<LocalizedText> abstracts = new ArrayList<>(1);
    addText(abstracts, "ko", item.first(KiprisFields.ABSTRACT));
    p.setAbstracts(abstracts);
    p.setClaims(new ArrayList<>(0));
    List<Classification> cls = new ArrayList<>();
    for (String sym : KiprisFields.pipeList(item.first(KiprisFields.IPC))) {
      cls.add(classification("IPC", sym, cls.isEmpty(), null));
    }
    p.setClassifications(cls);
    p.setApplicants(names(item.first(KiprisFields.APPLICANTS)));
    p.setInventors(names(item.first(KiprisFields.INVENTORS)));
    p.setAgents(names(item.first(KiprisFields.AGENTS)));
    p.setFamilyId(item.first(KiprisFields.FAMILY_ID));
    return p;
  }

  // -- shared ---------------------------------------------------------------------------------------

  /** Numbers, dates, kind, document type, language and source, from a summary or a row. */
  private static Patent common(XmlNode f, Source where, String product) throws DocumentRejectedException {
    String app = KiprisFields.number(f.first(KiprisFields.APPLICATION_NUMBER));
    String open = KiprisFields.number(f.first(KiprisFields.OPEN_NUMBER));
    String reg = KiprisFields.number(f.first(KiprisFields.REGISTRATION_NUMBER));
    KiprisPublications.Right right = KiprisPublications.right(app, open, reg);
    if (right == KiprisPublications.Right.DESIGN) {
      throw design(app, f.first(KiprisFields.TITLE));
    }
    if (right == KiprisPublications.Right.OTHER) {
      throw reject("application number '" + app + "' is not a patent (10...) or utility model (20...) application");
    }
    KiprisPublications.Choice choice = KiprisPublications.choose(right, open,
        KiprisFields.compactDate(f.first(KiprisFields.OPEN_DATE)), reg,
        KiprisFields.compactDate(f.first(KiprisFields.PUBLICATION_DATE)),
        KiprisFields.compactDate(f.first(KiprisFields.REGISTRATION_DATE)));
    if (choice == null) {
      String status = f.first(KiprisFields.STATUS);
      throw reject("application " + app + (status == null ? "" : " (status " + status + ")")
          + " has neither a registration (등록) nor an opening (공개) number: not published");
    }
    Patent p = new Patent();
    p.setPublication(choice.publication());
    p.setApplication(new DocumentId("KR", app == null ? "" : app, null,
        KiprisFields.compactDate(f.first(KiprisFields.APPLICATION_DATE))));
    List<RelatedDocument> related = new ArrayList<>(2);
    if (choice.earlierPublication() != null) {
      related.add(new RelatedDocument("related-publication", choice.earlierPublication()));
    }
    p.setRelatedDocuments(related);
    // the schema has no utility-model type: utility models are "other" (kind U / Y1 tells them apart)
    p.setDocumentType(right == KiprisPublications.Right.PATENT ? "utility" : "other");
    p.setLanguage("ko");
    p.setSource(source(where, product));
    p.setContentHash("");
    p.setVersion(1);
    return p;
  }

  private static Source source(Source where, String product) {
    Source s = where == null ? new Source("KIPO", null, "", null, 0L, null, null, null)
        : Source.newBuilder(where).build();
    if (s.getOffice() == null || s.getOffice().isBlank()) {
      s.setOffice("KIPO");
    }
    if (s.getProduct() == null || s.getProduct().isBlank()) {
      s.setProduct(product);
    }
    if (s.getFile() == null) {
      s.setFile("");
    }
    return s;
  }

  private static void addText(List<LocalizedText> out, String lang, String text) {
    if (text != null) {
      out.add(new LocalizedText(lang, text));
    }
  }

  private static Classification classification(String scheme, String symbol, boolean first, String version) {
    Classification c = new Classification();
    c.setScheme(scheme);
    c.setSymbol(symbol);
    c.setFirst(first);
    c.setVersion(version);
    return c;
  }

  /** Detail parties: Korean {@code name}, else {@code engName}; masked addresses are not read. */
  private static List<Party> parties(List<XmlNode> entries) {
    List<Party> out = new ArrayList<>(entries.size());
    for (XmlNode e : entries) {
      String name = e.first("name", "engName");
      if (name != null) {
        Party p = new Party();
        p.setName(name);
        p.setCountry(e.first("country"));
        p.setSequence(out.size());
        out.add(p);
      }
    }
    return out;
  }

  /** Row parties: a pipe-joined name list. */
  private static List<Party> names(String joined) {
    List<Party> out = new ArrayList<>(1);
    for (String n : KiprisFields.pipeList(joined)) {
      Party p = new Party();
      p.setName(n);
      p.setSequence(out.size());
      out.add(p);
    }
    return out;
  }

  private static DocumentRejectedException design(String app, String title) {
    return reject("design application " + app + (title == null ? "" : " (" + title + ")")
        + ": KIPRIS designs are out of scope (no claims or abstract to map)");
  }

  private static DocumentRejectedException reject(String reason) {
    return new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE, reason, null, null);
  }
}
