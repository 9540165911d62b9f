package io.patent2tech.udfs.eval.llm;

import java.io.Serializable;
import java.util.Objects;

/**
 * What one LLM evaluation produced, good or bad, with what it cost: every call of the LLM stage
 * ends in one of these, so a failure is a record, never an exception.
 *
 * @param status how it ended
 * @param answer the parsed answer when {@code status} is OK, else null
 * @param failureReason why it failed when {@code status} is not OK, else null
 * @param attempts model calls made: 1, or 2 with the repair retry (the connector's HTTP retries on
 *     429 / 5xx / timeouts are inside one call); 0 for an answer served from the answer cache
 * @param latencyMs wall time of the whole evaluation, retries included
 * @param inputTokens prompt tokens over all attempts, null when the provider reported none (and
 *     for a cached answer, which cost no tokens now)
 * @param outputTokens completion tokens over all attempts, null when the provider reported none
 * @param model the configured model id
 * @param promptVersion the prompt's version ("novelty-v1")
 */
public record LlmOutcome<T>(
    LlmStatus status,
    T answer,
    String failureReason,
    int attempts,
    long latencyMs,
    Integer inputTokens,
    Integer outputTokens,
    String model,
    String promptVersion)
    implements Serializable {

  public LlmOutcome {
    Objects.requireNonNull(status, "status");
    if ((status == LlmStatus.OK) != (answer != null)) {
      throw new IllegalArgumentException("an answer goes with status OK and only with it");
    }
    if ((status == LlmStatus.OK) != (failureReason == null)) {
      throw new IllegalArgumentException("a failure reason goes with a failure and only with it");
    }
  }

  /**
   * A valid answer taken from the answer cache instead of the model: status OK, no model call
   * (attempts 0), no tokens spent.
   *
   * @param latencyMs how long the look-up took
   */
  public static <T> LlmOutcome<T> fromCache(
      T answer, long latencyMs, String model, String promptVersion) {
    Objects.requireNonNull(answer, "answer");
    return new LlmOutcome<>(
        LlmStatus.OK, answer, null, 0, latencyMs, null, null, model, promptVersion);
  }

  public boolean isOk() {
    return status == LlmStatus.OK;
  }

  /** True when the answer came from the answer cache: no model was asked. */
  public boolean cached() {
    return status == LlmStatus.OK && attempts == 0;
  }
}
