package io.patent2tech.udfs.eval.skip;

import io.patent2tech.schema.Patent;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops patents whose evaluation is already in Postgres for the same content hash and the same
 * evaluation settings (their fingerprint): a replay of the topic, a duplicate publication or a
 * restarted job costs no embedding, no search, no model call and writes nothing.
 *
 * <p>Runs on a stream keyed by publication key and remembers the content hash it last let through
 * per key (for {@code ttl}), so a duplicate that arrives before the first copy's evaluation has
 * landed is dropped as well.
 *
 * <p>The ledger of landed evaluations is injected as an {@link EvaluationLedger.Factory} and opened
 * in {@code open()}.
 *
 * <p>Prior art grows as patents land, so evaluating the same patent again later could give other
 * scores; skipping keeps a landed evaluation stable until its content or the settings change.
 * When the ledger cannot answer the patent is evaluated (the sinks' upserts keep that harmless).
 */
public final class SkipEvaluated extends RichFilterFunction<Patent> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SkipEvaluated.class);

  private final EvaluationLedger.Factory ledgerFactory;
  private final String settingsFingerprint;

  private final Duration ttl;

  private transient EvaluationLedger evaluated;
  private transient ValueState<String> passedContentHash;
  private transient Counter skipped;

  /**
   * @param ttl how long the content hash let through is remembered per key
   */
  public SkipEvaluated(EvaluationLedger.Factory ledgerFactory, String settingsFingerprint,
      Duration ttl) {
    this.ledgerFactory = Objects.requireNonNull(ledgerFactory, "ledgerFactory");
    this.settingsFingerprint = Objects.requireNonNull(settingsFingerprint, "settingsFingerprint");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
  }

  @Override
  public void open(OpenContext openContext) {
    evaluated = ledgerFactory.open();
    ValueStateDescriptor<String> descriptor =
        new ValueStateDescriptor<>("passed-content-hash", String.class);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl).build());
    passedContentHash = getRuntimeContext().getState(descriptor);
    skipped = getRuntimeContext().getMetricGroup().counter("enrichSkippedAlreadyEvaluated");
  }

  @Override
  public boolean filter(Patent patent) throws Exception {
    String hash = patent.getContentHash();
    if (hash.equals(passedContentHash.value()) || alreadyLanded(patent)) {
      skipped.inc();
      return false;
    }
    passedContentHash.update(hash);
    return true;
  }

  private boolean alreadyLanded(Patent patent) {
    try {
      return evaluated.isEvaluated(
          patent.getPublicationKey(), patent.getContentHash(), settingsFingerprint);
    } catch (Exception e) {
      LOG.warn("cannot tell whether {} was evaluated already; evaluating it: {}",
          patent.getPublicationKey(), e.toString());
      return false;
    }
  }

  @Override
  public void close() throws Exception {
    if (evaluated != null) {
      evaluated.close();
    }
  }
}
