package io.patent2tech.jobs.enrich;

import io.patent2tech.connectors.postgres.EvaluatedPatents;
import io.patent2tech.connectors.postgres.PostgresSettings;
import io.patent2tech.schema.Patent;
import java.sql.SQLException;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops patents whose evaluation is already in Postgres for the same content hash and the same
 * evaluation settings (their fingerprint): a replay of the topic, a duplicate publication or a
 * restarted job costs no embedding, no search, no model call and writes nothing.
 *
 * <p>Prior art grows as patents land, so evaluating the same patent again later could give other
 * scores; skipping keeps a landed evaluation stable until its content or the settings change.
 * When Postgres cannot answer the patent is evaluated (the sinks' upserts keep that harmless).
 */
public final class SkipEvaluated extends RichFilterFunction<Patent> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SkipEvaluated.class);

  private final PostgresSettings postgres;
  private final String settingsFingerprint;

  private transient EvaluatedPatents evaluated;
  private transient Counter skipped;

  public SkipEvaluated(PostgresSettings postgres, String settingsFingerprint) {
    this.postgres = Objects.requireNonNull(postgres, "postgres");
    this.settingsFingerprint = Objects.requireNonNull(settingsFingerprint, "settingsFingerprint");
  }

  @Override
  public void open(OpenContext openContext) {
    evaluated = new EvaluatedPatents(postgres);
    skipped = getRuntimeContext().getMetricGroup().counter("enrichSkippedAlreadyEvaluated");
  }

  @Override
  public boolean filter(Patent patent) {
    try {
      if (evaluated.isEvaluated(
          patent.getPublicationKey(), patent.getContentHash(), settingsFingerprint)) {
        skipped.inc();
        return false;
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("cannot tell whether {} was evaluated already; evaluating it: {}",
          patent.getPublicationKey(), e.toString());
    }
    return true;
  }

  @Override
  public void close() throws Exception {
    if (evaluated != null) {
      evaluated.close();
    }
  }
}
