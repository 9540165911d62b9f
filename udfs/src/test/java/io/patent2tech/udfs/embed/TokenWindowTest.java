package io.patent2tech.udfs.embed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenWindowTest {

  private static TokenWindow window;

  @BeforeAll
  static void load() {
    window = TokenWindow.fromResource("bge-small-en-v1.5-q-tokenizer.json", 20);
  }

  @AfterAll
  static void close() {
    window.close();
  }

  @Test
  void keepsTextsThatFit() {
    String text = "A system for processing mid-dialog SIP messages.";

    assertThat(window.count(text)).isLessThanOrEqualTo(20);
    assertThat(window.truncate(text)).isSameAs(text);
  }

  @Test
  void cutsLongTextsAtAWordBoundaryWithinTheWindow() {
    // "unsuccessfully" and "pre-existing" are several WordPiece tokens each
    String text = "the incoming message hardware processor unsuccessfully associating the mid-dialog "
        + "SIP message with a pre-existing SIP session, responsive to an unsuccessful association";
    assertThat(window.count(text)).isGreaterThan(20);

    String cut = window.truncate(text);

    assertThat(text).startsWith(cut);
    assertThat(window.count(cut)).isBetween(15, 20);
    // BERT splits words at spaces and punctuation: "pre-" ends a word of its own
    assertThat(cut).isEqualTo("the incoming message hardware processor unsuccessfully associating the "
        + "mid-dialog SIP message with a pre-");
  }

  @Test
  void countsKoreanByCodePointsAndCutsAtSyllables() {
    // WordPiece of this English model splits each Hangul syllable into its jamo: about 3 tokens a syllable
    // the emoji (one [UNK] token, two UTF-16 units) shifts code points against string indexes
    String text = "😀 본 발명은 이차전지용 음극 활물질 및 그 제조방법에 관한 것이다";
    assertThat(window.count("본 발명은")).isEqualTo(12);

    String cut = window.truncate(text);

    assertThat(text).startsWith(cut);
    assertThat(cut).isEqualTo("😀 본 발명은");
    assertThat(window.count(cut)).isLessThanOrEqualTo(20);
  }

  @Test
  void aSingleWordLongerThanTheWindowIsCutInsideTheWord() {
    String text = "x".repeat(5) + "abcdefghijklmnopqrstuvwxyz".repeat(10);

    String cut = window.truncate(text);

    assertThat(text).startsWith(cut);
    assertThat(cut).isNotEmpty();
    assertThat(window.count(cut)).isLessThanOrEqualTo(20);
  }
}
