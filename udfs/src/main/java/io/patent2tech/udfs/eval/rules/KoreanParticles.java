package io.patent2tech.udfs.eval.rules;

import java.util.List;
import java.util.Set;

/**
 * Removes the particle (조사) that ends a Korean word ("디스플레이가" -> "디스플레이"). A particle
 * is removed only where Korean grammar allows it after the syllable before it (을 after a final
 * consonant, 를 after none, ...), which keeps "디스플레이" whole although it ends in 이.
 */
final class KoreanParticles {

  /** After which syllables a particle may stand. */
  private enum After { ANY, FINAL_CONSONANT, OPEN_SYLLABLE, OPEN_OR_RIEUL }

  private record Particle(String text, After after) {}

  /** Longest first, so that "에서는" wins over "는". */
  private static final List<Particle> PARTICLES = List.of(
      new Particle("으로부터", After.FINAL_CONSONANT), new Particle("로부터", After.OPEN_OR_RIEUL),
      new Particle("에서는", After.ANY), new Particle("에서의", After.ANY), new Particle("으로는", After.FINAL_CONSONANT),
      new Particle("으로서", After.FINAL_CONSONANT), new Particle("으로써", After.FINAL_CONSONANT),
      new Particle("으로의", After.FINAL_CONSONANT), new Particle("에서", After.ANY), new Particle("에게", After.ANY),
      new Particle("에는", After.ANY), new Particle("에의", After.ANY), new Particle("에도", After.ANY),
      new Particle("와의", After.OPEN_SYLLABLE), new Particle("과의", After.FINAL_CONSONANT),
      new Particle("로는", After.OPEN_OR_RIEUL), new Particle("로서", After.OPEN_OR_RIEUL),
      new Particle("로써", After.OPEN_OR_RIEUL), new Particle("로의", After.OPEN_OR_RIEUL),
      new Particle("까지", After.ANY), new Particle("부터", After.ANY), new Particle("보다", After.ANY),
      new Particle("처럼", After.ANY), new Particle("마다", After.ANY), new Particle("이나", After.FINAL_CONSONANT),
      new Particle("이며", After.ANY), new Particle("이고", After.ANY), new Particle("으로", After.FINAL_CONSONANT),
      new Particle("은", After.FINAL_CONSONANT), new Particle("는", After.OPEN_SYLLABLE),
      new Particle("이", After.FINAL_CONSONANT), new Particle("가", After.OPEN_SYLLABLE),
      new Particle("을", After.FINAL_CONSONANT), new Particle("를", After.OPEN_SYLLABLE),
      new Particle("의", After.ANY), new Particle("에", After.ANY), new Particle("로", After.OPEN_OR_RIEUL),
      new Particle("와", After.OPEN_SYLLABLE), new Particle("과", After.FINAL_CONSONANT), new Particle("인", After.ANY));

  /** Nouns whose last syllable reads as a particle the grammar would allow there. */
  private static final Set<String> WHOLE_WORDS = Set.of(
      "회로", "유로", "수로", "도로", "미로", "결과", "성과", "높이", "길이", "깊이", "넓이", "정의", "임의", "주의",
      "회의", "합의", "라인", "체인", "도메인", "요인", "원인", "디자인", "플러그인", "추가", "부가", "대가");

  private KoreanParticles() {}

  /** The word without its particle; the word itself when it has none. */
  static String strip(String word) {
    if (WHOLE_WORDS.contains(word)) {
      return word;
    }
    for (Particle p : PARTICLES) {
      int stem = word.length() - p.text().length();
      if (stem > 0 && word.endsWith(p.text()) && allowed(p.after(), word.charAt(stem - 1))) {
        return word.substring(0, stem);
      }
    }
    return word;
  }

  private static boolean allowed(After after, char previous) {
    switch (after) {
      case FINAL_CONSONANT:
        return Hangul.hasFinalConsonant(previous);
      case OPEN_SYLLABLE:
        return !Hangul.hasFinalConsonant(previous);
      case OPEN_OR_RIEUL:
        return !Hangul.hasFinalConsonant(previous) || Hangul.hasFinalRieul(previous);
      default:
        return true;
    }
  }
}
