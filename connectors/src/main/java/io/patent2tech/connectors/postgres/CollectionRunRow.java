package io.patent2tech.connectors.postgres;

import java.io.Serializable;

/**
 * A collection_runs row as the collect job knows it at one moment: absolute figures, so writing
 * the same row twice (a replay) changes nothing. A Flink POJO.
 */
public class CollectionRunRow implements Serializable {

  private static final long serialVersionUID = 1L;

  public String runId;
  public String office;
  public String query;
  /** ISO dates. */
  public String windowFrom;
  public String windowTo;
  public int attempt;
  /** running | finished | failed */
  public String status;
  /** Epoch ms, 0 when unknown. */
  public long startedAt;
  public long finishedAt;
  public long listed;
  public long fetched;
  public long published;
  public long rejected;
  public long skipped;
  public long requests;
  public long bytes;
  public long throttledMillis;
  public String quota;
  public String error;

  public CollectionRunRow() {}

  public CollectionRunRow copy() {
    CollectionRunRow r = new CollectionRunRow();
    r.runId = runId;
    r.office = office;
    r.query = query;
    r.windowFrom = windowFrom;
    r.windowTo = windowTo;
    r.attempt = attempt;
    r.status = status;
    r.startedAt = startedAt;
    r.finishedAt = finishedAt;
    r.listed = listed;
    r.fetched = fetched;
    r.published = published;
    r.rejected = rejected;
    r.skipped = skipped;
    r.requests = requests;
    r.bytes = bytes;
    r.throttledMillis = throttledMillis;
    r.quota = quota;
    r.error = error;
    return r;
  }

  @Override
  public String toString() {
    return "CollectionRunRow{" + runId + " " + status + " listed=" + listed + " fetched=" + fetched
        + " published=" + published + " rejected=" + rejected + " skipped=" + skipped + '}';
  }
}
