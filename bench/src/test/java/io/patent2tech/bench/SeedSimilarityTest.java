package io.patent2tech.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The port against values Python 3's difflib.SequenceMatcher(None, a, b).ratio() gives. */
class SeedSimilarityTest {

  private static final String REPEATED = "A method for shaping a metal sheet, comprising rolling the sheet between two rollers and heating it. ";

  @Test
  void shortStringsMatchPython() {
    assertThat(SeedSimilarity.ratio("abcd", "bcde")).isEqualTo(0.75);
    assertThat(SeedSimilarity.ratio("Method for shaping a metal sheet", "Method of shaping metal sheets")).isEqualTo(0.9032258064516129);
    assertThat(SeedSimilarity.ratio("", "")).isEqualTo(1.0);
  }

  @Test
  void longStringsFollowPythonsAutojunkRule() {
    // over 200 characters, frequent characters cannot start a match: near-identical texts score low
    String a = REPEATED.repeat(3);
    String b = a.replace("rolling", "pressing").replace("two", "three");
    assertThat(SeedSimilarity.ratio(a, b)).isEqualTo(0.6211382113821138);
    assertThat(SeedSimilarity.ratio(b, a)).isEqualTo(0.926829268292683);
  }

  @Test
  void unrelatedWordSoupMatchesPython() {
    String x = "sheet comprising device a roller comprising method wherein comprising of comprising the second method metal device sheet sheet said method device second device method heating wherein second a sheet wherein a second device heating said the wherein first of a first comprising the metal first the second second metal method comprising said heating said first heating heating said first comprising method a roller of the a method sheet metal wherein heating first wherein second metal heating device second heating comprising roller device comprising heating comprising sheet roller wherein the second metal comprising wherein said a said second roller device comprising comprising of said wherein sheet wherein second comprising metal metal of of method second wherein method of roller first of";
    String y = "heating a the metal heating first heating second of the comprising comprising first the heating said comprising roller device metal device sheet the metal the of of comprising device the sheet heating metal comprising metal a said the second roller roller roller a second heating heating method second device heating wherein second comprising wherein device of comprising first device metal heating wherein said said sheet metal heating metal device metal device roller the first heating comprising roller the heating comprising comprising wherein a the wherein wherein roller method roller wherein roller comprising said metal said method the comprising the wherein the roller metal wherein method metal comprising comprising roller a";
    assertThat(SeedSimilarity.ratio(x, y)).isEqualTo(0.06810740013097577);
  }
}
