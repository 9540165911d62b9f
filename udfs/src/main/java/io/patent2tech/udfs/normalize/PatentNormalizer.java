package io.patent2tech.udfs.normalize;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

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
import io.patent2tech.udfs.DocumentRejectedException;

/**
 * Turns a parsed record into the normalized one (in place; the same instance is returned):
 * <ul>
 *   <li>publication: country upper case, number without office padding, kind upper case, ISO date;
 *       {@code publication_key} {@code CC-NUMBER-KIND} ({@link PublicationKeys});</li>
 *   <li>application: number without separators, ISO date, {@code application_key} {@code CC-NUMBER};</li>
 *   <li>related documents, citations: same rules per document (parent applications, provisionals and
 *       priority claims keep the application number form; related-publication, documents with a
 *       publication kind code and citations get the publication form); partial
 *       dates keep what they have (citations' {@code 20101100 -> 2010-11}), impossible ones become
 *       null; entries without a number are dropped;</li>
 *   <li>dates: {@code yyyyMMdd -> yyyy-MM-dd} ({@link Dates}); an invalid publication date is a
 *       rejection (stage normalize); other invalid dates become null;</li>
 *   <li>classifications: one canonical symbol per scheme ({@link ClassificationSymbols}); exact
 *       duplicates (same scheme and symbol) dropped, the first kept; IPC/CPC version dates ISO;</li>
 *   <li>text: white space collapsed and trimmed ({@link Texts}); paragraphs of abstracts and
 *       description sections separated by one '\n'; literal character references left over from
 *       double escaping ({@code &amp;#x201c;} read as {@code &#x201c;}) decoded;</li>
 *   <li>parties: names collapsed; country kept only when it is a two-letter code ("unknown",
 *       "omitted" become null); parties without a name dropped;</li>
 *   <li>language and lang tags lower case; document_type one of utility | design | plant | reissue | other;</li>
 *   <li>finally {@code content_hash} ({@link ContentHash}).</li>
 * </ul>
 * Missing required fields are not this stage's business: they are left blank ("" where the schema
 * needs a string) for {@link io.patent2tech.udfs.validate.PatentValidator} to reject with the field
 * named. The output always satisfies the Avro schema. Normalizing a normalized record changes
 * nothing (idempotent).
 */
public final class PatentNormalizer implements Serializable {

  private static final long serialVersionUID = 1L;

  public PatentNormalizer() {}

  public Patent normalize(Patent p) throws DocumentRejectedException {
    return normalize(p, false);
  }

