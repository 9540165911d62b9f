package io.patent2tech.udfs.drawings.sheets;

import java.util.List;
import java.util.Locale;

/**
 * The ICE full-text XML ({@code us-patent-grant}, DTD v4.5) of a synthetic design patent, laid out
 * like the real design grant US D701016 S1 (fixtures/uspto/grant/ipgD0701016.xml): bibliographic
 * data, {@code <drawings>} with one {@code <figure>/<img>} per TIFF ({@code D00000} the front-page
 * image, {@code D00001..} one sheet per FIG), the brief description of the drawings between its
 * processing instructions ("FIG. 1 is a perspective view of a bracket, showing our new design;",
 * "FIG. 2 is a front elevational view thereof;" ...), a broken-line statement and the single design
 * claim. Parties and examiner say "Patent2Tech synthetic test data"; a comment says so too.
 */
public final class GrantXml {

  /** Front-page image size is given per file; drawing sheets are US letter. */
  static final String SHEET_HE = "279.40mm";
  static final String SHEET_WI = "215.90mm";

  private GrantXml() {}

  /** File name of the TIFF of figure element {@code index} (0 = front page). */
  public static String tiffName(DesignPatent p, int index) {
    return p.fileBase() + String.format(Locale.ROOT, "-D%05d.TIF", index);
  }

  /**
   * @param frontPageMm height and width of the front-page image in millimetres, e.g. {"97.54mm", "80.01mm"}
   */
  public static String xml(DesignPatent p, String[] frontPageMm) {
    List<DesignPatent.FigureRef> figs = p.figures();
    String article = article(p);
    StringBuilder x = new StringBuilder(8192);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<!DOCTYPE us-patent-grant SYSTEM \"us-patent-grant-v45-2014-04-03.dtd\" [ ]>\n");
    x.append("<!-- SYNTHETIC TEST DATA, not a USPTO document: written by Patent2Tech's drawing-sheet generator"
        + " (udfs test sources, io.patent2tech.udfs.drawings.sheets) from known solids; the number is made up. -->\n");
    x.append("<us-patent-grant lang=\"EN\" dtd-version=\"v4.5 2014-04-03\" file=\"").append(p.fileBase())
        .append(".XML\" status=\"PRODUCTION\" id=\"us-patent-grant\" country=\"US\" date-produced=\"")
        .append(p.date()).append("\" date-publ=\"").append(p.date()).append("\">\n");
    x.append("<us-bibliographic-data-grant>\n");
    x.append("<publication-reference>\n<document-id>\n<country>US</country>\n<doc-number>").append(p.docNumber())
        .append("</doc-number>\n<kind>S1</kind>\n<date>").append(p.date()).append("</date>\n</document-id>\n</publication-reference>\n");
    x.append("<application-reference appl-type=\"design\">\n<document-id>\n<country>US</country>\n<doc-number>29")
        .append(p.docNumber().substring(2)).append("</doc-number>\n<date>20250601</date>\n</document-id>\n</application-reference>\n");
    x.append("<us-application-series-code>29</us-application-series-code>\n");
    x.append("<us-term-of-grant>\n<length-of-grant>15</length-of-grant>\n</us-term-of-grant>\n");
    x.append("<classification-locarno>\n<edition>14</edition>\n<main-classification>0808</main-classification>\n</classification-locarno>\n");
    x.append("<classification-national>\n<country>US</country>\n<main-classification>D 8354</main-classification>\n</classification-national>\n");
    x.append("<invention-title id=\"d2e53\">").append(escape(p.title())).append("</invention-title>\n");
    x.append("<number-of-claims>1</number-of-claims>\n<us-exemplary-claim>1</us-exemplary-claim>\n");
    x.append("<figures>\n<number-of-drawing-sheets>").append(figs.size())
        .append("</number-of-drawing-sheets>\n<number-of-figures>").append(figs.size()).append("</number-of-figures>\n</figures>\n");
    x.append("<us-parties>\n<us-applicants>\n<us-applicant sequence=\"001\" app-type=\"applicant\" designation=\"us-only\">\n")
        .append("<addressbook>\n<orgname>Patent2Tech synthetic test data</orgname>\n<address>\n<city>Nowhere</city>\n<country>US</country>\n</address>\n</addressbook>\n")
        .append("<residence>\n<country>US</country>\n</residence>\n</us-applicant>\n</us-applicants>\n");
    x.append("<inventors>\n<inventor sequence=\"001\" designation=\"us-only\">\n<addressbook>\n<last-name>Synthetic</last-name>\n")
        .append("<first-name>Test</first-name>\n<address>\n<city>Nowhere</city>\n<country>US</country>\n</address>\n</addressbook>\n</inventor>\n</inventors>\n");
    x.append("</us-parties>\n");
    x.append("<assignees>\n<assignee>\n<addressbook>\n<orgname>Patent2Tech synthetic test data</orgname>\n<role>02</role>\n")
        .append("<address>\n<country>US</country>\n</address>\n</addressbook>\n</assignee>\n</assignees>\n");
    x.append("<examiners>\n<primary-examiner>\n<last-name>Synthetic</last-name>\n<first-name>Examiner</first-name>\n")
        .append("<department>2911</department>\n</primary-examiner>\n</examiners>\n");
    x.append("</us-bibliographic-data-grant>\n");

