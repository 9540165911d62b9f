package io.patent2tech.udfs.uspto;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import io.patent2tech.udfs.normalize.DocumentTypes;
import io.patent2tech.udfs.normalize.PublicationKeys;

/**
 * What the section readers of one document have found so far, in the record's own types; {@link
 * #build} turns it into the parsed (not yet normalized) {@link Patent}. Every format fills the same
 * draft, so every format ends in the same record. One per parse call.
 */
final class PatentDraft {

  String lang;
  /** The root's publication date attribute (ICE {@code date-publ}), used when the reference has none. */
  String datePubl;

  DocumentId publication;
  DocumentId application;
  /** ICE {@code appl-type} (utility, design, ...); without it the kind letter decides. */
  String applType;
  String title;
  String titleLang;
  final List<LocalizedText> abstracts = new ArrayList<>(1);
  final List<RelatedDocument> related = new ArrayList<>(4);
  final List<Classification> classifications = new ArrayList<>(8);
  final List<Party> applicants = new ArrayList<>(4);
  final List<Party> inventors = new ArrayList<>(4);
  /** v4.0-v4.2 applicants with app-type applicant-inventor: the inventors when there is no list. */
  final List<Party> applicantInventors = new ArrayList<>(4);
  final List<Party> assignees = new ArrayList<>(2);
  final List<Party> agents = new ArrayList<>(2);
  final List<Citation> citations = new ArrayList<>(16);
  final List<Figure> figures = new ArrayList<>(8);
  final List<Claim> claims = new ArrayList<>(20);
  final List<DescriptionSection> description = new ArrayList<>(16);
  /** Paragraphs of the brief description of the drawings, for {@link DrawingViews}. */
  final List<String> bdodParagraphs = new ArrayList<>(12);

  static Classification classification(String scheme, String symbol, boolean first, Boolean inventive,
                                       String version) {
    Classification c = new Classification();
    c.setScheme(scheme);
    c.setSymbol(symbol);
    c.setFirst(first);
    c.setInventive(inventive);
    c.setVersion(version);
    return c;
  }

  /**
   * The edition of an IPC-7 or Locarno block ({@code 07}) as the version of the classifications
   * added since index {@code from} ({@code 7}); the edition may stand anywhere in the block.
   */
  void editionAsVersion(int from, String edition) {
    String version = edition == null ? null : FieldValues.stripLeadingZeros(edition);
    for (int i = from; i < classifications.size(); i++) {
      classifications.get(i).setVersion(version);
    }
  }

  /** A related document without a number names nothing and is left out. */
  void addRelated(String relation, DocumentId d) {
    if (d.getNumber() != null) {
      RelatedDocument rd = new RelatedDocument();
      rd.setRelation(relation);
      rd.setDocument(d);
      related.add(rd);
    }
  }

  /**
   * @param where   the caller's office/file/entry/position/offset (null: an unknown USPTO file)
   * @param product the format and version read, e.g. {@code us-patent-grant v4.5 2014-04-03}
   */
  Patent build(Source where, String product) {
    Patent p = new Patent();
    DocumentId pub = publication != null ? publication : new DocumentId();
    if (pub.getDate() == null && datePubl != null) {
      pub.setDate(datePubl);
    }
    p.setPublication(pub);
    String key = PublicationKeys.publicationKey(pub.getCountry(), pub.getNumber(), pub.getKind());
    p.setPublicationKey(key == null ? "" : key);
    p.setApplication(application);
    if (application != null) {
      p.setApplicationKey(PublicationKeys.applicationKey(application.getCountry(), application.getNumber()));
    }
    p.setDocumentType(documentType(applType, pub.getKind()));
    p.setRelatedDocuments(related);
    p.setFamilyId(null);
    p.setLanguage(lang);
    List<LocalizedText> titles = new ArrayList<>(1);
    if (title != null) {
      LocalizedText t = new LocalizedText();
      t.setLang(titleLang != null ? titleLang : lang);
      t.setText(title);
      titles.add(t);
    }
    p.setTitles(titles);
    p.setAbstracts(abstracts);
    p.setClaims(claims);
    p.setDescription(description);
    p.setClassifications(classifications);
    p.setApplicants(applicants);
    // v4.0-v4.2 name inventors only as applicants with app-type="applicant-inventor"; where a
    // document also has an inventors list, that list is authoritative
    p.setInventors(inventors.isEmpty() ? applicantInventors : inventors);
    p.setAssignees(assignees);
    p.setAgents(agents);
    p.setCitations(citations);
    DrawingViews.assign(figures, bdodParagraphs);
    p.setFigures(figures);
    p.setSource(UsptoSources.of(where, product));
    p.setContentHash("");
    p.setVersion(1);
    p.setIngestTime(0L);
    return p;
  }

  private static String documentType(String applType, String kind) {
    if (applType != null) {
      return DocumentTypes.of(applType);
    }
    if (kind != null && !kind.isEmpty()) {
      switch (kind.trim().toUpperCase(Locale.ROOT).charAt(0)) {
        case 'S':
          return "design";
        case 'P':
          return "plant";
        case 'E':
          return "reissue";
        case 'A':
        case 'B':
          return "utility";
        default:
          return "other";
      }
    }
    return null;
  }
}
