package io.patent2tech.udfs.eval.skip;

import java.io.Serializable;

/**
 * Which evaluations have landed: the skip stage's outside world (PostgreSQL's {@code
 * patent_evaluations} in the job). Implementations must be safe for concurrent use.
 */
public interface EvaluationLedger extends AutoCloseable {

  /**
   * True when the stored evaluation of {@code publicationKey} was computed from content {@code
   * contentHash} with settings {@code settingsFingerprint} and is complete (none of its model calls
   * timed out or failed).
   *
   * @throws Exception when the ledger cannot answer; the caller evaluates the patent then
   */
  boolean isEvaluated(String publicationKey, String contentHash, String settingsFingerprint)
      throws Exception;

  /** Opens an {@link EvaluationLedger} where it is used; only the factory travels with the job graph. */
  @FunctionalInterface
  interface Factory extends Serializable {
    EvaluationLedger open();
  }
}
