package io.patent2tech.jobs.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void rateIsRecordsPerSecondBetweenTwoSamples() {
    assertThat(Progress.rate(100, 1_000, 400, 3_000)).isEqualTo(150.0);
    assertThat(Progress.rate(0, 5_000, 10, 5_000)).as("no time passed").isZero();
  }

  @Test
  void etaFromRateIsWhatIsLeftOverTheRate() {
    assertThat(Progress.etaFromRate(3_000, 50)).isEqualTo(Duration.ofSeconds(60));
    assertThat(Progress.etaFromRate(0, 0)).as("nothing left").isEqualTo(Duration.ZERO);
    assertThat(Progress.etaFromRate(10, 0)).as("nothing moves: unknown").isNull();
  }

  @Test
  void etaFromShareAssumesTheRestGoesAsFastAsWhatIsDone() {
    assertThat(Progress.etaFromShare(Duration.ofSeconds(30), 3, 12)).isEqualTo(Duration.ofSeconds(90));
    assertThat(Progress.etaFromShare(Duration.ofSeconds(30), 0, 12)).isNull();
    assertThat(Progress.etaFromShare(Duration.ofSeconds(30), 12, 12)).isEqualTo(Duration.ZERO);
  }

  @Test
  void numbersRatesAndDurationsReadLikeText() {
    assertThat(Progress.count(1_234_567)).isEqualTo("1,234,567");
    assertThat(Progress.rate(45.64)).isEqualTo("45.6");
    assertThat(Progress.rate(1234.4)).isEqualTo("1,234");
    assertThat(Progress.duration(Duration.ofSeconds(42))).isEqualTo("0:42");
    assertThat(Progress.duration(Duration.ofSeconds(12 * 60 + 5))).isEqualTo("12:05");
    assertThat(Progress.duration(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    assertThat(Progress.took(Duration.ofMillis(9_840))).isEqualTo("9.8 s");
    assertThat(Progress.took(Duration.ofSeconds(75))).isEqualTo("1:15");
  }

  @Test
  void fileProgressLineCountsFilesDocumentsRateAndEta() {
    Progress p = new Progress("ingest", "documents", 14L, 0);
    assertThat(p.line(10_000, 500, 2L, null))
        .isEqualTo("ingest: 2 of 14 files, 500 documents, 50.0 documents/s, ETA 1:00");
  }

  @Test
  void beforeAnyFileIsBegunThereIsNoEta() {
    Progress p = new Progress("ingest", "documents", 3L, 0);
    assertThat(p.line(1_000, 0, null, null)).isEqualTo("ingest: 0 of 3 files, 0 documents, 0.0 documents/s");
  }

  @Test
  void rateLooksAtTheLastTenSecondsOnly() {
    Progress p = new Progress("land", "patents", null, 0);
    p.line(10_000, 10_000, null, null);
    p.line(15_000, 10_500, null, null);
    // the samples of the last 10 s: 10,000 at 10 s -> 11,000 at 20 s
    assertThat(p.line(20_000, 11_000, null, null)).isEqualTo("land: 11,000 patents, 100 patents/s");
  }

  @Test
  void kafkaProgressLineHasWhatIsLeftAndItsEta() {
    Progress p = new Progress("enrich", "patents", null, 0);
    assertThat(p.line(4_000, 200, null, 1_000L))
        .isEqualTo("enrich: 200 patents, 50.0 patents/s, 1,000 to go, ETA 0:20");
  }

  @Test
  void noEtaWhileNothingMoves() {
    Progress p = new Progress("land", "patents", null, 0);
    assertThat(p.line(2_000, 0, null, 1_000L)).isEqualTo("land: 0 patents, 0.0 patents/s, 1,000 to go");
  }
}
