package io.patent2tech.udfs.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.schema.Claim;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Patent;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingTextTest {

  @Test
  void titleAbstractAndFirstIndependentClaimOfARealGrant() {
    Patent sip = FixturePatents.parse("grant/US08930553.xml");

    String text = EmbeddingText.of(sip);

    String[] lines = text.split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).isEqualTo("Managing mid-dialog session initiation protocol (SIP) messages");
    assertThat(lines[1]).startsWith("Processing mid-dialog SIP messages by receiving a mid-dialog SIP message");
    assertThat(lines[2]).startsWith("A system for processing mid-dialog SIP messages, the system comprising:")
        .endsWith("that the application will accept the mid-dialog SIP message.");
    assertThat(text).doesNotContain("The system according to claim 1");
  }

  @Test
  void designPatentWithoutAbstractHasTitleAndClaim() {
    Patent cheese = FixturePatents.parse("grant/ipgD0701016.xml");

    assertThat(EmbeddingText.of(cheese).split("\n")).containsExactly(
        "Cheese in form of a triangular pyramid",
        "The ornamental design for cheese in form of a triangular pyramid, as shown and described.");
  }

  @Test
  void picksTheIndependentClaimEvenWhenADependentOneComesFirst() {
    Patent patent = patent("en",
        List.of(new LocalizedText("en", "Widget")),
        List.of(),
        List.of(new Claim(1, "The widget of claim 2, wherein it is red.", false, List.of(2)),
            new Claim(2, "A widget comprising a body.", true, List.of())));

    assertThat(EmbeddingText.of(patent)).isEqualTo("Widget\nA widget comprising a body.");
  }

  @Test
  void prefersThePatentsLanguage() {
    Patent patent = patent("ko",
        List.of(new LocalizedText("en", "Secondary battery"), new LocalizedText("ko", "이차전지")),
        List.of(new LocalizedText("ko", "본 발명은 이차전지에 관한 것이다.")),
        List.of());

    assertThat(EmbeddingText.of(patent)).isEqualTo("이차전지\n본 발명은 이차전지에 관한 것이다.");
  }

  @Test
  void capsVeryLongTextsAtAWordBoundary() {
    String claim = "1. A device comprising " + "a very long list of elements and ".repeat(300) + "an end.";
    Patent patent = patent("en", List.of(new LocalizedText("en", "Device")), List.of(),
        List.of(new Claim(1, claim, true, List.of())));

    String text = EmbeddingText.of(patent);

    assertThat(text.length()).isLessThanOrEqualTo(EmbeddingText.MAX_CHARS).isGreaterThan(EmbeddingText.MAX_CHARS - 40);
    assertThat(text).startsWith("Device\n1. A device comprising a very long list");
    assertThat(("Device\n" + claim).startsWith(text)).isTrue();
    assertThat(("Device\n" + claim).charAt(text.length())).isEqualTo(' ');
  }

  @Test
  void emptyWhenThereIsNothingToEmbed() {
    Patent patent = patent("en", List.of(new LocalizedText("en", "  ")), List.of(), List.of());

    assertThat(EmbeddingText.of(patent)).isEmpty();
  }

  private static Patent patent(String language, List<LocalizedText> titles, List<LocalizedText> abstracts,
      List<Claim> claims) {
    Patent base = FixturePatents.parse("grant/US08930553.xml");
    return Patent.newBuilder(base)
        .setLanguage(language)
        .setTitles(titles)
        .setAbstracts(abstracts)
        .setClaims(claims)
        .build();
  }
}
