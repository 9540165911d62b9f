package io.patent2tech.udfs.eval.llm;

import java.util.Locale;

/** How an LLM evaluation ended. */
public enum LlmStatus {
  /** A valid answer, possibly after the repair retry. */
  OK,
  /** The model answered, but not in the schema, twice (the first answer and the repair retry). */
  INVALID_ANSWER,
  /** The model did not answer in time (after the connector's own retries). */
  TIMEOUT,
  /** Anything else: HTTP errors left after retries, refused connections, bad credentials. */
  ERROR;

  /** Lower-case name as it is recorded: ok, invalid_answer, timeout, error. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
