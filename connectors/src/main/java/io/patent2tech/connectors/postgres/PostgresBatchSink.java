package io.patent2tech.connectors.postgres;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/**
 * The sink the PostgreSQL landing sinks share: one parameterized statement per record (a
 * {@code CALL} of a landing procedure, or an upsert), sent in JDBC batches, at least once. The
 * statements are idempotent, which makes that effectively exactly once: a replayed batch changes
 * nothing. How batches are sent, and what happens when the database is away:
 * {@link PostgresBatchWriter}.
 *
 * @param <T> the record type
 */
final class PostgresBatchSink<T> implements Sink<T> {

  private static final long serialVersionUID = 1L;

  /** Sets a statement's parameters from one record; travels to the task with the sink. */
  @FunctionalInterface
  interface Binder<T> extends Serializable {
    void bind(PreparedStatement statement, T record) throws SQLException;
  }

  private final String sql;
  private final Binder<T> binder;
  private final PostgresSettings settings;
  private final int batchSize;
  private final long batchIntervalMs;

  private PostgresBatchSink(String sql, Binder<T> binder, PostgresSettings settings, int batchSize,
      long batchIntervalMs) {
    this.sql = sql;
    this.binder = binder;
    this.settings = settings;
    this.batchSize = batchSize;
    this.batchIntervalMs = batchIntervalMs;
  }

  /**
   * @param sql the statement, e.g. {@code CALL p2t_upsert_patent(?)}
   * @param binder sets the statement's parameters from one record
   * @param batchSize records per batch, at least 1
   * @param batchIntervalMs buffered records are also sent every this many milliseconds (0: only
   *     when the batch is full and at checkpoints)
   */
  static <T> Sink<T> create(String sql, Binder<T> binder, PostgresSettings settings, int batchSize,
      long batchIntervalMs) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    if (batchIntervalMs < 0) {
      throw new IllegalArgumentException("batchIntervalMs must not be negative, got " + batchIntervalMs);
    }
    return new PostgresBatchSink<>(sql, binder, settings, batchSize, batchIntervalMs);
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return openWriter(context.metricGroup(), context.getProcessingTimeService(), context.getMailboxExecutor(),
        context.isObjectReuseEnabled() ? context.<T>createInputSerializer() : null);
  }

  /** Flink 1.20 still declares this variant abstract; runtimes that know the new one never call it. */
  @Override
  @Deprecated
  public SinkWriter<T> createWriter(InitContext context) {
    return openWriter(context.metricGroup(), context.getProcessingTimeService(), context.getMailboxExecutor(),
        context.isObjectReuseEnabled() ? context.<T>createInputSerializer() : null);
  }

  private SinkWriter<T> openWriter(SinkWriterMetricGroup metrics, ProcessingTimeService timeService,
      MailboxExecutor mailbox, TypeSerializer<T> reusedRecords) {
    return new PostgresBatchWriter<>(settings, sql, binder, batchSize, timeService, mailbox, batchIntervalMs,
        reusedRecords, metrics.getNumRecordsSendCounter(), metrics.counter(PostgresBatchWriter.RETRIES_METRIC));
  }
}
