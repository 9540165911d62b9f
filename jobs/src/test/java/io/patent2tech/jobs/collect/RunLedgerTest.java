package io.patent2tech.jobs.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import io.patent2tech.connectors.collect.RunEvent;
import io.patent2tech.connectors.postgres.CollectionRunRow;

/** The run ledger's rows: what collection_runs gets, and when. */
class RunLedgerTest {

  private static final String RUN = "EPO:2024-05-07..2024-05-07@2024-05-08T02:00:00Z";

  private static KeyedOneInputStreamOperatorTestHarness<String, RunProgress, CollectionRunRow> harness()
      throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new RunLedger()),
        p -> p.runId, Types.STRING);
  }

  private static RunEvent event(String phase, long listed, long fetched, String error) {
    RunEvent e = new RunEvent();
    e.runId = RUN;
    e.office = "EPO";
    e.windowFrom = "2024-05-07";
    e.windowTo = "2024-05-07";
    e.attempt = 1;
    e.phase = phase;
    e.timeMillis = 1_000;
    e.listed = listed;
    e.fetched = fetched;
    e.error = error;
    return e;
  }

  private static List<CollectionRunRow> rows(KeyedOneInputStreamOperatorTestHarness<String, RunProgress, CollectionRunRow> h) {
    return h.extractOutputValues();
  }

  @Test
  void countsAreFlushedOnATimerWhileRunningAndAtOnceAtTheEnd() throws Exception {
    try (var h = harness()) {
      h.open();
      h.processElement(RunProgress.of(event(RunEvent.STARTED, 0, 0, null)), 0);
      assertThat(rows(h)).singleElement().satisfies(r -> assertThat(r.status).isEqualTo("running"));

      h.processElement(RunProgress.parsed(RUN), 0);
      h.processElement(RunProgress.parsed(RUN), 0);
      h.processElement(RunProgress.rejected(RUN), 0);
      h.processElement(RunProgress.published(RUN), 0);
      assertThat(rows(h)).hasSize(1); // counted, not written yet
      h.setProcessingTime(RunLedger.FLUSH_MILLIS);
      assertThat(rows(h)).hasSize(2).last().satisfies(r -> {
        assertThat(r.published).isEqualTo(1);
        assertThat(r.rejected).isEqualTo(1);
        assertThat(r.skipped).isEqualTo(1); // parsed 2, published 1 so far
      });

      h.processElement(RunProgress.of(event(RunEvent.FINISHED, 3, 3, null)), 0);
      // the last published count arrives after the end (another path): written at once
      h.processElement(RunProgress.published(RUN), 0);
      CollectionRunRow last = rows(h).get(rows(h).size() - 1);
      assertThat(last.status).isEqualTo("finished");
      assertThat(last.listed).isEqualTo(3);
      assertThat(last.fetched).isEqualTo(3);
      assertThat(last.published).isEqualTo(2);
      assertThat(last.skipped).isZero();
    }
  }

  @Test
  void aFailedRunKeepsTheOfficesMessage() throws Exception {
    try (var h = harness()) {
      h.open();
      h.processElement(RunProgress.of(event(RunEvent.STARTED, 0, 0, null)), 0);
      h.processElement(RunProgress.of(event(RunEvent.FAILED, 0, 0, "KIPRIS error 30: SERVICE KEY IS NOT REGISTERED")), 0);
      assertThat(rows(h).get(rows(h).size() - 1)).satisfies(r -> {
        assertThat(r.status).isEqualTo("failed");
        assertThat(r.error).isEqualTo("KIPRIS error 30: SERVICE KEY IS NOT REGISTERED");
      });
    }
  }

  @Test
  void countsBeforeTheStartArrivesWaitForIt() throws Exception {
    try (var h = harness()) {
      h.open();
      h.processElement(RunProgress.published(RUN), 0);
      h.setProcessingTime(10 * RunLedger.FLUSH_MILLIS);
      assertThat(rows(h)).isEmpty(); // no window known yet: nothing a row could be written with
      h.processElement(RunProgress.of(event(RunEvent.STARTED, 0, 0, null)), 0);
      assertThat(rows(h)).singleElement().satisfies(r -> assertThat(r.published).isEqualTo(1));
    }
  }

  @Test
  void theRowSurvivesARestoreFromCheckpoint() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness()) {
      h.open();
      h.processElement(RunProgress.of(event(RunEvent.STARTED, 0, 0, null)), 0);
      h.processElement(RunProgress.parsed(RUN), 0);
      h.processElement(RunProgress.published(RUN), 0);
      snapshot = h.snapshot(1L, 0L);
    }
    try (var restored = harness()) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement(RunProgress.parsed(RUN), 0);
      restored.processElement(RunProgress.of(event(RunEvent.FINISHED, 2, 2, null)), 0);
      restored.processElement(RunProgress.published(RUN), 0);
      CollectionRunRow last = rows(restored).get(rows(restored).size() - 1);
      assertThat(last.published).isEqualTo(2);
      assertThat(last.skipped).isZero();
      assertThat(last.startedAt).isEqualTo(1_000);
    }
  }
}
