package io.patent2tech.udfs.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicationKeysTest {

  @Test
  void publicationKeysStripUsptoPadding() {
    assertThat(PublicationKeys.publicationKey("US", "08930553", "B2")).isEqualTo("US-8930553-B2");
    assertThat(PublicationKeys.publicationKey("US", "D0701016", "S1")).isEqualTo("US-D701016-S1");
    assertThat(PublicationKeys.publicationKey("us", " 06859910 ", " b2")).isEqualTo("US-6859910-B2");
    assertThat(PublicationKeys.publicationKey("US", "20050004437", "A1")).isEqualTo("US-20050004437-A1");
    assertThat(PublicationKeys.publicationKey("US", "2007/0140112", "A1")).isEqualTo("US-20070140112-A1");
    assertThat(PublicationKeys.publicationKey("US", "7844851", null)).isEqualTo("US-7844851");
    assertThat(PublicationKeys.publicationKey("EP", "1000000", "A1")).isEqualTo("EP-1000000-A1");
    assertThat(PublicationKeys.publicationKey("KR", "1020230012345", "A")).isEqualTo("KR-1020230012345-A");
    assertThat(PublicationKeys.publicationKey(null, "08930553", "B2")).isNull();
    assertThat(PublicationKeys.publicationKey("US", " ", "B2")).isNull();
  }

  @Test
  void numbersKeepTheirLetterPrefixes() {
    assertThat(PublicationKeys.normalizeNumber("US", "PP012345")).isEqualTo("PP12345");
    assertThat(PublicationKeys.normalizeNumber("US", "RE039876")).isEqualTo("RE39876");
    assertThat(PublicationKeys.normalizeNumber("US", "H0001234")).isEqualTo("H1234");
    assertThat(PublicationKeys.normalizeNumber("US", "T0012345")).isEqualTo("T12345");
    assertThat(PublicationKeys.normalizeNumber("US", "D14842")).isEqualTo("D14842");
    assertThat(PublicationKeys.normalizeNumber("US", "6,186,145")).isEqualTo("6186145");
    assertThat(PublicationKeys.normalizeNumber("US", "PCT/CH02/00573")).isEqualTo("PCT/CH02/00573");
    assertThat(PublicationKeys.normalizeNumber("US", "WO2009/125267")).isEqualTo("WO2009/125267");
    assertThat(PublicationKeys.normalizeNumber("JP", "2016-128835")).isEqualTo("2016-128835");
    assertThat(PublicationKeys.normalizeNumber("EP", "08007030")).isEqualTo("08007030"); // other offices: as given
  }

  @Test
  void applicationKeysKeepTheSeriesCode() {
    assertThat(PublicationKeys.applicationKey("US", "13123456")).isEqualTo("US-13123456");
    assertThat(PublicationKeys.applicationKey("US", "09832323")).isEqualTo("US-09832323");
    assertThat(PublicationKeys.applicationKey("US", "09/832,323")).isEqualTo("US-09832323");
    assertThat(PublicationKeys.applicationKey("US", "PCT/CH02/00573")).isEqualTo("US-PCT/CH02/00573");
    assertThat(PublicationKeys.applicationKey("US", null)).isNull();
  }
}
