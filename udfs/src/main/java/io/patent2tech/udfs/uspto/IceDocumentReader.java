package io.patent2tech.udfs.uspto;

import javax.xml.stream.XMLStreamException;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;

/**
 * ICE {@code us-patent-grant} / {@code us-patent-application}, DTD v4.0-v4.7 (2005-): checks the
 * version, then hands each element to its section reader. Handled elements are matched by name
 * wherever they sit, so the version differences in nesting need no code; only subtrees that hold
 * look-alike elements of other documents are skipped.
 */
final class IceDocumentReader {

  private final DocumentCursor c;
  private final PatentDraft d = new PatentDraft();
  private final IdentifierReader ids;
  private final ClassificationReader classes;
  private final PartyReader parties;
  private final CitationReader citations;
  private final DescriptionReader texts;
  private final ClaimReader claims;
  private final DrawingReader drawings;

  IceDocumentReader(DocumentCursor c) {
    this.c = c;
    c.use(Markup.ICE);
    ids = new IdentifierReader(c, d);
    classes = new ClassificationReader(c, d);
    parties = new PartyReader(c, d);
    citations = new CitationReader(c, d, ids);
    texts = new DescriptionReader(c, d);
    claims = new ClaimReader(c, d);
    drawings = new DrawingReader(c, d);
  }

  /** Reads the document; the cursor stands on the root's start tag. */
  Patent read(Source where) throws XMLStreamException, DocumentRejectedException {
    String root = c.name();
    String version = version(root);
    d.lang = FieldValues.lower(c.attr("lang"));
    d.datePubl = c.attr("date-publ");
    while (c.nextStart()) {
      element(c.name());
    }
    return d.build(where, root + ' ' + version);
  }

  private String version(String root) throws DocumentRejectedException {
    String v = c.attr("dtd-version");
    String version = iceVersion(v);
    if (v == null && c.doctypeSystemId() != null) { // no attribute: the DTD file name still says it
      version = iceVersionFromSystemId(c.doctypeSystemId());
    }
    if (version == null) {
      throw XmlDiagnostics.reject("unsupported format: " + root + " with dtd-version "
          + (v == null ? "(none)" : "'" + v + "'") + "; supported: v4.0 to v4.7", null);
    }
    return version;
  }

  /** "v4.5 2014-04-03" and "v40 2004-12-02" -> "v4.5 2014-04-03" / "v4.0 2004-12-02"; null if not v4.0-4.7. */
  static String iceVersion(String v) {
    if (v == null) {
      return null;
    }
    String t = v.trim();
    int i = 0;
    if (i < t.length() && (t.charAt(i) == 'v' || t.charAt(i) == 'V')) {
      i++;
    }
    if (i >= t.length() || t.charAt(i) != '4') {
      return null;
    }
    i++;
    if (i < t.length() && t.charAt(i) == '.') {
      i++;
    }
    if (i >= t.length()) {
      return null;
    }
    char minor = t.charAt(i);
    if (minor < '0' || minor > '7') {
      return null;
    }
    i++;
    if (i < t.length() && Character.isDigit(t.charAt(i))) {
      return null; // v4.10 and the like
    }
    String rest = t.substring(i).trim();
    return "v4." + minor + (rest.isEmpty() ? "" : " " + rest);
  }

  /** us-patent-grant-v45-2014-04-03.dtd -> "v4.5 2014-04-03". */
  static String iceVersionFromSystemId(String systemId) {
    int i = systemId.lastIndexOf("-v4");
    if (i < 0 || i + 4 >= systemId.length()) {
      return null;
    }
    char minor = systemId.charAt(i + 3);
    String rest = systemId.substring(i + 4);
    if (rest.startsWith("-")) {
      rest = rest.substring(1);
    }
    if (rest.endsWith(".dtd")) {
      rest = rest.substring(0, rest.length() - 4);
    }
    return iceVersion("v4." + minor + " " + rest);
  }

  /** Reader positioned at a START_ELEMENT we have not claimed: handle it or descend into it. */
  private void element(String name) throws XMLStreamException {
    switch (name) {
      case "publication-reference":
        ids.publicationReference();
        break;
      case "application-reference":
        ids.applicationReference();
        break;
      case "invention-title":
        ids.inventionTitle();
        break;
      case "us-related-documents":
      case "related-documents":
        ids.relatedDocuments();
        break;
      case "priority-claim":
        ids.priorityClaim();
        break;
      case "classification-ipc":
        classes.withEdition("IPC");
        break;
      case "classification-ipcr":
        classes.parts("IPC", false);
        break;
      case "classifications-cpc":
        classes.cpcBlock();
        break;
      case "classification-cpc":
        classes.parts("CPC", false);
        break;
      case "classification-national":
        classes.national();
        break;
      case "classification-locarno":
        classes.withEdition("LOCARNO");
        break;
      case "us-citation":
      case "citation":
        citations.citation();
        break;
      case "us-applicant":
      case "applicant":
        parties.applicant();
        break;
      case "inventor":
      case "us-inventor":
      case "deceased-inventor":
        parties.inventor();
        break;
      case "agent":
        parties.agent();
        break;
      case "assignee":
        parties.assignee();
        break;
      case "abstract":
        texts.abstractText();
        break;
      case "description":
        texts.description();
        break;
      case "claim":
        claims.claim();
        break;
      case "figure":
        drawings.figure();
        break;
      // subtrees that hold look-alike elements (names, classifications, dates) of other documents
      case "us-field-of-classification-search":
      case "field-of-search":
      case "examiners":
      case "correspondence-address":
      case "us-claim-statement":
      case "pct-or-regional-filing-data":
      case "pct-or-regional-publishing-data":
      case "us-term-of-grant":
      case "us-sequence-list-doc":
      case "sequence-list-doc":
      case "us-chemistry":
      case "table-external-doc":
        c.skip();
        break;
      default:
        break; // descend: handled elements are matched wherever they sit
    }
  }
}
