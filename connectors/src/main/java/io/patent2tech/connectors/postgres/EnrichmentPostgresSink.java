package io.patent2tech.connectors.postgres;

import io.patent2tech.connectors.json.AvroJson;
import io.patent2tech.schema.EnrichedPatent;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Lands {@link EnrichedPatent} records in PostgreSQL ({@code patent_evaluations} and
 * {@code patent_analyses}).
 *
 * <p>Each record becomes one {@code CALL p2t_upsert_enrichment(json)}; the procedure (see
 * infra/postgres/migrations/R__p2t_upsert_enrichment.sql) replaces a publication's evaluation and
 * analysis atomically, writes nothing when it already holds the same evaluation, drops the
 * embedding vector from the stored record, and records rows it cannot store in
 * {@code dead_letters}. Replayed batches therefore change nothing. Batches are flushed when full,
 * after {@code batchIntervalMs}, and before every checkpoint completes; a lost connection is retried
 * for {@link PostgresSettings#reconnectTimeout()} ({@link PostgresBatchWriter}).
 */
public final class EnrichmentPostgresSink {

  static final String UPSERT = "CALL p2t_upsert_enrichment(?)";

  private EnrichmentPostgresSink() {}

  public static Sink<EnrichedPatent> create(PostgresSettings settings, int batchSize, long batchIntervalMs) {
    return PostgresBatchSink.create(UPSERT, EnrichmentPostgresSink::bind, settings, batchSize, batchIntervalMs);
  }

  static void bind(PreparedStatement statement, EnrichedPatent enriched) throws SQLException {
    // the whole record, vector included: the procedure owns what is stored
    statement.setString(1, AvroJson.toJson(enriched));
  }
}
