package io.patent2tech.udfs.eval.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LlmOutcomeTest {

  private static final InventiveStepAnswer ANSWER =
      new InventiveStepAnswer(true, 0.7, "not obvious");

  @Test
  void aCachedAnswerIsOkWithoutModelCallsOrTokens() {
    LlmOutcome<InventiveStepAnswer> outcome =
        LlmOutcome.fromCache(ANSWER, 3, "gpt-4o-mini", "inventive-step-v1");

    assertThat(outcome.isOk()).isTrue();
    assertThat(outcome.cached()).isTrue();
    assertThat(outcome.answer()).isEqualTo(ANSWER);
    assertThat(outcome.attempts()).isZero();
    assertThat(outcome.latencyMs()).isEqualTo(3);
    assertThat(outcome.inputTokens()).isNull();
    assertThat(outcome.outputTokens()).isNull();
    assertThat(outcome.model()).isEqualTo("gpt-4o-mini");
    assertThat(outcome.promptVersion()).isEqualTo("inventive-step-v1");
  }

  @Test
  void anAnswerFromTheModelIsNotCached() {
    LlmOutcome<InventiveStepAnswer> asked =
        new LlmOutcome<>(LlmStatus.OK, ANSWER, null, 1, 800, 120, 30, "m", "inventive-step-v1");
    LlmOutcome<InventiveStepAnswer> failed =
        new LlmOutcome<>(LlmStatus.TIMEOUT, null, "late", 0, 800, null, null, "m", "v");

    assertThat(asked.cached()).isFalse();
    assertThat(failed.cached()).isFalse();
  }

  @Test
  void aCachedOutcomeNeedsAnAnswer() {
    assertThatThrownBy(() -> LlmOutcome.fromCache(null, 1, "m", "v"))
        .isInstanceOf(NullPointerException.class);
  }
}
