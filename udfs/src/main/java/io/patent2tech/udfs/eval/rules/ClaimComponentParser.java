package io.patent2tech.udfs.eval.rules;

import java.io.Serializable;
import java.util.Locale;

/**
 * Splits a claim into preamble, transition, body and characterizing part (seed 002 §5,
 * ClaimComponentParser) with the drafting rules of English (US / EP) and Korean claims. Rule based
 * and deterministic; the rules are described in docs/scoring.md and on {@link ClaimComponents}.
 */
public final class ClaimComponentParser implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * @param claimText the text of one claim
   * @param language "en" or "ko" (any case); null, blank or any other language: chosen from the
   *     script of the text (Korean when it holds more Hangul syllables than Latin letters), so a
   *     caller may pass a patent's language as it is
   * @return the parts; {@link ClaimComponents#language()} says which rules were used
   * @throws IllegalArgumentException when the claim text is null or blank
   */
  public ClaimComponents parse(String claimText, String language) {
    if (claimText == null || claimText.isBlank()) {
      throw new IllegalArgumentException("claim text is " + (claimText == null ? "null" : "blank"));
    }
    String text = claimText.strip().replaceAll("\\s+", " ");
    return "ko".equals(rules(text, language))
        ? KoreanClaimParser.parse(text)
        : EnglishClaimParser.parse(text);
  }

  private static String rules(String text, String language) {
    String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    if (lang.equals("en") || lang.equals("ko")) {
      return lang;
    }
    return Hangul.isMostlyHangul(text) ? "ko" : "en";
  }
}
