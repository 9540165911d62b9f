package io.patent2tech.udfs.normalize;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
    normalizePublicationId(pub);
    String key = PublicationKeys.publicationKey(pub.getCountry(), pub.getNumber(), pub.getKind());
    p.setPublicationKey(key == null ? "" : key);
    if (rawDate != null && !rawDate.trim().isEmpty() && pub.getDate() == null) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_NORMALIZE,
          "invalid publication date '" + rawDate.trim() + "'", key, null);
    }
    if (pub.getCountry() == null) {
      pub.setCountry("");
    }
    if (pub.getNumber() == null) {
      pub.setNumber("");
    }

    DocumentId app = p.getApplication();
    if (app != null) {
      normalizeApplicationId(app);
      if (app.getNumber() == null && app.getCountry() == null) {
        p.setApplication(null);
        p.setApplicationKey(null);
      } else {
        p.setApplicationKey(PublicationKeys.applicationKey(app.getCountry(), app.getNumber()));
        if (app.getCountry() == null) {
          app.setCountry("");
        }
        if (app.getNumber() == null) {
          app.setNumber("");
        }
      }
    } else {
      p.setApplicationKey(null);
    }

    p.setDocumentType(documentType(p.getDocumentType()));
    p.setLanguage(lang(p.getLanguage()));
    p.setFamilyId(Texts.collapse(p.getFamilyId()));

    p.setRelatedDocuments(relatedDocuments(p.getRelatedDocuments()));
    p.setTitles(texts(p.getTitles(), false, textCollapsed));
    p.setAbstracts(texts(p.getAbstracts(), true, textCollapsed));
    p.setClaims(claims(p.getClaims(), textCollapsed));
    p.setDescription(description(p.getDescription(), textCollapsed));
    p.setClassifications(classifications(p.getClassifications()));
    p.setApplicants(parties(p.getApplicants()));
    p.setInventors(parties(p.getInventors()));
    p.setAssignees(parties(p.getAssignees()));
    p.setAgents(parties(p.getAgents()));
    p.setCitations(citations(p.getCitations()));
    p.setFigures(figures(p.getFigures()));
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

  // -- documents ------------------------------------------------------------------------------------

  static void normalizePublicationId(DocumentId d) {
    normalizePublicationId(d, false);
  }

  /** @param partialDate keep year-month / year of a partial date (cited and related documents) */
  static void normalizePublicationId(DocumentId d, boolean partialDate) {
    String cc = PublicationKeys.country(d.getCountry());
    d.setCountry(cc);
    d.setNumber(PublicationKeys.normalizeNumber(cc, d.getNumber()));
    d.setKind(PublicationKeys.kind(d.getKind()));
    d.setDate(partialDate ? Dates.isoPartial(d.getDate()) : Dates.iso(d.getDate()));
  }

  static void normalizeApplicationId(DocumentId d) {
    normalizeApplicationId(d, false);
  }

  static void normalizeApplicationId(DocumentId d, boolean partialDate) {
    String cc = PublicationKeys.country(d.getCountry());
    d.setCountry(cc);
    d.setNumber(PublicationKeys.normalizeApplicationNumber(cc, d.getNumber()));
    d.setKind(PublicationKeys.kind(d.getKind()));
    d.setDate(partialDate ? Dates.isoPartial(d.getDate()) : Dates.iso(d.getDate()));
  }

  private static List<RelatedDocument> relatedDocuments(List<RelatedDocument> in) {
    List<RelatedDocument> out = new ArrayList<>(in == null ? 0 : in.size());
    if (in == null) {
      return out;
    }
    for (RelatedDocument r : in) {
      if (r == null || r.getDocument() == null) {
        continue;
      }
      String relation = Texts.collapse(r.getRelation());
      r.setRelation(relation == null ? "other" : relation.toLowerCase(Locale.ROOT));
      DocumentId d = r.getDocument();
      if ("related-publication".equals(r.getRelation()) || isPublicationKind(d.getKind())) {
        normalizePublicationId(d, true);
      } else {
        normalizeApplicationId(d, true); // parent applications, provisionals (kind 00), priority claims
      }
      if (d.getNumber() == null) {
        continue;
      }
      if (d.getCountry() == null) {
        d.setCountry("");
      }
      out.add(r);
    }
    return out;
  }

  /** A, A1, B2, E, S1 ...: a publication; null, blank or "00" (ICE's kind of an application): not. */
  private static boolean isPublicationKind(String kind) {
    String k = kind == null ? "" : kind.trim();
    return !k.isEmpty() && Character.isLetter(k.charAt(0));
  }

  // -- text -----------------------------------------------------------------------------------------

  private static List<LocalizedText> texts(List<LocalizedText> in, boolean paragraphs, boolean collapsed) {
    List<LocalizedText> out = new ArrayList<>(in == null ? 0 : in.size());
    if (in == null) {
      return out;
    }
    for (LocalizedText t : in) {
      if (t == null) {
        continue;
      }
      String text = cleanText(t.getText(), paragraphs, collapsed);
      if (text == null) {
        continue;
      }
      t.setText(text);
      t.setLang(lang(t.getLang()));
      out.add(t);
    }
    return out;
  }

  private static List<Claim> claims(List<Claim> in, boolean collapsed) {
    List<Claim> out = new ArrayList<>(in == null ? 0 : in.size());
    if (in == null) {
      return out;
    }
    for (Claim c : in) {
      if (c == null) {
        continue;
      }
      String text = cleanText(c.getText(), false, collapsed);
      c.setText(text == null ? "" : text);
      if (c.getDependsOn() == null) {
        c.setDependsOn(new ArrayList<>(0));
      }
      c.setIndependent(c.getDependsOn().isEmpty());
      out.add(c);
    }
    return out;
  }

  private static List<DescriptionSection> description(List<DescriptionSection> in, boolean collapsed) {
    List<DescriptionSection> out = new ArrayList<>(in == null ? 0 : in.size());
    if (in == null) {
      return out;
    }
    for (DescriptionSection s : in) {
      if (s == null) {
        continue;
      }
      String text = cleanText(s.getText(), true, collapsed);
      if (text == null) {
        continue;
      }
      s.setText(text);
      s.setHeading(cleanText(s.getHeading(), false));
      String section = Texts.collapse(s.getSection());
      s.setSection(section == null ? "other" : section.toLowerCase(Locale.ROOT));
      out.add(s);
    }
    return out;
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

  private static List<Classification> classifications(List<Classification> in) {
    List<Classification> out = new ArrayList<>(in == null ? 0 : in.size());
    if (in == null) {
      return out;
    }
    Set<String> seen = new HashSet<>();
    for (Classification c : in) {
      if (c == null) {
        continue;
      }
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
        continue;
      }
      c.setScheme(scheme);
      c.setSymbol(symbol);
      String v = Texts.collapse(c.getVersion());
      if (v != null) {
        String iso = Dates.iso(v);
        v = iso != null ? iso : v;
      }
      c.setVersion(v);
      out.add(c);
    }
    return out;
  }

  // -- parties, citations, figures -------------------------------------------------------------------

  private static List<Party> parties(List<Party> in) {
    List<Party> out = new ArrayList<>(in == null ? 0 : in.size());
    if (in == null) {
      return out;
    }
    for (Party p : in) {
      if (p == null) {
        continue;
      }
      String org = cleanText(p.getOrganization(), false);
      String first = cleanText(p.getFirstName(), false);
      String last = cleanText(p.getLastName(), false);
      String name = cleanText(p.getName(), false);
      if (name == null) {
        name = org != null ? org : first != null && last != null ? first + ' ' + last : first != null ? first : last;
      }
      if (name == null) {
        continue;
      }
      p.setName(name);
      p.setOrganization(org);
      p.setFirstName(first);
      p.setLastName(last);
      p.setCity(cleanText(p.getCity(), false));
      p.setCountry(countryCode(p.getCountry()));
      out.add(p);
    }
    return out;
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

  private static List<Citation> citations(List<Citation> in) {
    List<Citation> out = new ArrayList<>(in == null ? 0 : in.size());
    if (in == null) {
      return out;
    }
    for (Citation c : in) {
      if (c == null) {
        continue;
      }
      DocumentId d = c.getDocument();
      if (d != null) {
        normalizePublicationId(d, true);
        if (d.getNumber() == null) {
          d = null;
        } else if (d.getCountry() == null) {
          d.setCountry("");
        }
        c.setDocument(d);
      }
      c.setText(cleanText(c.getText(), false));
      if (c.getDocument() == null && c.getText() == null) {
        continue;
      }
      c.setType(c.getDocument() != null ? "patent" : "npl");
      out.add(c);
    }
    return out;
  }

  private static List<Figure> figures(List<Figure> in) {
    List<Figure> out = new ArrayList<>(in == null ? 0 : in.size());
    if (in == null) {
      return out;
    }
    for (Figure f : in) {
      if (f == null) {
        continue;
      }
      String id = Texts.collapse(f.getId());
      if (id == null) {
        continue;
      }
      f.setId(id);
      f.setFile(Texts.collapse(f.getFile()));
      if (f.getFigureNumbers() == null) {
        f.setFigureNumbers(new ArrayList<>(0));
      }
      f.setViewText(cleanText(f.getViewText(), false));
      out.add(f);
    }
    return out;
  }

  // -- small fields ------------------------------------------------------------------------------------

  private static String lang(String l) {
    String t = Texts.collapse(l);
    return t == null ? null : t.toLowerCase(Locale.ROOT);
  }

  private static String documentType(String t) {
    String v = Texts.collapse(t);
    if (v == null) {
      return null;
    }
    switch (v.toLowerCase(Locale.ROOT)) {
      case "utility":
        return "utility";
      case "design":
        return "design";
      case "plant":
        return "plant";
      case "reissue":
        return "reissue";
      default:
        return "other";
    }
  }
}
