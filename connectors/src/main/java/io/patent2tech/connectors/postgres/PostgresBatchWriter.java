package io.patent2tech.connectors.postgres;

import io.patent2tech.connectors.StoreOutage;
import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers records and sends them as one JDBC batch ({@code addBatch}/{@code executeBatch}) on one
 * connection: when the batch is full, on the batch interval, and when Flink flushes the writer
 * before every checkpoint and at the end of the input, so a completed checkpoint means the records
 * are in PostgreSQL.
 *
 * <p>A lost connection (SQLSTATE class 08 or 57P01-57P03: the server is down or restarting, the
 * network is cut, the connection is refused) does not fail the task yet: the writer drops the
 * connection, waits, and sends the whole batch again on a new one (the statements are idempotent),
 * logging one WARN line per attempt, until {@link PostgresSettings#reconnectTimeout()} is spent;
 * then it throws a {@link io.patent2tech.connectors.StoreUnavailableException} naming the server
 * and the cause. Any other SQL error fails at once with the SQLSTATE and the server's message.
 * Neither message carries the statement's parameters (a record can be a whole patent), which is
 * why pgjdbc's {@link BatchUpdateException}, whose message has them all, never leaves this class.
 *
 * <p>All calls come from the task's mailbox thread (write, flush, the batch timer), so nothing needs
 * locking. While it waits for the database the task thread is blocked, so checkpoints cannot
 * complete and the job's input backs up: the wait is bounded for that reason (see
 * {@link PostgresSettings#DEFAULT_RECONNECT_TIMEOUT}). Cancelling the task interrupts the wait.
 */
final class PostgresBatchWriter<T> implements SinkWriter<T> {

  /** The sink writer's counter of batches sent again (docs/operations.md, Metrics). */
  static final String RETRIES_METRIC = "pgBatchRetries";

  private static final Logger LOG = LoggerFactory.getLogger(PostgresBatchWriter.class);

  static final String STORE = "PostgreSQL";

  /**
   * Tries of a batch a deadlock or serialization failure (SQLSTATE class 40) aborted: two writers
   * landing versions of the same patent can deadlock, and the next try goes through.
   */
  static final int TRANSACTION_RETRIES = 3;

  private final PostgresSettings settings;
  private final String sql;
  private final PostgresBatchSink.Binder<T> binder;
  private final int batchSize;
  private final ProcessingTimeService timeService;
  private final MailboxExecutor mailbox;
  private final long batchIntervalMs;
  /** Copies records Flink may reuse after write returns; null when object reuse is off. */
  private final TypeSerializer<T> reusedRecords;
  private final Counter recordsSent;
  /** Batches sent again: after a lost connection (each reconnect attempt) or an aborted transaction. */
  private final Counter retries;

  private final List<T> batch = new ArrayList<>();
  private Connection connection;
  private PreparedStatement statement;
  private boolean closed;

  PostgresBatchWriter(PostgresSettings settings, String sql, PostgresBatchSink.Binder<T> binder, int batchSize,
      ProcessingTimeService timeService, MailboxExecutor mailbox, long batchIntervalMs,
      TypeSerializer<T> reusedRecords, Counter recordsSent, Counter retries) {
    this.settings = settings;
    this.sql = sql;
    this.binder = binder;
    this.batchSize = batchSize;
    this.timeService = timeService;
    this.mailbox = mailbox;
    this.batchIntervalMs = batchIntervalMs;
    this.reusedRecords = reusedRecords;
    this.recordsSent = recordsSent;
    this.retries = retries;
    if (batchIntervalMs > 0) {
      scheduleFlush();
    }
  }

  @Override
  public void write(T record, Context context) throws IOException, InterruptedException {
    batch.add(reusedRecords == null ? record : reusedRecords.copy(record));
    if (batch.size() >= batchSize) {
      send();
    }
  }

  /** Called before every checkpoint and at end of input: returns once PostgreSQL has it all. */
  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    send();
  }

  @Override
  public void close() {
    closed = true;
    if (!batch.isEmpty()) {
      // Not flushed, so not covered by a checkpoint: a restart replays them.
      LOG.info("Closing with {} unsent records; they are replayed from the last checkpoint", batch.size());
    }
    disconnect();
  }

  /**
   * The timer only puts the send in the task's mailbox: Flink wraps what a timer callback throws in
   * "AsynchronousException: Caught exception while processing timer", while what a mail throws is
   * the task's failure as it is, so the first line an operator reads stays the store's.
   */
  private void scheduleFlush() {
    timeService.registerTimer(timeService.getCurrentProcessingTime() + batchIntervalMs,
        time -> mailbox.execute(() -> {
          if (!closed) {
            send();
            scheduleFlush();
          }
        }, "send the %s batch", STORE));
  }

  /** Sends the buffered records; on a lost connection, again on a new one until the timeout. */
  private void send() throws IOException, InterruptedException {
    if (batch.isEmpty()) {
      return;
    }
    StoreOutage outage = null;
    int aborted = 0;
    while (true) {
      try {
        execute();
        if (outage != null) {
          outage.recovered();
        }
        recordsSent.inc(batch.size());
        batch.clear();
        return;
      } catch (SQLException e) {
        disconnect();
        SQLException cause = withoutParameters(e);
        if (ReconnectingConnection.isConnectionLost(e) || ReconnectingConnection.isConnectionLost(cause)) {
          if (outage == null) {
            outage = StoreOutage.begin(STORE, settings.endpoint(), settings.reconnectTimeout(), LOG);
          }
          outage.retryAfter(cause);
          retries.inc();
        } else if (isTransactionRollback(cause) && ++aborted < TRANSACTION_RETRIES) {
          retries.inc();
          LOG.warn("{} at {} aborted a batch of {} records (try {} of {}), trying again: SQLSTATE {}: {}", STORE,
              settings.endpoint(), batch.size(), aborted, TRANSACTION_RETRIES, cause.getSQLState(),
              serverMessage(cause));
        } else {
          throw new IOException(STORE + " at " + settings.endpoint() + " rejected a batch of " + batch.size()
              + " records: SQLSTATE " + cause.getSQLState() + ": " + serverMessage(cause), cause);
        }
      }
    }
  }

  private void execute() throws SQLException {
    if (statement == null) {
      connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
      statement = connection.prepareStatement(sql);
    }
    for (T record : batch) {
      binder.bind(statement, record);
      statement.addBatch();
    }
    statement.executeBatch();
  }

  /** Drops the connection, and with it a half-built batch; the next attempt opens a new one. */
  private void disconnect() {
    ReconnectingConnection.closeQuietly(connection);
    connection = null;
    statement = null;
  }

  /**
   * The error behind a failed batch. pgjdbc's {@link BatchUpdateException} names the failed entry
   * with all its parameters ("Batch entry 0 CALL p2t_upsert_patent('{...the whole patent...}') was
   * aborted"), so it is replaced by the error it chains, which has the server's message only.
   */
  static SQLException withoutParameters(SQLException e) {
    if (!(e instanceof BatchUpdateException)) {
      return e;
    }
    SQLException next = e.getNextException();
    if (next != null && !(next instanceof BatchUpdateException)) {
      return next;
    }
    if (e.getCause() instanceof SQLException cause && !(cause instanceof BatchUpdateException)) {
      return cause;
    }
    return new SQLException("a batch entry failed", e.getSQLState());
  }

  /** SQLSTATE class 40: deadlock detected, serialization failure; the transaction may succeed again. */
  static boolean isTransactionRollback(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("40");
  }

  /** The server's primary message, without the detail and context lines pgjdbc appends. */
  static String serverMessage(SQLException e) {
    if (e instanceof PSQLException psql) {
      ServerErrorMessage server = psql.getServerErrorMessage();
      if (server != null && server.getMessage() != null) {
        return server.getMessage();
      }
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
