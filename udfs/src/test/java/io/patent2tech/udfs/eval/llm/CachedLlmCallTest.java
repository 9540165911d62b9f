package io.patent2tech.udfs.eval.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The answer cache in front of the model, both in memory. */
class CachedLlmCallTest {

  private static final String TASK = PromptTemplates.INVENTIVE_STEP;
  private static final Prompt PROMPT =
      PromptTemplates.inventiveStep(PromptLanguage.EN, "A lid with a latch.", List.of());
  private static final String VALID =
      "{\"has_inventive_step\": true, \"confidence\": 0.7, \"reasoning\": \"not obvious\"}";
  private static final InventiveStepAnswer EXPECTED =
      new InventiveStepAnswer(true, 0.7, "not obvious");

  private final InMemoryAnswerCache cache = new InMemoryAnswerCache();
  private final AtomicInteger asked = new AtomicInteger();

  @Test
  void aValidAnswerIsStoredUnderItsKeyAndServedWithoutAskingAgain() {
    CachedLlmCall call = new CachedLlmCall(answering(VALID), "m1", cache);

    LlmOutcome<InventiveStepAnswer> first =
        call.call(TASK, "h1", PROMPT, LlmAnswers::parseInventiveStep);
    LlmOutcome<InventiveStepAnswer> second =
        call.call(TASK, "h1", PROMPT, LlmAnswers::parseInventiveStep);

    assertThat(first.cached()).isFalse();
    assertThat(second.cached()).isTrue();
    assertThat(second.answer()).isEqualTo(EXPECTED);
    assertThat(asked).hasValue(1);
    assertThat(cache.entries).containsOnlyKeys(
        InMemoryAnswerCache.key(TASK, "m1", PROMPT.version(), "h1"));
  }

  @Test
  void aCachedAnswerTheParserNoLongerAcceptsIsAMiss() {
    cache.entries.put(InMemoryAnswerCache.key(TASK, "m1", PROMPT.version(), "h1"),
        new AnswerCache.Entry("{\"stale\": 1}", null, null, 5));
    CachedLlmCall call = new CachedLlmCall(answering(VALID), "m1", cache);

    LlmOutcome<InventiveStepAnswer> outcome =
        call.call(TASK, "h1", PROMPT, LlmAnswers::parseInventiveStep);

    assertThat(outcome.cached()).isFalse();
    assertThat(outcome.answer()).isEqualTo(EXPECTED);
    assertThat(asked).hasValue(1);
  }

  @Test
  void aFailingCacheIsAMissAndTheAnswerStillComesBack() {
    cache.failing = true;
    CachedLlmCall call = new CachedLlmCall(answering(VALID), "m1", cache);

    LlmOutcome<InventiveStepAnswer> outcome =
        call.call(TASK, "h1", PROMPT, LlmAnswers::parseInventiveStep);

    assertThat(outcome.isOk()).isTrue();
    assertThat(outcome.cached()).isFalse();
    assertThat(asked).hasValue(1);
  }

  @Test
  void anInvalidAnswerIsNeverStored() {
    CachedLlmCall call = new CachedLlmCall(answering("not json"), "m1", cache);

    LlmOutcome<InventiveStepAnswer> outcome =
        call.call(TASK, "h1", PROMPT, LlmAnswers::parseInventiveStep);

    assertThat(outcome.status()).isEqualTo(LlmStatus.INVALID_ANSWER);
    assertThat(cache.entries).isEmpty();
  }

  private ChatCall answering(String text) {
    return prompt -> {
      asked.incrementAndGet();
      return new ChatReply(text, 100, 20);
    };
  }
}
