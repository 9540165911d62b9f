package io.patent2tech.connectors.collect;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a collection run saw at the office, for its collection_runs row: documents listed by the
 * search or file listing, documents fetched, requests made, bytes received, and the quota figures
 * the office reported (EPO: throttling state and used quota headers). Mutable, updated by the
 * collector as it goes; read by the source when it records the run.
 */
public final class RunStats implements Serializable {

  private static final long serialVersionUID = 1L;

  public long listed;
  public long fetched;
  public long requests;
  public long bytes;
  /** Waits imposed by throttling, in milliseconds. */
  public long throttledMillis;
  /** Latest quota / throttling figures by name, e.g. "x-throttling-control" -> "idle (search=green:30, ...)". */
  public final Map<String, String> quota = new LinkedHashMap<>();

  public synchronized void quota(String name, String value) {
    if (value != null) {
      quota.put(name, value);
    }
  }

  public synchronized Map<String, String> quotaSnapshot() {
    return new LinkedHashMap<>(quota);
  }

  @Override
  public synchronized String toString() {
    return "listed=" + listed + " fetched=" + fetched + " requests=" + requests + " bytes=" + bytes
        + " throttledMs=" + throttledMillis + " quota=" + quota;
  }
}
