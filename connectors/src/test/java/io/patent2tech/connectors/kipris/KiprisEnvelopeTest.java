package io.patent2tech.connectors.kipris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.patent2tech.udfs.kipris.KiprisApiException;
import io.patent2tech.udfs.kipris.KiprisEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the collector reads with the udfs' envelope reader ({@link KiprisEnvelope}), on the real
 * captured KIPRIS responses and on the kipo-api shape.
 */
class KiprisEnvelopeTest {

  static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(Path.of(System.getProperty("p2t.fixtures")).resolve("kipris").resolve(name));
  }

  @Test
  void readsTheLegacySearchPages() throws Exception {
    byte[] legacy = fixture("neojune_enterprise_patent_120050421158_1.xml");
    KiprisEnvelope.check(legacy); // ok: an empty resultCode is success
    KiprisEnvelope.SearchPage page = KiprisEnvelope.searchPage(legacy);

    assertThat(page.totalCount()).isEqualTo(14);
    assertThat(page.applicationNumbers()).hasSize(14).allMatch(n -> n.matches("10\\d{11}"));

    KiprisEnvelope.SearchPage crlf = KiprisEnvelope.searchPage(fixture("neojune_res_dummy_patent_120070385648_1.xml"));
    assertThat(crlf.totalCount()).isEqualTo(6);
    assertThat(crlf.applicationNumbers()).hasSize(6).contains("2020150005106", "1020230132011");
  }

  @Test
  void readsAZeroHitAnswerWithEmptyItems() throws Exception {
    KiprisEnvelope.SearchPage none = KiprisEnvelope.searchPage(fixture("neojune_enterprise_design_120070385648_1.xml"));

    assertThat(none.totalCount()).isZero();
    assertThat(none.applicationNumbers()).isEmpty();
  }

  @Test
  void readsTheKipoApiShapeWithOneItemAndNoBody() throws Exception {
    KiprisEnvelope.SearchPage one = KiprisEnvelope.searchPage(KiprisFixtures.searchPage(1, 10, 1, "1020240000001"));
    KiprisEnvelope.SearchPage bodyless = KiprisEnvelope.searchPage(("  \n<?xml version=\"1.0\"?><response><header>"
        + "<successYN>Y</successYN><resultCode>00</resultCode><resultMsg>NORMAL SERVICE.</resultMsg></header><body/>"
        + "</response>").getBytes(StandardCharsets.UTF_8));

    assertThat(one.totalCount()).isEqualTo(1);
    assertThat(one.applicationNumbers()).containsExactly("1020240000001");
    assertThat(bodyless.totalCount()).isNull(); // the client reports -1: no count given
    assertThat(bodyless.applicationNumbers()).isEmpty();
  }

  @Test
  void anErrorEnvelopeIsNotOk() throws Exception {
    KiprisApiException error = catchThrowableOfType(
        () -> KiprisEnvelope.check(KiprisFixtures.error("30", "SERVICE KEY IS NOT REGISTERED ERROR.")),
        KiprisApiException.class);

    assertThat(error).isNotNull();
    assertThat(error.unreadable()).isFalse();
    assertThat(KiprisClient.error(error)).isEqualTo("KIPRIS error 30: SERVICE KEY IS NOT REGISTERED ERROR.");
  }

  @Test
  void truncatedXmlIsMalformed() throws Exception {
    byte[] whole = fixture("neojune_enterprise_patent_120050421158_1.xml");
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

    assertThatThrownBy(() -> KiprisEnvelope.check(cut)).isInstanceOf(KiprisApiException.class)
        .hasMessageContaining("malformed")
        .satisfies(e -> assertThat(((KiprisApiException) e).unreadable()).isTrue());
  }
}
