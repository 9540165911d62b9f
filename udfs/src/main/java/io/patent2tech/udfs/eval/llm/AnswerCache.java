package io.patent2tech.udfs.eval.llm;

import java.io.Serializable;
import java.util.Optional;

/**
 * Valid model answers keyed by task, model, prompt version and content hash: the LLM stage's
 * answer cache ({@code llm_answer_cache} in PostgreSQL in the job). Implementations must be safe
 * for concurrent use; {@link CachedLlmCall} treats any exception as a miss or a skipped store.
 */
public interface AnswerCache extends AutoCloseable {

  /** One cached answer: the model's JSON as validated, and what it cost to get. */
  record Entry(String answerJson, Integer promptTokens, Integer completionTokens, long latencyMs) {}

  Optional<Entry> get(String task, String model, String promptVersion, String contentHash)
      throws Exception;

  /** Stores an answer; a concurrent store of the same key keeps the first one. */
  void put(String task, String model, String promptVersion, String contentHash, Entry entry)
      throws Exception;

  /** Opens an {@link AnswerCache} where it is used; only the factory travels with the job graph. */
  @FunctionalInterface
  interface Factory extends Serializable {
    AnswerCache open();
  }
}
