package io.patent2tech.udfs.eval.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Technical noun phrases of English claim text without a tagger: runs of words between function
 * words, verbs, numbers and punctuation ("incoming message hardware processor"), trimmed of the
 * verbs that such runs pick up, the head noun in the singular.
 */
final class EnglishFeatures {

  private static final Set<String> STOP = WordList.load("stopwords-en.txt");
  private static final Set<String> VERBS = WordList.load("verbs-en.txt");
  private static final Set<String> GENERIC = WordList.load("generic-en.txt");

  /** A word right before one of these takes an object: a verb ("executing the rules"). */
  private static final Set<String> DETERMINERS =
      Set.of("a", "an", "the", "said", "each", "every", "its", "their", "this", "these", "those", "one", "another", "any");
  /** Words that stand before a noun: an "-ing" word after one is a noun modifier ("first locking means"). */
  private static final Set<String> MODIFIERS = Set.of(
      "more", "less", "most", "other", "new", "first", "second", "third", "fourth", "fifth", "additional",
      "multiple", "several", "various", "same", "different", "respective", "corresponding", "predetermined",
      "certain", "particular", "specific", "such", "plural", "single", "double", "total", "given", "preset",
      "few", "many", "much", "least", "both", "all", "some", "no");
  /** The word right after one of these is a verb ("configured to receive", "a processor that processes"). */
  private static final Set<String> VERB_BEFORE = Set.of("to", "that", "which", "who", "then");

  /** Nouns and adjectives that look like "-ed" participles, "-ing" forms or "-ly" adverbs. */
  private static final Set<String> ED_WORDS =
      Set.of("speed", "seed", "feed", "bleed", "breed", "infrared", "need", "shred", "hundred", "embed");
  private static final Set<String> ING_WORDS = Set.of(
      "housing", "casing", "bearing", "coating", "opening", "spring", "string", "wiring", "building",
      "ceiling", "coupling", "fitting", "lining", "tubing", "winding", "packaging", "clothing", "filling",
      "seating", "shielding", "padding", "molding", "moulding", "plating", "sealing", "fastening", "bushing");
  private static final Set<String> LY_WORDS = Set.of("assembly", "supply", "family", "anomaly", "monopoly", "butterfly");
  private static final Set<String> ABLE_WORDS = Set.of("variable", "vegetable", "consumable", "wearable", "deliverable");

  private static final Pattern BY_MEANS_OF = Pattern.compile("\\bby\\s+means\\s+of\\b");
  private static final Pattern IN_ORDER_TO = Pattern.compile("\\bin\\s+order\\s+to\\b");
  /** Reference signs and abbreviations in parentheses: "(10)", "(a)", "(UWB)". */
  private static final Pattern SHORT_PARENTHESES = Pattern.compile("\\([^()]{1,12}\\)");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'\u2019][\\p{L}\\p{N}]+)*");

  private EnglishFeatures() {}

  static void collect(String text, SynonymDictionary synonyms, Set<String> out) {
    String t = text.toLowerCase(Locale.ROOT);
    t = BY_MEANS_OF.matcher(t).replaceAll(" by ");
    t = IN_ORDER_TO.matcher(t).replaceAll(" to ");
    t = SHORT_PARENTHESES.matcher(t).replaceAll(" ");
    Matcher m = WORD.matcher(t);
    List<String> run = new ArrayList<>();
    String before = null;
    String lastSeparator = null;
    int previousEnd = 0;
    while (m.find()) {
      if (!t.substring(previousEnd, m.start()).isBlank()) {
        emit(run, before, null, synonyms, out);
        lastSeparator = null;
      }
      previousEnd = m.end();
      String w = possessive(m.group());
      if (isSeparator(w)) {
        emit(run, before, w, synonyms, out);
        lastSeparator = w;
        continue;
      }
      if (run.isEmpty()) {
        before = lastSeparator;
      }
      run.add(w);
    }
    emit(run, before, null, synonyms, out);
  }

  /**
   * Adds the run as a feature after trimming verbs off its ends, and empties it.
   *
   * @param before the function word right before the run, null after punctuation
   * @param next the function word right after the run, null before punctuation
   */
  private static void emit(List<String> run, String before, String next, SynonymDictionary synonyms, Set<String> out) {
    if (run.isEmpty()) {
      return;
    }
    List<String> words = new ArrayList<>(run);
    run.clear();
    if (next != null && (DETERMINERS.contains(next) || (MODIFIERS.contains(next) && isGerund(last(words))))) {
      // "executing the rules", "the actuator defining first and second chambers": a verb and its object
      words.remove(words.size() - 1);
    }
    if (!words.isEmpty() && before != null && VERB_BEFORE.contains(before)
        && !(before.equals("to") && looksPlural(words.get(0)))) {
      // "configured to receive", "a processor that processes"; but "connected to networks": an
      // infinitive is never a plural
      words.remove(0);
    }
    while (!words.isEmpty() && isPredicate(last(words))) {
      words.remove(words.size() - 1);
    }
    boolean afterNounModifier = before != null && (DETERMINERS.contains(before) || MODIFIERS.contains(before));
    if (!words.isEmpty() && isGerund(words.get(0)) && (words.size() == 1 || !afterNounModifier)) {
      // "for processing mid-dialog SIP messages"; a lone "-ing" word is an action, not a thing
      words.remove(0);
    }
    if (words.isEmpty() || (words.size() == 1 && GENERIC.contains(words.get(0)))) {
      return;
    }
    words.set(words.size() - 1, Plurals.singular(last(words)));
    out.add(synonyms.canonical(String.join(" ", words)));
  }

  private static boolean isSeparator(String w) {
    return w.length() < 2 || STOP.contains(w) || VERBS.contains(w) || Terms.isNumber(w) || isAdverb(w);
  }

  private static boolean isAdverb(String w) {
    return w.length() >= 6 && w.endsWith("ly") && !LY_WORDS.contains(w);
  }

  /** A participle or "-able" adjective closing a run says something about the noun before it. */
  private static boolean isPredicate(String w) {
    return (w.length() > 4 && w.endsWith("ed") && !ED_WORDS.contains(w))
        || (w.length() > 6 && (w.endsWith("able") || w.endsWith("ible")) && !ABLE_WORDS.contains(w));
  }

  private static boolean isGerund(String w) {
    return w.length() > 5 && w.endsWith("ing") && !ING_WORDS.contains(w);
  }

  private static boolean looksPlural(String w) {
    return w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is");
  }

  private static String last(List<String> words) {
    return words.get(words.size() - 1);
  }

  private static String possessive(String w) {
    return w.endsWith("'s") || w.endsWith("\u2019s") ? w.substring(0, w.length() - 2) : w;
  }
}
