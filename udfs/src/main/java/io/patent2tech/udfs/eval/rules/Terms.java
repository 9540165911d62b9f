package io.patent2tech.udfs.eval.rules;

import java.util.Locale;

/** The one spelling of a term that dictionary keys and features share. */
final class Terms {

  private Terms() {}

  /**
   * Lower-cased, "_" read as a space (the seed writes "표시_장치"), runs of white space as one space,
   * trimmed, and no space between two Hangul syllables, because Korean compounds are written both
   * ways ("저장 장치" / "저장장치").
   */
  static String key(String term) {
    String t = term.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ").strip();
    StringBuilder out = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == ' ' && i > 0 && i + 1 < t.length()
          && Hangul.isSyllable(t.charAt(i - 1)) && Hangul.isSyllable(t.charAt(i + 1))) {
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** "10", "r1", "x5", "제1": numbers, formula symbols and ordinals; "co2" and "mp3" stay words. */
  static boolean isNumber(String w) {
    int letters = 0;
    boolean digit = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isDigit(c)) {
        digit = true;
      } else if (Character.isLetter(c)) {
        letters++;
      }
    }
    return digit && letters < 2;
  }
}