  /**
   * As {@link #normalize(Patent)}; with {@code textCollapsed} the caller vouches that title,
   * abstract, claim and description texts are already white-space collapsed the way {@link Texts}
   * does it (true of {@link io.patent2tech.udfs.uspto.UsptoXmlParser} output), and the long texts are
   * not scanned a second time. Leftover literal character references are decoded either way.
   */
  public Patent normalize(Patent p, boolean textCollapsed) throws DocumentRejectedException {
    if (p == null) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_NORMALIZE, "no record", null, null);
    }
    DocumentId pub = p.getPublication();
    if (pub == null) {
      pub = new DocumentId();
      p.setPublication(pub);
    }
    String rawDate = pub.getDate();
    normalizePublicationId(pub, false);
    String key = PublicationKeys.publicationKey(pub.getCountry(), pub.getNumber(), pub.getKind());
    p.setPublicationKey(key == null ? "" : key);
    if (rawDate != null && !rawDate.trim().isEmpty() && pub.getDate() == null) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_NORMALIZE,
          "invalid publication date '" + rawDate.trim() + "'", key, null);
    }
    fillRequired(pub);

    DocumentId app = p.getApplication();
    if (app != null) {
      normalizeApplicationId(app, false);
      if (app.getNumber() == null && app.getCountry() == null) {
        p.setApplication(null);
        p.setApplicationKey(null);
      } else {
        p.setApplicationKey(PublicationKeys.applicationKey(app.getCountry(), app.getNumber()));
        fillRequired(app);
      }
    } else {
      p.setApplicationKey(null);
    }

    p.setDocumentType(DocumentTypes.of(Texts.collapse(p.getDocumentType())));
    p.setLanguage(lowerCase(p.getLanguage(), null));
    p.setFamilyId(Texts.collapse(p.getFamilyId()));

    p.setRelatedDocuments(kept(p.getRelatedDocuments(), PatentNormalizer::keepRelatedDocument));
    p.setTitles(kept(p.getTitles(), t -> keepText(t, false, textCollapsed)));
    p.setAbstracts(kept(p.getAbstracts(), t -> keepText(t, true, textCollapsed)));
    p.setClaims(kept(p.getClaims(), c -> keepClaim(c, textCollapsed)));
    p.setDescription(kept(p.getDescription(), s -> keepSection(s, textCollapsed)));
    Set<String> seenClassifications = new HashSet<>();
    p.setClassifications(kept(p.getClassifications(), c -> keepClassification(c, seenClassifications)));
    p.setApplicants(kept(p.getApplicants(), PatentNormalizer::keepParty));
    p.setInventors(kept(p.getInventors(), PatentNormalizer::keepParty));
    p.setAssignees(kept(p.getAssignees(), PatentNormalizer::keepParty));
    p.setAgents(kept(p.getAgents(), PatentNormalizer::keepParty));
    p.setCitations(kept(p.getCitations(), PatentNormalizer::keepCitation));
    p.setFigures(kept(p.getFigures(), PatentNormalizer::keepFigure));
    if (p.getVersion() <= 0) {
      p.setVersion(1);
    }
    if (p.getSource() == null) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_NORMALIZE, "record has no source",
          p.getPublicationKey(), null);
    }
    p.setContentHash(ContentHash.of(p));
    return p;
  }

  /**
   * The non-null elements of {@code in} that {@code cleanAndKeep} keeps, in order, after it has
   * cleaned them in place (the keep* methods below); never null.
   */
  private static <T> List<T> kept(List<T> in, Predicate<T> cleanAndKeep) {
    List<T> out = new ArrayList<>(in == null ? 0 : in.size());
    if (in == null) {
      return out;
    }
    for (T item : in) {
      if (item != null && cleanAndKeep.test(item)) {
        out.add(item);
      }
    }
    return out;
  }

  // -- documents ------------------------------------------------------------------------------------

  /** @param partialDate keep year-month / year of a partial date (cited and related documents) */
  static void normalizePublicationId(DocumentId d, boolean partialDate) {
    normalizeCountryKindDate(d, partialDate);
    d.setNumber(PublicationKeys.normalizeNumber(d.getCountry(), d.getNumber()));
  }

  static void normalizeApplicationId(DocumentId d, boolean partialDate) {
    normalizeCountryKindDate(d, partialDate);
    d.setNumber(PublicationKeys.normalizeApplicationNumber(d.getCountry(), d.getNumber()));
  }

  private static void normalizeCountryKindDate(DocumentId d, boolean partialDate) {
    d.setCountry(PublicationKeys.country(d.getCountry()));
    d.setKind(PublicationKeys.kind(d.getKind()));
    d.setDate(partialDate ? Dates.isoPartial(d.getDate()) : Dates.iso(d.getDate()));
  }

  /** Blank country and number where the schema needs a string and the document has none. */
  private static void fillRequired(DocumentId d) {
    if (d.getCountry() == null) {
      d.setCountry("");
    }
    if (d.getNumber() == null) {
      d.setNumber("");
    }
  }

  private static boolean keepRelatedDocument(RelatedDocument r) {
    DocumentId d = r.getDocument();
    if (d == null) {
      return false;
    }
    r.setRelation(lowerCase(r.getRelation(), "other"));
    if ("related-publication".equals(r.getRelation()) || isPublicationKind(d.getKind())) {
      normalizePublicationId(d, true);
    } else {
      normalizeApplicationId(d, true); // parent applications, provisionals (kind 00), priority claims
    }
    if (d.getNumber() == null) {
      return false;
    }
    fillRequired(d);
    return true;
  }

  /** A, A1, B2, E, S1 ...: a publication; null, blank or "00" (ICE's kind of an application): not. */
  private static boolean isPublicationKind(String kind) {
    String k = kind == null ? "" : kind.trim();
    return !k.isEmpty() && Character.isLetter(k.charAt(0));
  }

  // -- text -----------------------------------------------------------------------------------------

  private static boolean keepText(LocalizedText t, boolean paragraphs, boolean collapsed) {
    String text = cleanText(t.getText(), paragraphs, collapsed);
    if (text == null) {
      return false;
    }
    t.setText(text);
    t.setLang(lowerCase(t.getLang(), null));
    return true;
  }

  private static boolean keepClaim(Claim c, boolean collapsed) {
    String text = cleanText(c.getText(), false, collapsed);
    c.setText(text == null ? "" : text);
    if (c.getDependsOn() == null) {
      c.setDependsOn(new ArrayList<>(0));
    }
    c.setIndependent(c.getDependsOn().isEmpty());
    return true;
  }

  private static boolean keepSection(DescriptionSection s, boolean collapsed) {
    String text = cleanText(s.getText(), true, collapsed);
    if (text == null) {
      return false;
    }
    s.setText(text);
    s.setHeading(cleanText(s.getHeading(), false));
    s.setSection(lowerCase(s.getSection(), "other"));
    return true;
  }

  /** Collapse white space and decode leftover literal character references. */
  static String cleanText(String s, boolean paragraphs) {
    return cleanText(s, paragraphs, false);
  }

  static String cleanText(String s, boolean paragraphs, boolean collapsed) {
    if (s == null) {
      return null;
    }
    String t = s.indexOf('&') >= 0 ? decodeLiteralReferences(s) : s;
    if (collapsed && t == s && !s.isEmpty()) {
      return s;
    }
    return paragraphs ? Texts.collapseParagraphs(t) : Texts.collapse(t);
  }

  /**
   * Decodes {@code &#NNN;}, {@code &#xHHHH;} and the five XML entities when they appear as literal
   * text (the XML had them escaped twice). Anything else with '&' is left alone.
   */
  static String decodeLiteralReferences(String s) {
    StringBuilder sb = null;
    int n = s.length();
    int last = 0;
    for (int i = s.indexOf('&'); i >= 0 && i < n; i = s.indexOf('&', i + 1)) {
      int semi = s.indexOf(';', i + 1);
      if (semi < 0 || semi - i > 10) {
        continue;
      }
      String body = s.substring(i + 1, semi);
      String rep = null;
      if (body.length() > 1 && body.charAt(0) == '#') {
        try {
          int cp = body.charAt(1) == 'x' || body.charAt(1) == 'X'
              ? Integer.parseInt(body.substring(2), 16) : Integer.parseInt(body.substring(1));
          if (cp > 0 && Character.isValidCodePoint(cp) && (cp < 0xD800 || cp > 0xDFFF)) {
            rep = new String(Character.toChars(cp));
          }
        } catch (NumberFormatException e) {
          rep = null;
        }
      } else {
        switch (body) {
          case "amp":
            rep = "&";
            break;
          case "lt":
            rep = "<";
            break;
          case "gt":
            rep = ">";
            break;
          case "quot":
            rep = "\"";
            break;
          case "apos":
            rep = "'";
            break;
          default:
            rep = null;
        }
      }
      if (rep == null) {
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(n);
      }
      sb.append(s, last, i).append(rep);
      last = semi + 1;
      i = semi;
    }
    if (sb == null) {
      return s;
    }
    sb.append(s, last, n);
    return sb.toString();
  }

  // -- classifications ------------------------------------------------------------------------------

  /** @param seen scheme and symbol of each classification kept so far, so that exact duplicates are dropped */
  private static boolean keepClassification(Classification c, Set<String> seen) {
    String scheme = Texts.collapse(c.getScheme());
    scheme = scheme == null ? "OTHER" : scheme.toUpperCase(Locale.ROOT);
    String symbol;
    switch (scheme) {
      case "CPC":
      case "IPC":
        symbol = ClassificationSymbols.cpc(c.getSymbol());
        break;
      case "USPC":
        symbol = ClassificationSymbols.uspc(c.getSymbol());
        break;
      case "LOCARNO":
        symbol = ClassificationSymbols.locarno(c.getSymbol());
        break;
      default:
        symbol = Texts.collapse(c.getSymbol());
    }
    if (symbol == null || !seen.add(scheme + ' ' + symbol)) {
      return false;
    }
    c.setScheme(scheme);
    c.setSymbol(symbol);
    String v = Texts.collapse(c.getVersion());
    if (v != null) {
      String iso = Dates.iso(v);
      v = iso != null ? iso : v;
    }
    c.setVersion(v);
    return true;
  }

  // -- parties, citations, figures -------------------------------------------------------------------

  private static boolean keepParty(Party p) {
    String org = cleanText(p.getOrganization(), false);
    String first = cleanText(p.getFirstName(), false);
    String last = cleanText(p.getLastName(), false);
    String name = cleanText(p.getName(), false);
    if (name == null) {
      name = org != null ? org : first != null && last != null ? first + ' ' + last : first != null ? first : last;
    }
    if (name == null) {
      return false;
    }
    p.setName(name);
    p.setOrganization(org);
    p.setFirstName(first);
    p.setLastName(last);
    p.setCity(cleanText(p.getCity(), false));
    p.setCountry(countryCode(p.getCountry()));
    return true;
  }

  /** Two-letter office/country code upper case, else null ("unknown", "omitted", "XX-YY"). */
  static String countryCode(String c) {
    String t = Texts.collapse(c);
    if (t == null || t.length() != 2) {
      return null;
    }
    char a = Character.toUpperCase(t.charAt(0));
    char b = Character.toUpperCase(t.charAt(1));
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') {
      return null;
    }
    return t.equals("" + a + b) ? t : "" + a + b;
  }

  private static boolean keepCitation(Citation c) {
    DocumentId d = c.getDocument();
    if (d != null) {
      normalizePublicationId(d, true);
      if (d.getNumber() == null) {
        d = null;
      } else {
        fillRequired(d);
      }
      c.setDocument(d);
    }
    c.setText(cleanText(c.getText(), false));
    if (c.getDocument() == null && c.getText() == null) {
      return false;
    }
    c.setType(c.getDocument() != null ? "patent" : "npl");
    return true;
  }

  private static boolean keepFigure(Figure f) {
    String id = Texts.collapse(f.getId());
    if (id == null) {
      return false;
    }
    f.setId(id);
    f.setFile(Texts.collapse(f.getFile()));
    if (f.getFigureNumbers() == null) {
      f.setFigureNumbers(new ArrayList<>(0));
    }
    f.setViewText(cleanText(f.getViewText(), false));
    return true;
  }

  // -- small fields ------------------------------------------------------------------------------------

  /** Collapsed and lower case; {@code blank} when null or blank. */
  private static String lowerCase(String s, String blank) {
    String t = Texts.collapse(s);
    return t == null ? blank : t.toLowerCase(Locale.ROOT);
  }
}
