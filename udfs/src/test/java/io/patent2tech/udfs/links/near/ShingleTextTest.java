package io.patent2tech.udfs.links.near;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShingleTextTest {

  @Test
  void caseWhitespacePunctuationAndEntitiesDoNotCount() {
    assertThat(ShingleText.words("A  method\n\tfor  SHAPING&#8212;a metal (sheet); &amp; rolling it."))
        .containsExactly("a", "method", "for", "shaping", "a", "metal", "sheet", "rolling", "it");
    assertThat(ShingleText.words("a method for shaping — a metal sheet, & rolling it"))
        .isEqualTo(ShingleText.words("A\u00a0METHOD for&nbsp;shaping&mdash;a metal&#x20;sheet &#38; rolling it"));
  }

  @Test
  void numbersAndAccentedLettersAreWords() {
    assertThat(ShingleText.words("claim 12, wherein 3.5 mm café"))
        .containsExactly("claim", "12", "wherein", "3", "5", "mm", "café");
  }

  @Test
  void fullWidthFormsFoldAndHanCharactersAreWordsOfTheirOwn() {
    assertThat(ShingleText.words("ＡＢＣ１２ 電池")).containsExactly("abc12", "電", "池");
  }

  @Test
  void malformedOrUnknownEntitiesSeparateWordsAndALoneAmpersandStays() {
    assertThat(ShingleText.words("tom&#xZZ;jerry a&unknown;b x & y")).containsExactly("tom", "jerry", "a", "b", "x", "y");
    assertThat(ShingleText.decodeEntities("R&D &amp; more")).isEqualTo("R&D & more");
  }
}
