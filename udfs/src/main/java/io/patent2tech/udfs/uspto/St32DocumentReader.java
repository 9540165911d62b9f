package io.patent2tech.udfs.uspto;

import javax.xml.stream.XMLStreamException;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;

/**
 * ST.32 {@code PATDOC} in XML syntax (SGML-era "pg" grants, DTD 2.4/2.5, 2001-2004): the
 * bibliographic part ({@code SDOBI}, B-codes) through {@link St32BibliographyReader}; abstract
 * ({@code SDOAB}), description ({@code SDODE}), claims ({@code CLM}) and drawings ({@code SDODR})
 * through the shared section readers in {@link Markup#ST32}.
 */
final class St32DocumentReader {

  private final DocumentCursor c;
  private final PatentDraft d = new PatentDraft();
  private final St32BibliographyReader bibliography;
  private final DescriptionReader texts;
  private final ClaimReader claims;
  private final DrawingReader drawings;

  St32DocumentReader(DocumentCursor c) {
    this.c = c;
    c.use(Markup.ST32);
    bibliography = new St32BibliographyReader(c, d);
    texts = new DescriptionReader(c, d);
    claims = new ClaimReader(c, d);
    drawings = new DrawingReader(c, d);
  }

  /** Reads the document; the cursor stands on the root's start tag. */
  Patent read(Source where) throws XMLStreamException {
    d.lang = "en"; // ST.32 has no language attribute: US grants are in English
    String dtd = c.attr("DTD");
    while (c.nextStart()) {
      switch (c.name()) {
        case "SDOBI":
          bibliography.read();
          break;
        case "SDOAB":
          texts.abstractText();
          break;
        case "SDODE":
          texts.description();
          break;
        case "CLM":
          claims.claim();
          break;
        case "SDODR":
          drawings.st32Drawings();
          break;
        default:
          break; // descend (SDOCL/CL)
      }
    }
    return d.build(where, dtd == null ? "PATDOC" : "PATDOC DTD " + dtd);
  }
}
