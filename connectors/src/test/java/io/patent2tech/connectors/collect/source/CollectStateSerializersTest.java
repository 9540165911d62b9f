package io.patent2tech.connectors.collect.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.patent2tech.connectors.collect.CollectWindow;
import io.patent2tech.connectors.collect.source.enumerator.CollectEnumState;
import io.patent2tech.connectors.collect.source.enumerator.CollectEnumStateSerializer;
import io.patent2tech.connectors.collect.source.split.WindowSplit;
import io.patent2tech.connectors.collect.source.split.WindowSplitSerializer;

/** What a checkpoint keeps of the collect source survives the round trip, and unknown versions are refused. */
class CollectStateSerializersTest {

  private static final WindowSplit RUN = new WindowSplit(
      new CollectWindow("EPO", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 7), "cpc=H04L"),
      "EPO:2024-05-01..2024-05-07:cpc=H04L@2024-05-08T00:00:00Z#2", 2, 1_715_130_000_000L, 137, true);

  @Test
  void aRunInProgressKeepsItsWindowAttemptAndProgress() throws IOException {
    WindowSplitSerializer s = WindowSplitSerializer.INSTANCE;
    WindowSplit back = s.deserialize(s.getVersion(), s.serialize(RUN));
    assertThat(back.window).isEqualTo(RUN.window);
    assertThat(back.runId).isEqualTo(RUN.runId);
    assertThat(back.attempt).isEqualTo(2);
    assertThat(back.notBeforeMillis).isEqualTo(RUN.notBeforeMillis);
    assertThat(back.emitted).isEqualTo(137);
    assertThat(back.started).isTrue();
    assertThatThrownBy(() -> s.deserialize(s.getVersion() + 1, s.serialize(RUN))).isInstanceOf(IOException.class);
  }

  @Test
  void theEnumeratorKeepsHighWaterMarksLastRunsAndUnassignedRuns() throws IOException {
    CollectEnumStateSerializer s = new CollectEnumStateSerializer();
    WindowSplit noFilter = WindowSplit.newRun(
        new CollectWindow("KIPO", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 1), null), 0L);
    CollectEnumState state = new CollectEnumState(Map.of("EPO", LocalDate.of(2024, 5, 7)),
        Map.of("EPO", 1_715_130_000_000L), List.of(RUN, noFilter), true);

    CollectEnumState back = s.deserialize(s.getVersion(), s.serialize(state));

    assertThat(back.highWaterMarks).containsExactly(Map.entry("EPO", LocalDate.of(2024, 5, 7)));
    assertThat(back.lastRuns).containsExactly(Map.entry("EPO", 1_715_130_000_000L));
    assertThat(back.unassigned).extracting(r -> r.runId).containsExactly(RUN.runId, noFilter.runId);
    assertThat(back.unassigned.get(1).window.filter).isNull();
    assertThat(back.boundedWindowsCreated).isTrue();
  }

  @Test
  void aRetryContinuesAfterTheEmittedDocumentsUnderANewRunId() {
    WindowSplit retry = RUN.retry(99L);
    assertThat(retry.runId).isEqualTo("EPO:2024-05-01..2024-05-07:cpc=H04L@2024-05-08T00:00:00Z#3");
    assertThat(retry.attempt).isEqualTo(3);
    assertThat(retry.emitted).isEqualTo(137);
    assertThat(retry.started).isFalse();
    assertThat(retry.notBeforeMillis).isEqualTo(99L);
  }
}
