package io.patent2tech.jobs.collect;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.patent2tech.connectors.collect.RunEvent;
import io.patent2tech.connectors.postgres.CollectionRunRow;

/**
 * Keeps each collection run's row (keyed by run id, in checkpointed state) and emits it for
 * collection_runs: at once on the run's start and end, at most once per {@link #FLUSH_MILLIS}
 * while its documents are being counted, and at once for counts that arrive after its end. Published and skipped are counted as the dedupe sees them:
 * skipped = parsed but not published (the same content was already published).
 */
public final class RunLedger extends KeyedProcessFunction<String, RunProgress, CollectionRunRow> {

  private static final long serialVersionUID = 1L;

  static final long FLUSH_MILLIS = 1_000;

  private transient ValueState<CollectionRunRow> row;
  private transient ValueState<Long> parsed;
  private transient ValueState<Boolean> flushPending;

  @Override
  public void open(OpenContext openContext) {
    row = getRuntimeContext().getState(new ValueStateDescriptor<>("run", CollectionRunRow.class));
    parsed = getRuntimeContext().getState(new ValueStateDescriptor<>("parsed", Long.class));
    flushPending = getRuntimeContext().getState(new ValueStateDescriptor<>("flush-pending", Boolean.class));
  }

  @Override
  public void processElement(RunProgress p, Context ctx, Collector<CollectionRunRow> out) throws Exception {
    CollectionRunRow r = row.value();
    if (r == null) {
      r = new CollectionRunRow();
      r.runId = p.runId;
      r.status = "running";
    }
    long parsedSoFar = parsed.value() == null ? 0 : parsed.value();
    parsedSoFar += p.parsed;
    r.rejected += p.rejected;
    r.published += p.published;
    r.skipped = Math.max(0, parsedSoFar - r.published);
    boolean now = false;
    if (p.event != null) {
      apply(r, p.event);
      now = true;
    }
    row.update(r);
    parsed.update(parsedSoFar);
    if (r.windowFrom == null) {
      return; // the run's start has not arrived yet (another path): its row is written with it
    }
    if (now || !"running".equals(r.status)) {
      // after its end a run gets only the last published counts: written at once, since a bounded
      // job ends without firing the flush timers
      out.collect(r.copy());
    } else if (flushPending.value() == null) {
      flushPending.update(true);
      ctx.timerService().registerProcessingTimeTimer(
          ctx.timerService().currentProcessingTime() + FLUSH_MILLIS);
    }
  }

  private static void apply(CollectionRunRow r, RunEvent e) {
    r.office = e.office;
    r.query = e.query;
    r.windowFrom = e.windowFrom;
    r.windowTo = e.windowTo;
    r.attempt = e.attempt;
    switch (e.phase) {
      case RunEvent.STARTED -> {
        if (r.startedAt == 0) {
          r.startedAt = e.timeMillis;
        }
      }
      case RunEvent.FINISHED, RunEvent.FAILED -> {
        r.status = RunEvent.FINISHED.equals(e.phase) ? "finished" : "failed";
        r.finishedAt = e.timeMillis;
        r.error = e.error;
        r.listed = e.listed;
        r.fetched = e.fetched;
        r.requests = e.requests;
        r.bytes = e.bytes;
        r.throttledMillis = e.throttledMillis;
        r.quota = e.quota;
      }
      default -> throw new IllegalArgumentException("unknown run phase " + e.phase);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<CollectionRunRow> out) throws Exception {
    flushPending.clear();
    CollectionRunRow r = row.value();
    if (r != null && r.windowFrom != null) {
      out.collect(r.copy());
    }
  }
}
