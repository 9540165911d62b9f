package io.patent2tech.connectors.collect;

import java.io.Serializable;

/**
 * A collection run's start or end, emitted by the collect source into the same stream as its
 * documents (after them, on the same subtask), so the run's record in collection_runs is written
 * with the same exactly-once progress as the documents: a restored job never records a run as
 * finished whose documents were rolled back.
 *
 * <p>A Flink POJO.
 */
public class RunEvent implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String STARTED = "started";
  public static final String FINISHED = "finished";
  public static final String FAILED = "failed";

  /** collection_runs.run_id: office, window, schedule time and attempt; stable across restarts. */
  public String runId;
  public String office;
  /** Product or query the run collected (USPTO products, EPO CQL filter, KIPRIS kinds), or null. */
  public String query;
  /** ISO dates, inclusive. */
  public String windowFrom;
  public String windowTo;
  public int attempt;
  /** STARTED, FINISHED or FAILED. */
  public String phase;
  /** Epoch milliseconds of the event. */
  public long timeMillis;
  public long listed;
  public long fetched;
  public long requests;
  public long bytes;
  public long throttledMillis;
  /** The office's quota / throttling figures, as "name: value" lines. */
  public String quota;
  /** Why the run failed (FAILED only); never contains a credential. */
  public String error;

  public RunEvent() {}

  @Override
  public String toString() {
    return "RunEvent{" + runId + " " + phase + (error != null ? " error=" + error : "") + '}';
  }
}
