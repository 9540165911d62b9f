package io.patent2tech.connectors.postgres;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * The flink-connector-jdbc sink the landing sinks share: one parameterized {@code CALL} of a
 * landing procedure per record, batched, at least once. The procedures make that effectively
 * exactly once (a replayed batch changes nothing), so the XA exactly-once sink is not needed.
 */
final class ProcedureCallSink {

  /** Attempts per batch on SQL errors; the connector re-opens a broken connection between them. */
  static final int MAX_RETRIES = 3;

  private ProcedureCallSink() {}

  /**
   * @param call the statement, e.g. {@code CALL p2t_upsert_patent(?)}
   * @param bind sets the statement's parameters from one record
   * @param batchSize records per batch, at least 1
   * @param batchIntervalMs buffered records are also sent every this many milliseconds (0: only
   *     when the batch is full and at checkpoints)
   */
  static <T> Sink<T> create(String call, JdbcStatementBuilder<T> bind, PostgresSettings settings, int batchSize,
      long batchIntervalMs) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    if (batchIntervalMs < 0) {
      throw new IllegalArgumentException("batchIntervalMs must not be negative, got " + batchIntervalMs);
    }
    return JdbcSink.<T>builder()
        .withQueryStatement(call, bind)
        .withExecutionOptions(JdbcExecutionOptions.builder()
            .withBatchSize(batchSize)
            .withBatchIntervalMs(batchIntervalMs)
            .withMaxRetries(MAX_RETRIES)
            .build())
        .buildAtLeastOnce(new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
            .withUrl(settings.jdbcUrl())
            .withDriverName("org.postgresql.Driver")
            .withUsername(settings.user())
            .withPassword(settings.password())
            .build());
  }
}
