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
 *     429 / 5xx / timeouts are inside one call)
 * @param latencyMs wall time of the whole evaluation, retries included
 * @param inputTokens prompt tokens over all attempts, null when the provider reported none
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

  public boolean isOk() {
    return status == LlmStatus.OK;
  }
}
