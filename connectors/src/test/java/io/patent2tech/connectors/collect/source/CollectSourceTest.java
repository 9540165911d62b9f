package io.patent2tech.connectors.collect.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.patent2tech.connectors.collect.CollectRecord;
import io.patent2tech.connectors.collect.InMemoryCollector;
import io.patent2tech.connectors.collect.OfficeSchedule;
import io.patent2tech.connectors.collect.RunEvent;

/** The collect source in a real Flink runtime, with in-memory offices. */
class CollectSourceTest {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static OfficeSchedule schedule(String office, int maxWindowDays) {
    return new OfficeSchedule(office, "daily 02:00", ZoneId.of("UTC"), 7, null, null, maxWindowDays);
  }

  private static List<CollectRecord> run(CollectSource source, int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    List<CollectRecord> out = new ArrayList<>();
    try (CloseableIterator<CollectRecord> it =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "collect").executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void aBackfillCollectsEveryDayOfEveryOfficeOnceInWindowsOfTheMaximumLength() throws Exception {
    CollectSource source = CollectSource.builder()
        .office(schedule("EPO", 3), InMemoryCollector.factory("EPO", 2, Set.of()))
        .office(schedule("KIPO", 7), InMemoryCollector.factory("KIPO", 1, Set.of()))
        .bounded(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 7))
        .build();

    List<CollectRecord> out = run(source, 2);

    List<String> docs = out.stream().filter(r -> r.document != null).map(r -> r.document.file).toList();
    assertThat(docs).doesNotHaveDuplicates().hasSize(7 * 2 + 7);
    assertThat(docs).contains("EPO-2024-05-01-0", "EPO-2024-05-07-1", "KIPO-2024-05-04-0");
    // every document carries its run; EPO ran as 1-3, 4-6, 7 and KIPO as one week
    assertThat(out.stream().filter(r -> r.document != null).allMatch(r -> r.document.collectionRun != null)).isTrue();
    List<RunEvent> finished = events(out, RunEvent.FINISHED);
    assertThat(finished).extracting(e -> e.office + " " + e.windowFrom + ".." + e.windowTo)
        .containsExactlyInAnyOrder("EPO 2024-05-01..2024-05-03", "EPO 2024-05-04..2024-05-06",
            "EPO 2024-05-07..2024-05-07", "KIPO 2024-05-01..2024-05-07");
    assertThat(events(out, RunEvent.STARTED)).hasSize(4);
    assertThat(finished).filteredOn(e -> e.office.equals("EPO") && e.windowFrom.equals("2024-05-01"))
        .singleElement().satisfies(e -> {
          assertThat(e.listed).isEqualTo(6);
          assertThat(e.fetched).isEqualTo(6);
        });
  }

  @Test
  void aFailedRunIsRecordedWithTheOfficesMessageAndTheOtherRunsGoOn() throws Exception {
    CollectSource source = CollectSource.builder()
        .office(schedule("EPO", 1), InMemoryCollector.factory("EPO", 2, Set.of(LocalDate.of(2024, 5, 2))))
        .bounded(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 3))
        .build();

    List<CollectRecord> out = run(source, 1);

