package io.patent2tech.connectors.kipris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The envelope reader on the real captured KIPRIS responses and on the kipo-api shape. */
class KiprisEnvelopeTest {

  static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(Path.of(System.getProperty("p2t.fixtures")).resolve("kipris").resolve(name));
  }

  @Test
  void readsTheLegacySearchPages() throws Exception {
    KiprisEnvelope page = KiprisEnvelope.read(fixture("neojune_enterprise_patent_120050421158_1.xml"));

    assertThat(page.ok()).isTrue();
    assertThat(page.resultCode).isEmpty();
    assertThat(page.totalCount).isEqualTo(14);
    assertThat(page.applicationNumbers).hasSize(14).allMatch(n -> n.matches("10\\d{11}"));

    KiprisEnvelope crlf = KiprisEnvelope.read(fixture("neojune_res_dummy_patent_120070385648_1.xml"));
    assertThat(crlf.totalCount).isEqualTo(6);
    assertThat(crlf.applicationNumbers).hasSize(6).contains("2020150005106", "1020230132011");
  }

  @Test
  void readsAZeroHitAnswerWithEmptyItems() throws Exception {
    KiprisEnvelope none = KiprisEnvelope.read(fixture("neojune_enterprise_design_120070385648_1.xml"));

    assertThat(none.ok()).isTrue();
    assertThat(none.totalCount).isZero();
    assertThat(none.applicationNumbers).isEmpty();
  }

  @Test
  void readsTheKipoApiShapeWithOneItemAndNoBody() throws Exception {
    KiprisEnvelope one = KiprisEnvelope.read(KiprisFixtures.searchPage(1, 10, 1, "1020240000001"));
    KiprisEnvelope bodyless = KiprisEnvelope.read(("  \n<?xml version=\"1.0\"?><response><header><successYN>Y"
        + "</successYN><resultCode>00</resultCode><resultMsg>NORMAL SERVICE.</resultMsg></header><body/></response>")
        .getBytes(StandardCharsets.UTF_8));

    assertThat(one.ok()).isTrue();
    assertThat(one.totalCount).isEqualTo(1);
    assertThat(one.applicationNumbers).containsExactly("1020240000001");
    assertThat(bodyless.ok()).isTrue();
    assertThat(bodyless.totalCount).isEqualTo(-1);
    assertThat(bodyless.applicationNumbers).isEmpty();
  }

  @Test
  void anErrorEnvelopeIsNotOk() throws Exception {
    KiprisEnvelope error = KiprisEnvelope.read(KiprisFixtures.error("30", "SERVICE KEY IS NOT REGISTERED ERROR."));

    assertThat(error.ok()).isFalse();
    assertThat(error.error()).isEqualTo("KIPRIS error 30: SERVICE KEY IS NOT REGISTERED ERROR.");
  }

  @Test
  void truncatedXmlIsMalformed() throws Exception {
    byte[] whole = fixture("neojune_enterprise_patent_120050421158_1.xml");
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

    assertThatThrownBy(() -> KiprisEnvelope.read(cut)).isInstanceOf(IOException.class).hasMessageContaining("malformed");
  }
}
