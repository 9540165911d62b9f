package io.patent2tech.udfs.eval.llm;

import java.util.Objects;

/**
 * One question for the model, with its cache key: see {@link CachedLlmCall#call}.
 *
 * @param task what is asked (novelty, inventive_step, analysis)
 * @param contentHash the hash of the patent content the prompt was built from
 * @param prompt the rendered prompt
 * @param parser the strict parser of its answer (for example {@code LlmAnswers::parseNovelty})
 */
public record LlmRequest<T>(
    String task, String contentHash, Prompt prompt, AnswerParser<T> parser) {

  public LlmRequest {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(parser, "parser");
  }
}
