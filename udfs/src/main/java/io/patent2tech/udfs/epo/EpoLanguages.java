package io.patent2tech.udfs.epo;

import java.util.List;
import java.util.Locale;

import io.patent2tech.schema.LocalizedText;

/**
 * OPS {@code lang} attributes to ISO 639-1. OPS writes {@code en}, {@code EN} (fulltext) and the
 * pseudo-code {@code ol} ("original language", on titles of documents whose language DOCDB does not
 * record); the latter is no language code, so it becomes null rather than a wrong tag.
 */
final class EpoLanguages {

  private EpoLanguages() {}

  /** Two ASCII letters lower case; null for anything else (blank, {@code ol}, three-letter codes). */
  static String iso(String lang) {
    if (lang == null) {
      return null;
    }
    String l = lang.trim().toLowerCase(Locale.ROOT);
    if (l.length() != 2 || l.equals("ol") || l.charAt(0) < 'a' || l.charAt(0) > 'z'
        || l.charAt(1) < 'a' || l.charAt(1) > 'z') {
      return null;
    }
    return l;
  }

  /**
   * The language of the publication text, best evidence first: the exchange-document's own
   * {@code lang}; the language of the claims, then of the description (full text is published in
   * the language of the proceedings); the first abstract's; the title's only when there is exactly
   * one title (EP documents carry de/en/fr titles whatever their language).
   */
  static String publicationLanguage(String documentLang, String claimsLang, String descriptionLang,
                                    List<LocalizedText> abstracts, List<LocalizedText> titles) {
    for (String l : new String[] {documentLang, claimsLang, descriptionLang}) {
      if (iso(l) != null) {
        return iso(l);
      }
    }
    for (LocalizedText a : abstracts) {
      if (a.getLang() != null) {
        return a.getLang();
      }
    }
    if (titles.size() == 1) {
      return titles.get(0).getLang();
    }
    return null;
  }
}
