package io.patent2tech.udfs.eval.llm;

import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One LLM evaluation behind the Postgres answer cache, keyed by (task, model, prompt version,
 * content hash): a cached answer is parsed and returned without asking the model ({@link
 * LlmOutcome#cached()}); otherwise {@link LlmEvaluator} asks it, and an OK answer is stored as its
 * schema's JSON. Failures (timeouts, errors, invalid answers) are never stored, so the next run
 * asks again.
 *
 * <p>Never throws for model or cache problems. The cache is an optimisation, not a dependency: a
 * failed look-up (Postgres down, a query error) is logged and treated as a miss, a failed store is
 * logged and the answer is returned all the same, and a cached answer the parser no longer accepts
 * is logged and treated as a miss. Thread-safe when its {@link ChatCall} and {@link AnswerCache}
 * are.
 */
public final class CachedLlmCall {

  private static final Logger LOG = LoggerFactory.getLogger(CachedLlmCall.class);

  private final LlmEvaluator evaluator;
  private final AnswerCache cache;

  /**
   * @param chat the model (an {@code LlmChatClient})
   * @param model the configured model id: recorded with every outcome and part of the cache key
   * @param cache the answer cache
   */
  public CachedLlmCall(ChatCall chat, String model, AnswerCache cache) {
    this.evaluator = new LlmEvaluator(chat, model);
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  /**
   * The cached answer for this key, else the model's.
   *
   * @param task what is asked (novelty, inventive_step, analysis): the first part of the key
   * @param contentHash the hash of the patent content the prompt was built from
   */
  public <T> LlmOutcome<T> call(
      String task, String contentHash, Prompt prompt, AnswerParser<T> parser) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(contentHash, "contentHash");
    long start = System.nanoTime();
    Optional<T> hit = lookUp(task, contentHash, prompt, parser);
    if (hit.isPresent()) {
      return LlmOutcome.fromCache(
          hit.get(),
          (System.nanoTime() - start) / 1_000_000,
          evaluator.model(),
          prompt.version());
    }
    LlmOutcome<T> outcome = evaluator.evaluate(prompt, parser);
    if (outcome.isOk()) {
      store(task, contentHash, outcome, parser);
    }
    return outcome;
  }

  private <T> Optional<T> lookUp(
      String task, String contentHash, Prompt prompt, AnswerParser<T> parser) {
    Optional<AnswerCache.Entry> entry;
    try {
      entry = cache.get(task, evaluator.model(), prompt.version(), contentHash);
    } catch (Exception e) {
      LOG.warn("LLM answer cache look-up failed for {} {}; asking the model: {}",
          task, contentHash, e.toString());
      return Optional.empty();
    }
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.parse(entry.get().answerJson()));
    } catch (LlmAnswerException | RuntimeException e) {
      LOG.warn("cached LLM answer for {} {} {} is not accepted any more; asking the model: {}",
          task, prompt.version(), contentHash, e.getMessage());
      return Optional.empty();
    }
  }

  private <T> void store(
      String task, String contentHash, LlmOutcome<T> outcome, AnswerParser<T> parser) {
    Optional<String> json = AnswerJson.write(outcome.answer(), parser);
    if (json.isEmpty()) {
      LOG.warn("LLM answer for {} {} does not round-trip through JSON; not cached",
          task, contentHash);
      return;
    }
    try {
      cache.put(task, outcome.model(), outcome.promptVersion(), contentHash,
          new AnswerCache.Entry(
              json.get(), outcome.inputTokens(), outcome.outputTokens(), outcome.latencyMs()));
    } catch (Exception e) {
      LOG.warn("LLM answer for {} {} could not be cached: {}", task, contentHash, e.toString());
    }
  }
}
