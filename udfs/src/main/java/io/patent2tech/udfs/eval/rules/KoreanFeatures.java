package io.patent2tech.udfs.eval.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Technical noun phrases of Korean claim text without a morphological analyser: words are split off
 * their particles; a particle, a verb form, a function word or punctuation ends a phrase, so
 * "상기 디스플레이 패널을 지지하는 프레임" gives "디스플레이 패널" and "프레임".
 */
final class KoreanFeatures {

  private static final Set<String> STOP = WordList.load("stopwords-ko.txt");
  private static final Set<String> STOP_EN = WordList.load("stopwords-en.txt");
  private static final Set<String> GENERIC = WordList.load("generic-ko.txt");

  /** Endings of verbs and adjectives (하는, 되는, 형성된 ...), with the shortest word they apply to. */
  private static final String[] VERB_ENDINGS = {
    "하는", "되는", "하고", "되고", "하며", "되며", "하여", "되어", "해서", "하되", "되되", "하도록", "되도록", "하기",
    "되기", "하면", "되면", "있는", "없는", "있고", "있으며", "있어", "없이", "시키는", "시킨", "갖는", "가지는",
    "가지며", "가진", "갖고", "위한", "대한", "따른", "통한", "의한", "관한", "같은", "이루는", "이루어지는", "이루어진",
    "된", "됨"
  };
  /** "한" (용이한, 형성한) only on words of three syllables or more: 제한, 권한 are nouns. */
  private static final String HAN = "한";

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private KoreanFeatures() {}

  static void collect(String text, SynonymDictionary synonyms, Set<String> out) {
    String t = text.toLowerCase(Locale.ROOT);
    Matcher m = WORD.matcher(t);
    List<String> run = new ArrayList<>();
    int previousEnd = 0;
    String previous = null;
    while (m.find()) {
      if (!t.substring(previousEnd, m.start()).isBlank()) {
        emit(run, synonyms, out);
      }
      previousEnd = m.end();
      String w = m.group();
      String before = previous;
      previous = w;
      if (Terms.isNumber(w) || STOP.contains(w) || STOP_EN.contains(w) || isVerb(w)) {
        emit(run, synonyms, out);
        continue;
      }
      String stem = KoreanParticles.strip(w);
      if (STOP.contains(stem) || isVerbModifier(w, stem, before)) {
        emit(run, synonyms, out);
        continue;
      }
      run.add(stem);
      if (!stem.equals(w)) {
        // a particle closes the noun phrase
        emit(run, synonyms, out);
      }
    }
    emit(run, synonyms, out);
  }

  private static void emit(List<String> run, SynonymDictionary synonyms, Set<String> out) {
    if (run.isEmpty()) {
      return;
    }
    boolean single = run.size() == 1;
    String only = run.get(0);
    String phrase = String.join(" ", run);
    run.clear();
    if (single && (GENERIC.contains(only) || (only.length() == 1 && Hangul.isSyllable(only.charAt(0))))) {
      return;
    }
    out.add(synonyms.canonical(phrase));
  }

  /**
   * "감싸는 피복", "공급받는 제어부": a verb stem with the modifier ending 는 / 은 reads like a noun with
   * the topic particle. A claim marks a noun as topic after 상기 ("상기 제어부는"), since it refers
   * back to an element already introduced; without 상기 the word is taken as a verb.
   */
  private static boolean isVerbModifier(String word, String stem, String before) {
    boolean topicLike = word.length() == stem.length() + 1 && (word.endsWith("는") || word.endsWith("은"));
    return topicLike && !"상기".equals(before);
  }

  private static boolean isVerb(String w) {
    for (String ending : VERB_ENDINGS) {
      if (w.length() > ending.length() && w.endsWith(ending)) {
        return true;
      }
    }
    if (w.length() >= 2 && w.endsWith("는") && Hangul.hasFinalConsonant(w.charAt(w.length() - 2))) {
      return true; // "받는", "닫는": after a final consonant 는 can only be a verb ending (a noun takes 은)
    }
    return w.length() >= 3 && w.endsWith(HAN);
  }
}
