package io.patent2tech.udfs.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatesTest {

  @Test
  void officeDatesBecomeIso() {
    assertThat(Dates.iso("20150106")).isEqualTo("2015-01-06");
    assertThat(Dates.iso(" 20000229 ")).isEqualTo("2000-02-29");
    assertThat(Dates.iso("2015-01-06")).isEqualTo("2015-01-06");
  }

  @Test
  void partialDatesKeepWhatTheyHave() {
    assertThat(Dates.isoPartial("20101100")).isEqualTo("2010-11");
    assertThat(Dates.isoPartial("20100000")).isEqualTo("2010");
    assertThat(Dates.isoPartial("20150106")).isEqualTo("2015-01-06");
    assertThat(Dates.isoPartial("2010-11")).isEqualTo("2010-11");
    assertThat(Dates.isoPartial("2010")).isEqualTo("2010");
    assertThat(Dates.isoPartial("20101132")).isNull();
    assertThat(Dates.isoPartial("20101300")).isNull();
    assertThat(Dates.isoPartial("junk")).isNull();
  }

  @Test
  void invalidDatesAreNull() {
    assertThat(Dates.iso("20101100")).isNull(); // citations: day 00
    assertThat(Dates.iso("20150230")).isNull();
    assertThat(Dates.iso("19000229")).isNull(); // not a leap year
    assertThat(Dates.iso("20151301")).isNull();
    assertThat(Dates.iso("2015010")).isNull();
    assertThat(Dates.iso("2015-1-06")).isNull();
    assertThat(Dates.iso("abcdefgh")).isNull();
    assertThat(Dates.iso("")).isNull();
    assertThat(Dates.iso(null)).isNull();
  }
}
