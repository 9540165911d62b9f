package io.patent2tech.udfs.links.near;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The port against the values Python 3's {@code difflib.SequenceMatcher(None, a, b,
 * autojunk).ratio()} gives for the same sequences (lists of words; strings of characters).
 */
class SequenceMatcherRatioTest {

  private static final String SENTENCE = "a method for shaping a metal sheet comprising rolling the sheet "
      + "between two rollers and heating it ";

  @Test
  void shortWordSequencesMatchPython() {
    int[] x = tokens("the sheet is rolled and the sheet is heated");
    int[] y = tokens("the sheet is heated and then the sheet is rolled twice");
    assertThat(SequenceMatcherRatio.wordRatio(x, y)).isEqualTo(0.4);
    assertThat(SequenceMatcherRatio.wordRatio(y, x)).isEqualTo(0.4);
    assertThat(SequenceMatcherRatio.wordRatio(x, x)).isEqualTo(1.0);
    assertThat(SequenceMatcherRatio.wordRatio(new int[0], new int[0])).isEqualTo(1.0);
    assertThat(SequenceMatcherRatio.wordRatio(x, new int[0])).isEqualTo(0.0);
  }

  @Test
  void longWordSequencesMatchPythonWithAndWithoutAutojunk() {
    // 204 words, every one of them occurring 12 or 24 times: with autojunk (over 200 tokens, more
    // than 1% + 1 occurrences) no word may start a match, and an edited copy scores almost nothing;
    // without it, the ratio says what is the same. Level 4 uses autojunk off.
    String a = SENTENCE.repeat(12).strip();
    String edited = a.replaceFirst("rolling", "pressing").replaceFirst("rolling", "pressing")
        .replaceFirst("rolling", "pressing").replace("two", "three");
    List<String> b = new ArrayList<>(Arrays.asList(edited.split(" ")));
    List<String> inserted = new ArrayList<>(b.subList(0, 50));
    inserted.addAll(List.of("wherein the rollers are heated by induction".split(" ")));
    inserted.addAll(b.subList(60, b.size()));
    int[] ta = tokens(a);
    int[] tb = WordShingles.tokens(inserted);
    assertThat(ta).hasSize(204);
    assertThat(tb).hasSize(201);
    assertThat(SequenceMatcherRatio.ratio(ta, tb, true)).isEqualTo(0.03950617283950617);
    assertThat(SequenceMatcherRatio.ratio(tb, ta, true)).isEqualTo(0.03950617283950617);
    assertThat(SequenceMatcherRatio.ratio(ta, tb, false)).isEqualTo(0.7061728395061728);
    assertThat(SequenceMatcherRatio.wordRatio(tb, ta)).isEqualTo(0.7061728395061728);
  }

  @Test
  void characterSequencesMatchPython() {
    assertThat(chars("abcd", "bcde", true)).isEqualTo(0.75);
    assertThat(chars("Method for shaping a metal sheet", "Method of shaping metal sheets", true))
        .isEqualTo(0.9032258064516129);
    // over 200 characters, frequent characters cannot start a match: the score depends on the order
    String a = ("A method for shaping a metal sheet, comprising rolling the sheet between two rollers "
        + "and heating it. ").repeat(3);
    String b = a.replace("rolling", "pressing").replace("two", "three");
    assertThat(chars(a, b, true)).isEqualTo(0.6211382113821138);
    assertThat(chars(b, a, true)).isEqualTo(0.926829268292683);
  }

  private static int[] tokens(String text) {
    return WordShingles.tokens(Arrays.asList(text.split(" ")));
  }

  private static double chars(String a, String b, boolean autojunk) {
    return SequenceMatcherRatio.ratio(a.chars().toArray(), b.chars().toArray(), autojunk);
  }
}
