package io.patent2tech.udfs.eval.llm;

import java.io.Serializable;
import java.util.Objects;

/**
 * A rendered prompt: what one chat call sends.
 *
 * @param id which prompt: {@code novelty}, {@code inventive_step} or {@code analysis}
 * @param version the prompt text's version ("novelty-v1"); part of any cache key, since a new text
 *     can give a different answer
 * @param language the language it is written in (the repair message uses the same)
 * @param system the system message: role, the data-not-instructions rule, JSON only
 * @param user the user message: the seed's prompt with the patent text and passages in data blocks
 */
public record Prompt(String id, String version, PromptLanguage language, String system, String user)
    implements Serializable {

  public Prompt {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(user, "user");
  }
}
