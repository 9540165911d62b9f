package io.patent2tech.connectors.postgres;

import io.patent2tech.udfs.eval.llm.AnswerCache;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * The table {@code llm_answer_cache} (migration V2): valid model answers keyed by task, model,
 * prompt version and content hash: the LLM stage's {@link AnswerCache}.
 *
 * <p>One instance holds one connection and is safe for concurrent use: calls are serialized on it,
 * which is far cheaper than the model calls they save. A lost connection is re-opened on the next
 * call.
 */
public final class LlmAnswerCache implements AnswerCache {

  private static final String SELECT = "SELECT answer::text, prompt_tokens, completion_tokens, latency_ms"
      + " FROM llm_answer_cache WHERE task = ? AND model = ? AND prompt_version = ? AND content_hash = ?";
  private static final String INSERT = "INSERT INTO llm_answer_cache"
      + " (task, model, prompt_version, content_hash, answer, prompt_tokens, completion_tokens, latency_ms)"
      + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT DO NOTHING";

  private final ReconnectingConnection connection;

  public LlmAnswerCache(PostgresSettings settings) {
    this.connection = new ReconnectingConnection(settings);
  }

  /** The cache in the database of {@code settings} (migration V2 applied), opened where it is used. */
  public static AnswerCache.Factory factory(PostgresSettings settings) {
    return () -> new LlmAnswerCache(settings);
  }

  @Override
  public Optional<Entry> get(String task, String model, String promptVersion,
      String contentHash) throws SQLException {
    return connection.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(SELECT)) {
        bindKey(ps, task, model, promptVersion, contentHash);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(new Entry(rs.getString(1), (Integer) rs.getObject(2),
              (Integer) rs.getObject(3), rs.getLong(4)));
        }
      }
    });
  }

  @Override
  public void put(String task, String model, String promptVersion, String contentHash,
      Entry entry) throws SQLException {
    connection.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        bindKey(ps, task, model, promptVersion, contentHash);
        ps.setString(5, entry.answerJson());
        setNullableInt(ps, 6, entry.promptTokens());
        setNullableInt(ps, 7, entry.completionTokens());
        ps.setLong(8, entry.latencyMs());
        return ps.executeUpdate();
      }
    });
  }

  private static void bindKey(PreparedStatement ps, String task, String model, String promptVersion,
      String contentHash) throws SQLException {
    ps.setString(1, task);
    ps.setString(2, model);
    ps.setString(3, promptVersion);
    ps.setString(4, contentHash);
  }

  private static void setNullableInt(PreparedStatement ps, int index, Integer value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, value);
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
