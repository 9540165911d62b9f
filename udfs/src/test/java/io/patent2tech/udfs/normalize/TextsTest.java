package io.patent2tech.udfs.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void collapseToOneLine() {
    assertThat(Texts.collapse("  a \t b\n\nc\u00a0 d  ")).isEqualTo("a b c d");
    assertThat(Texts.collapse(" \n ")).isNull();
    String clean = "already clean";
    assertThat(Texts.collapse(clean)).isSameAs(clean);
  }

  @Test
  void paragraphsKeepOneNewline() {
    assertThat(Texts.collapseParagraphs(" first  para \n\n  second\tpara \n \n")).isEqualTo("first para\nsecond para");
    String clean = "one\ntwo";
    assertThat(Texts.collapseParagraphs(clean)).isSameAs(clean);
  }

  @Test
  void literalCharacterReferencesFromDoubleEscapingAreDecoded() {
    assertThat(PatentNormalizer.cleanText("a &#x201c;quoted&#x201d; &amp; &#8212; b &unknown; c", false))
        .isEqualTo("a \u201cquoted\u201d & \u2014 b &unknown; c");
  }
}
