package io.patent2tech.connectors.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class OfficeScheduleTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  @Test
  void aDailyScheduleRunsAtItsTimeInItsZone() {
    OfficeSchedule s = new OfficeSchedule("KIPO", "daily 02:00", SEOUL, 7, null, null, 7);
    // 2024-05-08 01:00 in Seoul is 2024-05-07 16:00 UTC: the run is an hour later, same day in Seoul
    assertThat(s.nextRunAfter(Instant.parse("2024-05-07T16:00:00Z"))).isEqualTo(Instant.parse("2024-05-07T17:00:00Z"));
    // right at 02:00 the next run is the next day's
    assertThat(s.nextRunAfter(Instant.parse("2024-05-07T17:00:00Z"))).isEqualTo(Instant.parse("2024-05-08T17:00:00Z"));
  }

  @Test
  void anIntervalScheduleRunsEveryInterval() {
    OfficeSchedule s = new OfficeSchedule("EPO", "every 6 h", ZoneId.of("UTC"), 7, null, null, 7);
    assertThat(s.every).isEqualTo(Duration.ofHours(6));
    assertThat(s.nextRunAfter(Instant.parse("2024-05-07T16:00:00Z"))).isEqualTo(Instant.parse("2024-05-07T22:00:00Z"));
  }

  @Test
  void aFirstRunReachesBackTheLookBackAndLaterRunsContinueAfterTheHighWaterMark() {
    OfficeSchedule s = new OfficeSchedule("KIPO", "daily 02:00", SEOUL, 7, null, null, 7);
    Instant run = Instant.parse("2024-05-07T17:00:00Z"); // 2024-05-08 02:00 in Seoul
    assertThat(s.firstDayFor(run, null)).isEqualTo(LocalDate.of(2024, 5, 1));
    assertThat(s.lastDayFor(run)).isEqualTo(LocalDate.of(2024, 5, 7));
    assertThat(s.firstDayFor(run, LocalDate.of(2024, 5, 6))).isEqualTo(LocalDate.of(2024, 5, 7));
  }

  @Test
  void aBackfillStartReplacesTheLookBackOfTheFirstRun() {
    OfficeSchedule s = new OfficeSchedule("EPO", "daily 02:00", ZoneId.of("UTC"), 7, LocalDate.of(2024, 1, 1), null, 7);
    assertThat(s.firstDayFor(Instant.parse("2024-05-08T02:00:00Z"), null)).isEqualTo(LocalDate.of(2024, 1, 1));
  }

  @Test
  void badSchedulesAreRefusedWithTheExpectedForm() {
    assertThatThrownBy(() -> new OfficeSchedule("EPO", "weekly", ZoneId.of("UTC"), 7, null, null, 7))
        .hasMessageContaining("expected 'daily HH:MM' or 'every DURATION'");
    assertThatThrownBy(() -> new OfficeSchedule("EPO", "daily 25:00", ZoneId.of("UTC"), 7, null, null, 7))
        .hasMessageContaining("expected 'daily HH:MM'");
    assertThatThrownBy(() -> new OfficeSchedule("EPO", "every 0 s", ZoneId.of("UTC"), 7, null, null, 7))
        .hasMessageContaining("positive");
  }
}
