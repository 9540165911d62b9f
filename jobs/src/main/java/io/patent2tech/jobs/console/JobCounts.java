package io.patent2tech.jobs.console;

import java.util.Map;

/**
 * What a running (or finished) job has counted so far, summed over its subtasks: each operator's
 * counters and numeric gauges by metric name. Operators are named as in the job's wiring ({@code
 * .name("dedupe")}); Flink names a source {@code "Source: NAME"} and a sink's writer {@code "NAME:
 * Writer"}.
 */
public final class JobCounts {

  static final String SOURCE_PREFIX = "Source: ";
  static final String RECORDS_IN = "numRecordsIn";
  static final String RECORDS_OUT = "numRecordsOut";
  /** What a source has yet to read (the Kafka source: its consumer's lag to the end offsets). */
  static final String PENDING_RECORDS = "pendingRecords";

  public static final JobCounts NONE = new JobCounts(Map.of());

  /** operator name -> metric name -> value */
  private final Map<String, Map<String, Long>> values;

  JobCounts(Map<String, Map<String, Long>> values) {
    this.values = values;
  }

  /** The metric {@code name} summed over every operator that has it; null when none has it. */
  public Long metric(String name) {
    Long sum = null;
    for (Map<String, Long> operator : values.values()) {
      Long v = operator.get(name);
      if (v != null) {
        sum = (sum == null ? 0 : sum) + v;
      }
    }
    return sum;
  }

  /** The metric {@code name} of the operator {@code operator}; null when it has none (yet). */
  public Long of(String operator, String name) {
    Map<String, Long> metrics = values.get(operator);
    return metrics == null ? null : metrics.get(name);
  }

  /** Records read by every source together; 0 before the sources started. */
  public long sourceRecords() {
    return sumOverSources(RECORDS_OUT, 0L);
  }

  /** Records the sources have still to read, where they can tell (bounded Kafka reads); else null. */
  public Long pendingRecords() {
    return sumOverSources(PENDING_RECORDS, null);
  }

  private Long sumOverSources(String metric, Long none) {
    Long sum = none;
    for (Map.Entry<String, Map<String, Long>> e : values.entrySet()) {
      Long v = e.getKey().startsWith(SOURCE_PREFIX) ? e.getValue().get(metric) : null;
      if (v != null) {
        sum = (sum == null ? 0 : sum) + v;
      }
    }
    return sum;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