    assertThat(events(out, RunEvent.FAILED)).singleElement().satisfies(e -> {
      assertThat(e.windowFrom).isEqualTo("2024-05-02");
      assertThat(e.error).isEqualTo("office said no (test)");
    });
    assertThat(events(out, RunEvent.FINISHED)).extracting(e -> e.windowFrom)
        .containsExactlyInAnyOrder("2024-05-01", "2024-05-03");
    // the failed window's first document was emitted before the failure; a backfill does not retry
    assertThat(out.stream().filter(r -> r.document != null).map(r -> r.document.file).collect(Collectors.toList()))
        .containsExactlyInAnyOrder("EPO-2024-05-01-0", "EPO-2024-05-01-1", "EPO-2024-05-02-0",
            "EPO-2024-05-03-0", "EPO-2024-05-03-1");
  }

  @Test
  void aContinuousSourceRunsItsFirstScheduledRunAtOnceOverTheLookBack() throws Exception {
    // 2024-05-08 03:00 UTC: a first run covers the 7 days before, 2024-05-01 .. 2024-05-07
    java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2024-05-08T03:00:00Z"), ZoneId.of("UTC"));
    CollectSource source = CollectSource.builder()
        .office(schedule("EPO", 7), InMemoryCollector.factory("EPO", 1, Set.of()))
        .clock(clock)
        .tick(java.time.Duration.ofMillis(100))
        .build();
    assertThat(source.getBoundedness()).isEqualTo(org.apache.flink.api.connector.source.Boundedness.CONTINUOUS_UNBOUNDED);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    List<CollectRecord> out = new ArrayList<>();
    try (CloseableIterator<CollectRecord> it =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "collect").executeAndCollect()) {
      while (events(out, RunEvent.FINISHED).isEmpty()) {
        out.add(it.next());
      }
      // the clock stands still: the next daily run is not due, so nothing more comes
    }
    assertThat(out.stream().filter(r -> r.document != null).map(r -> r.document.file))
        .containsExactly("EPO-2024-05-01-0", "EPO-2024-05-02-0", "EPO-2024-05-03-0", "EPO-2024-05-04-0",
            "EPO-2024-05-05-0", "EPO-2024-05-06-0", "EPO-2024-05-07-0");
  }

  @Test
  void daysAnEarlierJobCollectedAreNotCollectedAgain() throws Exception {
    CollectSource source = CollectSource.builder()
        .office(schedule("EPO", 7), InMemoryCollector.factory("EPO", 1, Set.of()))
        .alreadyCollected("EPO", LocalDate.of(2024, 5, 3), LocalDate.of(2024, 5, 4))
        .alreadyCollected("KIPO", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 7))
        .bounded(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 7))
        .build();

    List<CollectRecord> out = run(source, 1);

    assertThat(events(out, RunEvent.FINISHED)).extracting(e -> e.windowFrom + ".." + e.windowTo)
        .containsExactlyInAnyOrder("2024-05-01..2024-05-02", "2024-05-05..2024-05-07");
    assertThat(out.stream().filter(r -> r.document != null).map(r -> r.document.file))
        .containsExactlyInAnyOrder("EPO-2024-05-01-0", "EPO-2024-05-02-0", "EPO-2024-05-05-0",
            "EPO-2024-05-06-0", "EPO-2024-05-07-0");
  }

  /** A clock the test moves; static because the source (and its clock) is serialized into the job. */
  static final class MovableClock extends java.time.Clock implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    static final java.util.concurrent.atomic.AtomicLong NOW = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public java.time.Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.ofEpochMilli(NOW.get());
    }
  }

  @Test
  void theNextDailyRunCollectsOnlyTheDaysSinceTheLastOne() throws Exception {
    MovableClock.NOW.set(java.time.Instant.parse("2024-05-08T03:00:00Z").toEpochMilli());
    CollectSource source = CollectSource.builder()
        .office(new OfficeSchedule("EPO", "daily 02:00", ZoneId.of("UTC"), 2, null, null, 7),
            InMemoryCollector.factory("EPO", 1, Set.of()))
        .clock(new MovableClock())
        .tick(java.time.Duration.ofMillis(100))
        .build();

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    List<CollectRecord> out = new ArrayList<>();
    try (CloseableIterator<CollectRecord> it =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "collect").executeAndCollect()) {
      while (events(out, RunEvent.FINISHED).isEmpty()) {
        out.add(it.next());
      }
      // a day later, past 02:00: the run due then collects 2024-05-08 alone
      MovableClock.NOW.set(java.time.Instant.parse("2024-05-09T02:30:00Z").toEpochMilli());
      while (events(out, RunEvent.FINISHED).size() < 2) {
        out.add(it.next());
      }
    }
    assertThat(events(out, RunEvent.FINISHED)).extracting(e -> e.windowFrom + ".." + e.windowTo)
        .containsExactly("2024-05-06..2024-05-07", "2024-05-08..2024-05-08");
    assertThat(out.stream().filter(r -> r.document != null).map(r -> r.document.file))
        .containsExactly("EPO-2024-05-06-0", "EPO-2024-05-07-0", "EPO-2024-05-08-0");
  }

  private static List<RunEvent> events(List<CollectRecord> out, String phase) {
    return out.stream().filter(r -> r.run != null && r.run.phase.equals(phase)).map(r -> r.run).toList();
  }
}
