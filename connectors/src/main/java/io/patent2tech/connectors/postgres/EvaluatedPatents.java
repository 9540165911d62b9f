package io.patent2tech.connectors.postgres;

import io.patent2tech.udfs.eval.skip.EvaluationLedger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Which publications {@code patent_evaluations} (migration V3) already holds for a given content
 * and evaluation settings. The enrich job asks before evaluating a patent, so a replay of the
 * normalized topic calls no model and lands nothing. The skip stage's {@link EvaluationLedger}.
 *
 * <p>One instance holds one connection and is safe for concurrent use (calls are serialized on
 * it); a lost connection is re-opened, see {@link ReconnectingConnection#call}.
 */
public final class EvaluatedPatents implements EvaluationLedger {

  /**
   * An evaluation whose model call timed out or failed does not count: the next run asks again
   * (valid answers come from the answer cache, so only the failed question costs a call).
   */
  private static final String SELECT = "SELECT 1 FROM patent_evaluations"
      + " WHERE publication_key = ? AND content_hash = ? AND settings_fingerprint = ?"
      + " AND coalesce(novelty_llm_status, '') NOT IN ('timeout', 'error')"
      + " AND coalesce(inventive_llm_status, '') NOT IN ('timeout', 'error')"
      + " AND NOT EXISTS (SELECT 1 FROM patent_analyses a WHERE a.publication_key = ?"
      + " AND a.status IN ('timeout', 'error'))";

  private final ReconnectingConnection connection;

  public EvaluatedPatents(PostgresSettings settings) {
    this.connection = new ReconnectingConnection(settings);
  }

  /** The ledger in the database of {@code settings}, opened where the operator runs. */
  public static EvaluationLedger.Factory factory(PostgresSettings settings) {
    return () -> new EvaluatedPatents(settings);
  }

  /**
   * True when the stored evaluation of {@code publicationKey} was computed from content
   * {@code contentHash} with settings {@code settingsFingerprint}, and none of its model calls
   * timed out or failed.
   */
  @Override
  public boolean isEvaluated(String publicationKey, String contentHash, String settingsFingerprint)
      throws SQLException {
    return connection.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(SELECT)) {
        ps.setString(1, publicationKey);
        ps.setString(2, contentHash);
        ps.setString(3, settingsFingerprint);
        ps.setString(4, publicationKey);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public void close() {
    connection.close();
  }
}
