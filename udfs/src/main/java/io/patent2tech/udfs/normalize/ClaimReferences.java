package io.patent2tech.udfs.normalize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The claims a claim's words refer to, for formats without claim-ref markup (EPO OPS full text, APS
 * Green Book text, PAP and ST.32 claims that mark none): "claim 1", "claims 1 or 2", "claim 4, 5, 6
 * or 7", "claims 1 to 3"/"1-3" (German "Anspruch/Ansprüche", French "revendication(s)" alike; a
 * number glued to a letter, "claim 1x", is none), so "as claimed in claim 1",
 * "according to claim 2", "of claim 3", "as set forth in claim 1" all name claim 1, 2, 3. "Any of the
 * foregoing/preceding claims" (and the German/French equivalents) refers to every earlier claim,
 * unless numbers follow ("any preceding claim 7 to 9" is 7, 8, 9). Only numbers below the claim's own
 * are kept: a claim cannot depend on a later one, which also drops stray numbers.
 *
 * <p>The patterns are applied to one claim at a time (a few KB), never to a whole document.
 */
public final class ClaimReferences {

  /** A claim number: one to three digits, not glued to a letter or a further digit ("claim 1x"). */
  private static final String NUMBER_WORD = "\\d{1,3}(?![\\p{L}\\d])";

  private static final Pattern REFERENCE = Pattern.compile(
      "(?iu)\\b(?:claims?|anspr(?:u|ü|ue)che?n?|anspruch|revendications?)\\s+"
          + "(" + NUMBER_WORD + "(?:\\s*(?:,|;|-|–|\\bto\\b|\\bthrough\\b|\\bor\\b|\\band\\b|\\bbis\\b|\\boder\\b|\\bund\\b|\\bou\\b|\\bet\\b|à)\\s*"
          + NUMBER_WORD + ")*)");

  private static final Pattern RANGE_WORD = Pattern.compile("(?iu)^\\s*(?:-|–|to|through|bis|à)\\s*$");

  private static final Pattern ALL_PRECEDING = Pattern.compile(
      "(?iu)\\b(?:preceding|foregoing|previous|prior)\\s+claims?\\b(?!\\s*\\d)"
          + "|\\b(?:vorhergehenden|vorangehenden|vorstehenden)\\s+ansprüche"
          + "|\\brevendications\\s+pr[ée]c[ée]dentes");

  private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");

  private ClaimReferences() {}

  /** Numbers of earlier claims the text refers to, in order of mention, without duplicates. */
  public static List<Integer> dependsOn(String text, int number) {
    if (!mayRefer(text)) {
      return new ArrayList<>(0); // most independent claims: no pattern run over their text
    }
    Set<Integer> deps = new LinkedHashSet<>();
    if (ALL_PRECEDING.matcher(text).find()) {
      for (int i = 1; i < number; i++) {
        deps.add(i);
      }
    }
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      addNumbers(m.group(1), number, deps);
    }
    return new ArrayList<>(deps);
  }

  /**
   * Whether the text has a word every reference contains (claim, Anspr-, revendication): a plain
   * scan, far cheaper than the case-insensitive patterns, which then only run where they can match.
   */
  private static boolean mayRefer(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("claim") || lower.contains("anspr") || lower.contains("revendication");
  }

  /** "4, 5, 6 or 7" / "1 to 3" / "1-3" into {@code deps}, keeping numbers 1..number-1. */
  private static void addNumbers(String list, int number, Set<Integer> deps) {
    Matcher d = NUMBER.matcher(list);
    int previous = -1;
    int previousEnd = 0;
    while (d.find()) {
      int n = Integer.parseInt(d.group());
      if (previous > 0 && RANGE_WORD.matcher(list.substring(previousEnd, d.start())).matches() && n > previous) {
        for (int k = previous + 1; k < n && k < number; k++) {
          deps.add(k);
        }
      }
      if (n >= 1 && n < number) {
        deps.add(n);
      }
      previous = n;
      previousEnd = d.end();
    }
  }
}
