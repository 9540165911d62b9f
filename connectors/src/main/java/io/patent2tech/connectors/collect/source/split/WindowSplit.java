package io.patent2tech.connectors.collect.source.split;

import java.time.LocalDate;
import java.util.Objects;

import org.apache.flink.api.connector.source.SourceSplit;

import io.patent2tech.connectors.collect.CollectWindow;

/**
 * One collection run of one office's window: the unit the enumerator hands to a reader. The reader
 * keeps it in its checkpointed state until the run ends, with how many documents it has emitted,
 * so a restored reader resumes the window after them. Immutable; progress makes a new instance.
 */
public final class WindowSplit implements SourceSplit {

  public final CollectWindow window;
  /** collection_runs.run_id of this attempt. */
  public final String runId;
  /** 1 for a scheduled run, +1 for each retry after a failed run. */
  public final int attempt;
  /** Not to be started before this time (epoch ms): retries wait. */
  public final long notBeforeMillis;
  /** Documents of the window already emitted (and covered by a checkpoint when restored). */
  public final long emitted;
  /** Whether the run's start was already emitted. */
  public final boolean started;

  public WindowSplit(CollectWindow window, String runId, int attempt, long notBeforeMillis,
      long emitted, boolean started) {
    this.window = Objects.requireNonNull(window, "window");
    this.runId = Objects.requireNonNull(runId, "runId");
    this.attempt = attempt;
    this.notBeforeMillis = notBeforeMillis;
    this.emitted = emitted;
    this.started = started;
  }

  /** A new run of {@code window}; the run id names the office, the window, the trigger time and the attempt. */
  public static WindowSplit newRun(CollectWindow window, long triggeredAtMillis) {
    return new WindowSplit(window, runId(window, triggeredAtMillis, 1), 1, 0L, 0L, false);
  }

  /** The retry of this run after it failed: same window, resumed after the documents emitted. */
  public WindowSplit retry(long notBeforeMillis) {
    String base = runId.contains("#") ? runId.substring(0, runId.indexOf('#')) : runId;
    return new WindowSplit(window, base + "#" + (attempt + 1), attempt + 1, notBeforeMillis, emitted, false);
  }

  public WindowSplit withProgress(long emitted, boolean started) {
    return new WindowSplit(window, runId, attempt, notBeforeMillis, emitted, started);
  }

  static String runId(CollectWindow w, long triggeredAtMillis, int attempt) {
    return w.id() + "@" + java.time.Instant.ofEpochMilli(triggeredAtMillis) + (attempt > 1 ? "#" + attempt : "");
  }

  public LocalDate from() {
    return window.from;
  }

  public LocalDate to() {
    return window.to;
  }

  @Override
  public String splitId() {
    return runId;
  }

  @Override
  public String toString() {
    return "WindowSplit{" + runId + ", emitted=" + emitted + (started ? ", started" : "") + '}';
  }
}
