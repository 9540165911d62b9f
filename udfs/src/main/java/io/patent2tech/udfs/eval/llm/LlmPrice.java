package io.patent2tech.udfs.eval.llm;

import java.io.Serializable;

/**
 * What the chat model's provider bills, in US dollars per million tokens, prompt and completion
 * apart (settings llm.input-price and llm.output-price). The pipeline keeps no price list: a
 * provider's prices change and a self-hosted model has none, so the operator states them; zero for
 * both means "not known" and no cost is counted.
 */
public record LlmPrice(double inputPerMillion, double outputPerMillion) implements Serializable {

  /** No price given: tokens are counted, cost is not. */
  public static final LlmPrice UNKNOWN = new LlmPrice(0, 0);

  public LlmPrice {
    if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0)
        || Double.isInfinite(inputPerMillion) || Double.isInfinite(outputPerMillion)) {
      throw new IllegalArgumentException("LLM prices are dollars per million tokens, zero or more; got "
          + inputPerMillion + " and " + outputPerMillion);
    }
  }

  public boolean known() {
    return inputPerMillion > 0 || outputPerMillion > 0;
  }

  /**
   * The cost of one call in micro-dollars (a metric counter counts whole numbers: 1 USD = 1,000,000),
   * rounded to the nearest; {@code null} token counts (a provider that reports none) cost nothing.
   */
  public long microUsd(Integer inputTokens, Integer outputTokens) {
    // dollars per million tokens x tokens = micro-dollars
    double micro = (inputTokens == null ? 0 : inputTokens * inputPerMillion)
        + (outputTokens == null ? 0 : outputTokens * outputPerMillion);
    return Math.round(micro);
  }
}
