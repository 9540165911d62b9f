package io.patent2tech.udfs.eval.skip;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The evaluation ledger in memory: the landed evaluations are "key|hash|fingerprint" strings; asks
 * are counted, and {@link #failing} makes every ask fail as an unreachable database would.
 */
final class InMemoryLedger implements EvaluationLedger {

  final Set<String> landed = ConcurrentHashMap.newKeySet();
  volatile boolean failing;
  volatile int asked;
  volatile boolean closed;

  /** A factory that hands out this one ledger (the test harness runs in this JVM). */
  EvaluationLedger.Factory factory() {
    InMemoryLedger self = this;
    return new EvaluationLedger.Factory() {
      private static final long serialVersionUID = 1L;

      @Override
      public EvaluationLedger open() {
        return self;
      }
    };
  }

  void land(String key, String hash, String fingerprint) {
    landed.add(key + "|" + hash + "|" + fingerprint);
  }

  @Override
  public boolean isEvaluated(String key, String hash, String fingerprint) {
    asked++;
    if (failing) {
      throw new IllegalStateException("connection refused");
    }
    return landed.contains(key + "|" + hash + "|" + fingerprint);
  }

  @Override
  public void close() {
    closed = true;
  }
}
