package io.patent2tech.connectors.postgres;

import io.patent2tech.connectors.json.AvroJson;
import io.patent2tech.schema.Patent;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Lands {@link Patent} records in PostgreSQL.
 *
 * <p>Each record becomes one {@code CALL p2t_upsert_patent(json)}; the procedure (see
 * infra/postgres/migrations/R__p2t_upsert_patent.sql) upserts the patent and replaces its child
 * rows atomically, ignores content it already holds, and records rows it cannot store in
 * {@code dead_letters}. That makes the at-least-once batch sink effectively exactly-once: the
 * batches it replays after a failure change nothing. Batches are flushed when full, after
 * {@code batchIntervalMs}, and before every checkpoint completes; a lost connection is retried
 * for {@link PostgresSettings#reconnectTimeout()} ({@link PostgresBatchWriter}).
 */
public final class PatentPostgresSink {

  static final String UPSERT = "CALL p2t_upsert_patent(?)";

  private PatentPostgresSink() {}

  public static Sink<Patent> create(PostgresSettings settings, int batchSize, long batchIntervalMs) {
    return PostgresBatchSink.create(UPSERT, PatentPostgresSink::bind, settings, batchSize, batchIntervalMs);
  }

  static void bind(PreparedStatement statement, Patent patent) throws SQLException {
    statement.setString(1, AvroJson.toJson(patent));
  }
}
