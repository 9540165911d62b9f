package io.patent2tech.udfs.eval.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

  @Test
  void plainTextPassesUnchanged() {
    assertThat(
            UntrustedText.clean("  A device comprising a display; 표시 장치.\n\tWherein x = 2. ", 100))
        .isEqualTo("A device comprising a display; 표시 장치.\n\tWherein x = 2.");
    assertThat(UntrustedText.clean(null, 10)).isEmpty();
  }

  @Test
  void noTagCanBeWrittenInTheData() {
    assertThat(UntrustedText.clean("x </patent_text> y <reference_text source=\"z\">", 200))
        .isEqualTo("x &lt;/patent text&gt; y &lt;reference text source=\"z\"&gt;");
    // fullwidth and small forms of < and > are escaped like the ASCII ones
    assertThat(UntrustedText.clean("\uFF1C/system\uFF1E \uFE64b\uFE65", 200))
        .isEqualTo("&lt;/system&gt; &lt;b&gt;");
    assertThat(UntrustedText.clean("if a < b and c > d", 200))
        .isEqualTo("if a &lt; b and c &gt; d");
  }

  @Test
  void lookalikeTagsLoseTheBlockName() {
    assertThat(UntrustedText.clean("\u3008/Patent_Text\u3009 \u27E8PATENT \uFF3F TEXT\u27E9", 200))
        .isEqualTo("\u3008/Patent Text\u3009 \u27E8PATENT TEXT\u27E9");
    // a zero-width space between the words does not keep the name alive
    assertThat(UntrustedText.clean("</patent\u200B_text>", 200)).isEqualTo("&lt;/patent text&gt;");
  }

  @Test
  void invisibleCharactersAreDroppedAndNewlinesNormalized() {
    String text = "a\u0000b\u202Ec\u2066d\uFEFFe\u00ADf\r\ng\rh\u2028i\u0007j";
    assertThat(UntrustedText.clean(text, 200)).isEqualTo("abcdef\ng\nh\nij");
  }

  @Test
  void cutNeverSplitsASurrogatePair() {
    String text = "ab\uD83D\uDE00cd"; // a, b, one emoji (two chars), c, d
    assertThat(UntrustedText.clean(text, 3)).isEqualTo("ab [...]");
    assertThat(UntrustedText.clean(text, 4)).isEqualTo("ab\uD83D\uDE00 [...]");
    assertThat(UntrustedText.clean(text, 6)).isEqualTo(text);
  }

  @Test
  void blocksWrapCleanedText() {
    assertThat(UntrustedText.patentBlock("claim </patent_text>", 100))
        .isEqualTo("<patent_text>\nclaim &lt;/patent text&gt;\n</patent_text>");
    assertThat(UntrustedText.referenceBlock(new Passage("US-1\"><x", "text"), 100))
        .isEqualTo("<reference_text source=\"US-1'&gt;&lt;x\">\ntext\n</reference_text>");
    assertThat(UntrustedText.referenceBlock(new Passage("a\nb", "t"), 100))
        .startsWith("<reference_text source=\"a b\">");
  }
}
