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

  /**
   * The same US documents as EPO OPS names them (family of EP 2400812: US 2012057518 A1, filed as
   * US 201113167395) and as the USPTO does (US 20120057518 A1, application 13/167,395): one key.
   */
  @Test
  void docdbNumbersOfUsDocumentsTakeTheUsptoForm() {
    assertThat(PublicationKeys.publicationKey("US", "2012057518", "A1"))
        .isEqualTo(PublicationKeys.publicationKey("US", "20120057518", "A1"))
        .isEqualTo("US-20120057518-A1");
    assertThat(PublicationKeys.applicationKey("US", "201113167395"))
        .isEqualTo(PublicationKeys.applicationKey("US", "13/167,395"))
        .isEqualTo("US-13167395");
    // a grant number is never 10 digits; an 8-digit grant or application number stays as it is
    assertThat(PublicationKeys.publicationKey("US", "9648662", "B2")).isEqualTo("US-9648662-B2");
    assertThat(PublicationKeys.applicationKey("US", "13167395")).isEqualTo("US-13167395");
    // other offices' numbers are theirs to normalize
    assertThat(PublicationKeys.publicationKey("EP", "2012057518", "A1")).isEqualTo("EP-2012057518-A1");
    assertThat(PublicationKeys.applicationKey("KR", "102012345678")).isEqualTo("KR-102012345678");
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
