package io.patent2tech.udfs.uspto;

import javax.xml.stream.XMLStreamException;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;

/**
 * PAP {@code patent-application-publication} (pre-grant publications 2001-2004, {@code pa*.xml}):
 * the bibliographic part through {@link PapBibliographyReader}, abstract, description, claims and
 * drawings through the shared section readers in {@link Markup#PAP}.
 */
final class PapDocumentReader {

  static final String ROOT = "patent-application-publication";

  private final DocumentCursor c;
  private final PatentDraft d = new PatentDraft();
  private final PapBibliographyReader bibliography;
  private final DescriptionReader texts;
  private final ClaimReader claims;
  private final DrawingReader drawings;

  PapDocumentReader(DocumentCursor c) {
    this.c = c;
    c.use(Markup.PAP);
    bibliography = new PapBibliographyReader(c, d);
    texts = new DescriptionReader(c, d);
    claims = new ClaimReader(c, d);
    drawings = new DrawingReader(c, d);
  }

  /** Reads the document; the cursor stands on the root's start tag. */
  Patent read(Source where) throws XMLStreamException {
    d.lang = "en"; // PAP has no language attribute: US publications are in English
    String version = version(c.doctypeSystemId());
    while (c.nextStart()) {
      switch (c.name()) {
        case "subdoc-bibliographic-information":
          bibliography.read();
          break;
        case "subdoc-abstract":
          texts.abstractText();
          break;
        case "subdoc-description":
          texts.description();
          break;
        case "claim":
          claims.claim();
          break;
        case "figure":
          drawings.figure();
          break;
        default:
          break; // descend (subdoc-claims, subdoc-drawings)
      }
    }
    return d.build(where, version == null ? ROOT : ROOT + ' ' + version);
  }

  /**
   * {@code pap-v15-2001-01-31.dtd} -> {@code v1.5 2001-01-31}; null when the DOCTYPE does not name a
   * PAP DTD (US20010000044A1 names XHTML's).
   */
  static String version(String systemId) {
    if (systemId == null) {
      return null;
    }
    int i = systemId.lastIndexOf("pap-v");
    if (i < 0 || i + 7 > systemId.length()) {
      return null;
    }
    char major = systemId.charAt(i + 5);
    char minor = systemId.charAt(i + 6);
    if (!Character.isDigit(major) || !Character.isDigit(minor)) {
      return null;
    }
    String rest = systemId.substring(i + 7);
    if (rest.startsWith("-")) {
      rest = rest.substring(1);
    }
    if (rest.endsWith(".dtd")) {
      rest = rest.substring(0, rest.length() - 4);
    }
    return "v" + major + '.' + minor + (rest.isEmpty() ? "" : " " + rest);
  }
}
