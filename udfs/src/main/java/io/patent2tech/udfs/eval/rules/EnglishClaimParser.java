package io.patent2tech.udfs.eval.rules;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English claims: the US one-part form ("A method of X, comprising: ...; wherein ...") and the
 * European two-part form ("X, comprising A, characterized in that B").
 */
final class EnglishClaimParser {

  private static final int CI = Pattern.CASE_INSENSITIVE;

  /** Opens the characterizing part of a two-part (EP) or Jepson (US) claim. */
  private static final Pattern CHARACTERIZING = Pattern.compile(
      "\\b(?:characteri[sz]ed\\s+in\\s+that|characteri[sz]ed\\s+by|characteri[sz]ed\\s+in"
          + "|wherein\\s+the\\s+improvement\\s+comprises|the\\s+improvement\\s+comprising"
          + "|the\\s+improvement\\s+wherein)\\b",
      CI);

  private static final Pattern TRANSITION = Pattern.compile(
      "\\b(?:consisting\\s+essentially\\s+of|consists\\s+essentially\\s+of|consisting\\s+of|consists\\s+of"
          + "|comprising|comprises|comprised\\s+of|including|includes|composed\\s+of|containing|contains"
          + "|having|wherein)\\b",
      CI);

  /** A closing clause that says what is special once the elements are listed. */
  private static final Pattern CLOSING_CLAUSE = Pattern.compile("\\b(?:wherein|whereby)\\b", CI);

  /** ", the method" / ", said system" restating the subject just before the transition. */
  private static final Pattern RESTATED_SUBJECT = Pattern.compile(",\\s*(?:the|said)\\s+[^,;:]{1,60}$", CI);
  private static final Pattern TRAILING_RELATIVE = Pattern.compile("\\s+(?:which|that)$", CI);
  private static final Pattern STEPS_OF = Pattern.compile(
      "^(?:the\\s+)?(?:following\\s+)?steps?\\s*(?:of\\b\\s*:?|:)\\s*", CI);
  private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s,;:.]+");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:.]+$");
  private static final Pattern TRAILING_AND = Pattern.compile("[\\s,;]*\\band$", CI);

  private EnglishClaimParser() {}

  private record Span(int start, int end, String text) {}

  static ClaimComponents parse(String text) {
    String claim = TRAILING_PUNCTUATION.matcher(text).replaceFirst("");
    Matcher marker = CHARACTERIZING.matcher(claim);
    if (marker.find()) {
      String head = claim.substring(0, marker.start());
      String characterizing = part(claim.substring(marker.end()));
      Span t = transition(head);
      if (t == null) {
        return new ClaimComponents(preamble(head), phrase(marker.group()), "", characterizing, "en");
      }
      return new ClaimComponents(preamble(head.substring(0, t.start())), phrase(t.text()),
          body(head.substring(t.end())), characterizing, "en");
    }
    Span t = transition(claim);
    if (t == null) {
      return new ClaimComponents("", null, claim, null, "en");
    }
    String preamble = preamble(claim.substring(0, t.start()));
    String transition = phrase(t.text());
    String rest = claim.substring(t.end());
    if (transition.equals("wherein")) {
      return new ClaimComponents(preamble, transition, body(rest), null, "en");
    }
    Matcher closing = CLOSING_CLAUSE.matcher(rest);
    if (closing.find(lastElementStart(rest))) {
      return new ClaimComponents(preamble, transition, body(rest.substring(0, closing.start())),
          part(rest.substring(closing.end())), "en");
    }
    return new ClaimComponents(preamble, transition, body(rest), null, "en");
  }

  /**
   * The transition: the first one followed by a colon (US drafting marks it so), else the first
   * "comprising" / "consisting" form, else the first of the other open phrases, else "having" or
   * "wherein", which also occur inside preambles and elements.
   */
  private static Span transition(String head) {
    Matcher m = TRANSITION.matcher(head);
    Span best = null;
    int bestRank = Integer.MAX_VALUE;
    while (m.find()) {
      int rank = rank(m.group(), head, m.end());
      if (rank < bestRank) {
        bestRank = rank;
        best = new Span(m.start(), m.end(), m.group());
      }
    }
    return best;
  }

  private static int rank(String phrase, String text, int end) {
    int i = end;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    if (i < text.length() && text.charAt(i) == ':') {
      return 0;
    }
    String p = phrase.toLowerCase(Locale.ROOT);
    if (p.startsWith("compris") || p.startsWith("consist")) {
      return 1;
    }
    return p.equals("having") || p.equals("wherein") ? 3 : 2;
  }

  /** Where the last element of the body starts: after its last semicolon outside parentheses. */
  private static int lastElementStart(String body) {
    int depth = 0;
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (c == ';' && depth == 0) {
        start = i + 1;
      }
    }
    return start;
  }

  private static String phrase(String matched) {
    return matched.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private static String preamble(String s) {
    String p = TRAILING_PUNCTUATION.matcher(s.strip()).replaceFirst("");
    p = RESTATED_SUBJECT.matcher(p).replaceFirst("");
    p = TRAILING_RELATIVE.matcher(p).replaceFirst("");
    return TRAILING_PUNCTUATION.matcher(p).replaceFirst("");
  }

  private static String body(String s) {
    String b = LEADING_PUNCTUATION.matcher(s).replaceFirst("");
    b = STEPS_OF.matcher(b).replaceFirst("");
    b = TRAILING_PUNCTUATION.matcher(b).replaceFirst("");
    b = TRAILING_AND.matcher(b).replaceFirst("");
    return TRAILING_PUNCTUATION.matcher(b).replaceFirst("");
  }

  private static String part(String s) {
    String c = LEADING_PUNCTUATION.matcher(s).replaceFirst("");
    c = TRAILING_PUNCTUATION.matcher(c).replaceFirst("");
    return c.isEmpty() ? null : c;
  }
}