    x.append("<drawings id=\"DRAWINGS\">\n");
    img(x, p, 0, frontPageMm[0], frontPageMm[1]);
    for (int i = 1; i <= figs.size(); i++) {
      img(x, p, i, SHEET_HE, SHEET_WI);
    }
    x.append("</drawings>\n");

    x.append("<description id=\"description\">\n");
    x.append("<?brief-description-of-drawings description=\"Brief Description of Drawings\" end=\"lead\"?>\n");
    x.append("<description-of-drawings>\n");
    int para = 1;
    for (int i = 0; i < figs.size(); i++) {
      DesignPatent.FigureRef f = figs.get(i);
      x.append(String.format(Locale.ROOT, "<p id=\"p-%04d\" num=\"%04d\">", para, para));
      para++;
      x.append("<figref idref=\"DRAWINGS\">FIG. ").append(f.number()).append("</figref> is ")
          .append(escape(sentence(p, f, article)));
      if (i == figs.size() - 1) {
        x.append('.');
      } else if (i == figs.size() - 2) {
        x.append("; and,");
      } else {
        x.append(';');
      }
      x.append("</p>\n");
    }
    x.append(String.format(Locale.ROOT, "<p id=\"p-%04d\" num=\"%04d\">", para, para))
        .append("The broken lines shown in the drawings depict environmental structure and form no part of the claimed design.</p>\n");
    x.append("</description-of-drawings>\n");
    x.append("<?brief-description-of-drawings description=\"Brief Description of Drawings\" end=\"tail\"?>\n");
    x.append("</description>\n");
    x.append("<us-claim-statement>CLAIM</us-claim-statement>\n");
    x.append("<claims id=\"claims\">\n<claim id=\"CLM-00001\" num=\"00001\">\n<claim-text>The ornamental design for ")
        .append(escape(withArticle(article))).append(", as shown and described.</claim-text>\n</claim>\n</claims>\n");
    x.append("</us-patent-grant>\n");
    return x.toString();
  }

  /** "a perspective view of a bracket, showing our new design" / "a front elevational view thereof". */
  static String sentence(DesignPatent p, DesignPatent.FigureRef f, String article) {
    String view = withArticle(f.view().phrase());
    boolean firstOfEmbodiment = p.figures().stream().filter(g -> g.embodiment() == f.embodiment())
        .findFirst().orElseThrow().number() == f.number();
    if (!firstOfEmbodiment) {
      return view + " thereof";
    }
    if (f.embodiment() == 0) {
      return view + " of " + withArticle(article) + ", showing our new design";
    }
    return view + " of " + ordinal(f.embodiment() + 1) + " embodiment of the " + article;
  }

  private static String article(DesignPatent p) {
    return p.title().toLowerCase(Locale.ROOT).startsWith("t-") ? "T-" + p.title().substring(2).toLowerCase(Locale.ROOT)
        : p.title().toLowerCase(Locale.ROOT);
  }

  private static String ordinal(int n) {
    switch (n) {
      case 2:
        return "a second";
      case 3:
        return "a third";
      default:
        return "another";
    }
  }

  private static String withArticle(String noun) {
    char c = Character.toLowerCase(noun.charAt(0));
    return ("aeiou".indexOf(c) >= 0 ? "an " : "a ") + noun;
  }

  private static void img(StringBuilder x, DesignPatent p, int index, String he, String wi) {
    String d = String.format(Locale.ROOT, "D%05d", index);
    x.append("<figure id=\"Fig-EMI-").append(d).append("\" num=\"").append(String.format(Locale.ROOT, "%05d", index))
        .append("\">\n<img id=\"EMI-").append(d).append("\" he=\"").append(he).append("\" wi=\"").append(wi)
        .append("\" file=\"").append(tiffName(p, index))
        .append("\" alt=\"embedded image\" img-content=\"drawing\" img-format=\"tif\"/>\n</figure>\n");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
