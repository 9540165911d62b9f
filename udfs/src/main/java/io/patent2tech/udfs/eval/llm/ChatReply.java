package io.patent2tech.udfs.eval.llm;

import java.util.Objects;

/**
 * A model's reply to one prompt.
 *
 * @param text the assistant message as the model wrote it
 * @param inputTokens prompt tokens as the provider counted them, null when it does not say
 * @param outputTokens completion tokens as the provider counted them, null when it does not say
 */
public record ChatReply(String text, Integer inputTokens, Integer outputTokens) {

  public ChatReply {
    Objects.requireNonNull(text, "text");
  }
}
