package io.patent2tech.connectors.elasticsearch.sink;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/**
 * The bulk sink's counters, in the sink writer's metric group: documents created or changed
 * ({@code indexed}), unchanged ({@code noop}), refused and dead-lettered ({@code failed}), and
 * retried requests ({@code retries}). Also feeds Flink's standard sink counters.
 */
final class BulkMetrics {

  private final Counter indexed;
  private final Counter noop;
  private final Counter failed;
  private final Counter retries;
  private final Counter recordsSent;
  private final Counter bytesSent;
  private final Counter recordErrors;

  BulkMetrics(SinkWriterMetricGroup group) {
    this.indexed = group.counter("indexed");
    this.noop = group.counter("noop");
    this.failed = group.counter("failed");
    this.retries = group.counter("retries");
    this.recordsSent = group.getNumRecordsSendCounter();
    this.bytesSent = group.getNumBytesSendCounter();
    this.recordErrors = group.getNumRecordsOutErrorsCounter();
  }

  void indexed(long bytes) {
    indexed.inc();
    sent(bytes);
  }

  void noop(long bytes) {
    noop.inc();
    sent(bytes);
  }

  void failed() {
    failed.inc();
    recordErrors.inc();
  }

  void retry() {
    retries.inc();
  }

  private void sent(long bytes) {
    recordsSent.inc();
    bytesSent.inc(bytes);
  }
}
