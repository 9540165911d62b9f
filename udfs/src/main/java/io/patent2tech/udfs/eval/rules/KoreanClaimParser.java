package io.patent2tech.udfs.eval.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean claims, which are head-final: the elements come first and the subject last ("A; 및 B를
 * 포함하는 장치"), optionally announced up front ("장치에 있어서," / "장치로서,"); "...을 특징으로
 * 하는" closes the characterizing clause and "...를 포함하되," opens one.
 */
final class KoreanClaimParser {

  /** "X에 있어서," / "X로서," in the first element: X is the preamble. */
  private static final Pattern PREAMBLE_MARKER = Pattern.compile("(에\\s?있어서|으로서|로서)\\s*,");

  /** "(것)을 특징으로 하는": what precedes it is the characterizing clause, what follows the subject. */
  private static final Pattern FEATURE_MARKER =
      Pattern.compile("(?:(?:것|점)\\s?)?(?:을|를)\\s?특징으로\\s?(?:하는|한|함)");

  /** "를 포함하고 / 포함하며 / 포함하되," ends the body and opens a further clause. */
  private static final Pattern CONNECTIVE = Pattern.compile(
      "(?<=\\S)((?:을|를)\\s?(?:포함|구비)\\s?(?:하고|하며|하되)|(?:을|를)\\s?(?:가지고|가지며|갖고|갖되)"
          + "|(?:으로|로)\\s?(?:구성되고|구성되며|구성되되|이루어지고|이루어지며|이루어지되))\\s*,");

  /**
   * "를 포함하는 / 로 구성되는" followed by the subject; not when followed by "것", which makes it
   * part of a characterizing clause ("...를 포함하는 것을 특징으로 하는").
   */
  private static final Pattern ADNOMINAL = Pattern.compile(
      "(?<=\\S)(?:(?:을|를)\\s?(?:포함|구비)\\s?(?:하는|한)|(?:을|를)\\s?(?:갖는|가지는|가진)"
          + "|(?:으로|로)\\s?(?:구성되는|구성된|이루어지는|이루어진))(?!\\s?(?:것|점))");

  /** Word endings of a verb modifying the noun after it (the subject at the end of a clause). */
  private static final String[] MODIFIER_ENDINGS = {"는", "은", "인", "된", "한", "진", "운", "던"};

  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:.]+$");
  private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s,;:.]+");

  private KoreanClaimParser() {}

  static ClaimComponents parse(String text) {
    String claim = trim(text);
    String preamble = null;
    String preambleMarker = null;
    String rest = claim;
    Matcher pm = PREAMBLE_MARKER.matcher(claim);
    int firstSemicolon = claim.indexOf(';');
    if (pm.find() && (firstSemicolon < 0 || pm.start() < firstSemicolon)) {
      preamble = trim(claim.substring(0, pm.start()));
      preambleMarker = pm.group(1);
      rest = trim(claim.substring(pm.end()));
    }

    Span marker = last(FEATURE_MARKER, rest);
    String clause = marker == null ? rest : trim(rest.substring(0, marker.start()));
    String subject = marker == null ? null : trim(rest.substring(marker.end()));

    Matcher c = CONNECTIVE.matcher(clause);
    if (c.find()) {
      String after = trim(clause.substring(c.end()));
      if (marker == null) {
        Span closing = closingSubject(after);
        if (closing != null) {
          subject = closing.text();
          after = after.substring(0, closing.start());
        }
      }
      return components(preamble, subject, c.group(1), clause.substring(0, c.start()), after);
    }
    if (marker != null) {
      // two-part form: everything between the preamble and the marker is the characterizing clause
      return components(preamble, subject, preambleMarker != null ? preambleMarker : marker.text(), "", clause);
    }
    Span adnominal = last(ADNOMINAL, clause);
    if (adnominal != null) {
      return components(preamble, trim(clause.substring(adnominal.end())), adnominal.text(),
          clause.substring(0, adnominal.start()), null);
    }
    return components(preamble, null, preambleMarker, clause, null);
  }

  private record Span(int start, int end, String text) {}

  private static Span last(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    Span last = null;
    while (m.find()) {
      last = new Span(m.start(), m.end(), m.group());
    }
    return last;
  }

  /** The preamble: the announced one ("X에 있어서,") before the repeated closing subject. */
  private static ClaimComponents components(
      String preamble, String subject, String transition, String body, String characterizing) {
    String p = preamble != null ? preamble : subject != null ? subject : "";
    String ch = characterizing == null ? null : trim(characterizing);
    return new ClaimComponents(p, transition, trim(body), ch == null || ch.isEmpty() ? null : ch, "ko");
  }

  /**
   * In "상기 A는 B인 장치" the subject "장치": what follows the last word with a modifier ending; null
   * when no such word is followed by anything.
   */
  private static Span closingSubject(String text) {
    String[] words = text.split(" ");
    int offset = text.length();
    for (int i = words.length - 1; i > 0; i--) {
      offset -= words[i].length() + 1;
      if (endsWithModifier(words[i - 1])) {
        return new Span(offset + 1, text.length(), text.substring(offset + 1));
      }
    }
    return null;
  }

  private static boolean endsWithModifier(String word) {
    for (String ending : MODIFIER_ENDINGS) {
      if (word.length() > ending.length() && word.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }

  private static String trim(String s) {
    String t = LEADING_PUNCTUATION.matcher(s).replaceFirst("");
    return TRAILING_PUNCTUATION.matcher(t).replaceFirst("");
  }
}
