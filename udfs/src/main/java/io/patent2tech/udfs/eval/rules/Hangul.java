package io.patent2tech.udfs.eval.rules;

/** Facts about Hangul syllables that Korean particles depend on. */
final class Hangul {

  private static final char FIRST = '\uAC00';
  private static final char LAST = '\uD7A3';
  private static final int FINALS = 28;
  private static final int RIEUL = 8;

  private Hangul() {}

  static boolean isSyllable(char c) {
    return c >= FIRST && c <= LAST;
  }

  /** Whether the syllable ends in a consonant (받침): 을 / 은 / 이 / 과 follow one, 를 / 는 / 가 / 와 do not. */
  static boolean hasFinalConsonant(char c) {
    return isSyllable(c) && (c - FIRST) % FINALS != 0;
  }

  /** Whether the syllable ends in ㄹ, after which 로 (not 으로) is written. */
  static boolean hasFinalRieul(char c) {
    return isSyllable(c) && (c - FIRST) % FINALS == RIEUL;
  }

  /** More Hangul syllables than Latin letters. */
  static boolean isMostlyHangul(CharSequence text) {
    int hangul = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSyllable(c)) {
        hangul++;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        latin++;
      }
    }
    return hangul > latin;
  }
}
