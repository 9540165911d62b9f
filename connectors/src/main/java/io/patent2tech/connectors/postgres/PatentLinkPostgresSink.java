package io.patent2tech.connectors.postgres;

import io.patent2tech.schema.PatentLink;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Lands {@link PatentLink} records (topic patents.links) in the PostgreSQL table
 * {@code patent_links}.
 *
 * <p>Each record becomes one {@code CALL p2t_upsert_link(...)} (see
 * infra/postgres/migrations/R__p2t_upsert_link.sql), keyed by (from_key, to_key, kind): it keeps the
 * earliest first_seen and writes nothing when the link is already stored as it is, so the batches
 * the at-least-once sink replays after a failure change nothing. Batching, flushing on checkpoints
 * and riding out a lost connection are {@link PostgresBatchWriter}'s, as for the patents.
 */
public final class PatentLinkPostgresSink {

  // the similarity's cast: a null bound with setNull has no type pgjdbc can send for a CALL
  static final String UPSERT = "CALL p2t_upsert_link(?, ?, ?, ?, ?, ?::double precision, ?, ?)";

  private PatentLinkPostgresSink() {}

  public static Sink<PatentLink> create(PostgresSettings settings, int batchSize, long batchIntervalMs) {
    return PostgresBatchSink.create(UPSERT, PatentLinkPostgresSink::bind, settings, batchSize, batchIntervalMs);
  }

  static void bind(PreparedStatement statement, PatentLink link) throws SQLException {
    statement.setString(1, link.getFromKey());
    statement.setString(2, link.getToKey());
    statement.setString(3, link.getKind());
    statement.setString(4, link.getStrength());
    statement.setString(5, link.getSharedId());
    if (link.getSimilarity() == null) {
      statement.setNull(6, Types.DOUBLE);
    } else {
      statement.setDouble(6, link.getSimilarity());
    }
    statement.setString(7, link.getMethod());
    statement.setObject(8, OffsetDateTime.ofInstant(Instant.ofEpochMilli(link.getFirstSeen()), ZoneOffset.UTC));
  }
}
