package io.patent2tech.connectors.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patent2tech.connectors.json.AvroJson;
import io.patent2tech.schema.Model3d;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Lands {@link Model3d} records (topic patents.models3d) in the PostgreSQL table {@code models_3d}.
 *
 * <p>Each record becomes one {@code CALL p2t_upsert_model3d(...)} (see
 * infra/postgres/migrations/R__p2t_upsert_model3d.sql), keyed by (publication_key, figure_set): a
 * replayed record writes nothing, a set made again from other inputs replaces its row. The nested
 * parts (views used, files, timings) are stored as jsonb in the field names of the Avro schema, so
 * the row reads like the topic. Batching, flushing on checkpoints and riding out a lost connection
 * are {@link PostgresBatchWriter}'s.
 */
public final class Model3dPostgresSink {

  // casts: a null bound with setNull has no type pgjdbc can send for a CALL
  static final String UPSERT = "CALL p2t_upsert_model3d(?, ?, ?, ?, ?, ?, ?::jsonb, ?::integer, ?::integer[],"
      + " ?::bigint, ?::bigint, ?::double precision, ?::double precision[], ?::jsonb, ?::jsonb, ?, ?)";

  private Model3dPostgresSink() {}

  public static Sink<Model3d> create(PostgresSettings settings, int batchSize, long batchIntervalMs) {
    return PostgresBatchSink.create(UPSERT, Model3dPostgresSink::bind, settings, batchSize, batchIntervalMs);
  }

  static void bind(PreparedStatement statement, Model3d model) throws SQLException {
    ObjectNode json = AvroJson.toTree(model);
    statement.setString(1, model.getPublicationKey());
    statement.setString(2, model.getFigureSet());
    statement.setString(3, model.getStatus());
    statement.setString(4, model.getReason());
    statement.setString(5, model.getMethod());
    statement.setString(6, model.getDevice());
    statement.setString(7, json.get("views_used").toString());
    setNullable(statement, 8, model.getGridSize(), Types.INTEGER);
    statement.setString(9, array(model.getGridDims()));
    setNullable(statement, 10, model.getVertexCount(), Types.BIGINT);
    setNullable(statement, 11, model.getTriangleCount(), Types.BIGINT);
    setNullable(statement, 12, model.getVolume(), Types.DOUBLE);
    statement.setString(13, array(model.getBoundingBox()));
    JsonNode files = json.get("files");
    statement.setString(14, files == null || files.isNull() ? null : files.toString());
    statement.setString(15, json.get("timings_ms").toString());
    statement.setString(16, model.getContentHash());
    statement.setObject(17, OffsetDateTime.ofInstant(Instant.ofEpochMilli(model.getMadeAt()), ZoneOffset.UTC));
  }

  private static void setNullable(PreparedStatement statement, int index, Object value, int sqlType)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, sqlType);
    } else {
      statement.setObject(index, value, sqlType);
    }
  }

  /** A PostgreSQL array literal ({1,2,3}); null for an empty list, so "no grid" reads as NULL. */
  private static String array(List<? extends Number> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(values.get(i));
    }
    return sb.append('}').toString();
  }
}
