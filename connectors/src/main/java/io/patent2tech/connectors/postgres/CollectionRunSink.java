package io.patent2tech.connectors.postgres;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;

import org.apache.flink.api.connector.sink2.Sink;

/**
 * Writes collection_runs rows (infra/postgres/migrations/V4__collection_runs.sql): one
 * parameterized upsert per row, keyed by run id, with the row's absolute figures, so a replayed
 * batch rewrites the same values. Sent in batches by {@link PostgresBatchWriter}, which rides out a
 * lost connection for {@link PostgresSettings#reconnectTimeout()}.
 */
public final class CollectionRunSink {

  static final String UPSERT = "INSERT INTO collection_runs (run_id, office, query, window_from, window_to, "
      + "attempt, status, started_at, finished_at, listed, fetched, published, rejected, skipped, requests, "
      + "bytes, throttled_ms, quota, error, updated_at) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) "
      + "ON CONFLICT (run_id) DO UPDATE SET status = EXCLUDED.status, "
      + "started_at = COALESCE(collection_runs.started_at, EXCLUDED.started_at), "
      + "finished_at = EXCLUDED.finished_at, listed = EXCLUDED.listed, fetched = EXCLUDED.fetched, "
      + "published = EXCLUDED.published, rejected = EXCLUDED.rejected, skipped = EXCLUDED.skipped, "
      + "requests = EXCLUDED.requests, bytes = EXCLUDED.bytes, throttled_ms = EXCLUDED.throttled_ms, "
      + "quota = COALESCE(EXCLUDED.quota, collection_runs.quota), error = EXCLUDED.error, updated_at = now() "
      // a replay of an older state of the row must not undo a finished run
      + "WHERE collection_runs.status = 'running' OR EXCLUDED.status <> 'running'";

  private CollectionRunSink() {}

  public static Sink<CollectionRunRow> create(PostgresSettings settings, long batchIntervalMs) {
    return PostgresBatchSink.create(UPSERT, CollectionRunSink::bind, settings, 50, batchIntervalMs);
  }

  static void bind(PreparedStatement st, CollectionRunRow r) throws SQLException {
    st.setString(1, r.runId);
    st.setString(2, r.office);
    st.setString(3, r.query);
    st.setDate(4, Date.valueOf(LocalDate.parse(r.windowFrom)));
    st.setDate(5, Date.valueOf(LocalDate.parse(r.windowTo)));
    st.setInt(6, r.attempt);
    st.setString(7, r.status);
    timestamp(st, 8, r.startedAt);
    timestamp(st, 9, r.finishedAt);
    st.setLong(10, r.listed);
    st.setLong(11, r.fetched);
    st.setLong(12, r.published);
    st.setLong(13, r.rejected);
    st.setLong(14, r.skipped);
    st.setLong(15, r.requests);
    st.setLong(16, r.bytes);
    st.setLong(17, r.throttledMillis);
    st.setString(18, r.quota);
    st.setString(19, r.error);
  }

  private static void timestamp(PreparedStatement st, int i, long epochMillis) throws SQLException {
    if (epochMillis <= 0) {
      st.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      st.setTimestamp(i, new Timestamp(epochMillis));
    }
  }
}
