package io.patent2tech.jobs.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.connectors.postgres.LlmAnswerCache;
import io.patent2tech.connectors.postgres.PostgresSettings;
import io.patent2tech.jobs.LocalStack;
import io.patent2tech.udfs.eval.llm.AnswerCache;
import io.patent2tech.udfs.eval.llm.CachedLlmCall;
import io.patent2tech.udfs.eval.llm.ChatCall;
import io.patent2tech.udfs.eval.llm.ChatReply;
import io.patent2tech.udfs.eval.llm.InventiveStepAnswer;
import io.patent2tech.udfs.eval.llm.LlmAnswers;
import io.patent2tech.udfs.eval.llm.LlmOutcome;
import io.patent2tech.udfs.eval.llm.LlmStatus;
import io.patent2tech.udfs.eval.llm.Prompt;
import io.patent2tech.udfs.eval.llm.PromptLanguage;
import io.patent2tech.udfs.eval.llm.PromptTemplates;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CachedLlmCall} against the answer cache in a throw-away schema of the stack's PostgreSQL,
 * with a scripted {@link ChatCall} that counts how often the model is asked.
 */
class CachedLlmCallIT {

  private static final String SCHEMA =
      "p2t_it_cache_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private static final String TASK = PromptTemplates.INVENTIVE_STEP;
  private static final Prompt PROMPT =
      PromptTemplates.inventiveStep(PromptLanguage.EN, "A lid with a latch.", List.of());
  private static final String VALID =
      "```json\n{\"has_inventive_step\": true, \"confidence\": 0.7, \"reasoning\": \" not obvious \"}\n```";

  private static PostgresSettings postgres;

  @BeforeAll
  static void createSchema() throws Exception {
    postgres = LocalStack.migratedSchema(SCHEMA);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    LocalStack.dropSchema(SCHEMA);
  }

  @Test
  void aValidAnswerIsStoredAsItsSchemaAndServedWithoutAskingAgain() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    try (LlmAnswerCache cache = new LlmAnswerCache(postgres)) {
      CachedLlmCall call = new CachedLlmCall(answering(asked, VALID), "m1", cache);

      LlmOutcome<InventiveStepAnswer> first =
          call.call(TASK, "hash-valid", PROMPT, LlmAnswers::parseInventiveStep);
      LlmOutcome<InventiveStepAnswer> second =
          call.call(TASK, "hash-valid", PROMPT, LlmAnswers::parseInventiveStep);

      InventiveStepAnswer expected = new InventiveStepAnswer(true, 0.7, "not obvious");
      assertThat(first.answer()).isEqualTo(expected);
      assertThat(first.cached()).isFalse();
      assertThat(first.inputTokens()).isEqualTo(100);
      assertThat(second.answer()).isEqualTo(expected);
      assertThat(second.cached()).isTrue();
      assertThat(second.model()).isEqualTo("m1");
      assertThat(second.promptVersion()).isEqualTo(PROMPT.version());
      assertThat(asked).hasValue(1);
      Optional<AnswerCache.Entry> stored =
          cache.get(TASK, "m1", PROMPT.version(), "hash-valid");
      assertThat(stored).isPresent();
      assertThat(LlmAnswers.parseInventiveStep(stored.get().answerJson())).isEqualTo(expected);
      assertThat(stored.get().promptTokens()).isEqualTo(100);
      assertThat(stored.get().completionTokens()).isEqualTo(20);
    }
  }

  @Test
  void anotherModelIsAskedItself() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    try (LlmAnswerCache cache = new LlmAnswerCache(postgres)) {
      new CachedLlmCall(answering(asked, VALID), "m-a", cache)
          .call(TASK, "hash-model", PROMPT, LlmAnswers::parseInventiveStep);
      LlmOutcome<InventiveStepAnswer> other =
          new CachedLlmCall(answering(asked, VALID), "m-b", cache)
              .call(TASK, "hash-model", PROMPT, LlmAnswers::parseInventiveStep);

      assertThat(other.cached()).isFalse();
      assertThat(asked).hasValue(2);
    }
  }

  @Test
  void anInvalidAnswerIsNotStoredSoTheNextCallAsksAgain() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    try (LlmAnswerCache cache = new LlmAnswerCache(postgres)) {
      CachedLlmCall call = new CachedLlmCall(answering(asked, "not json"), "m1", cache);

      LlmOutcome<InventiveStepAnswer> first =
          call.call(TASK, "hash-invalid", PROMPT, LlmAnswers::parseInventiveStep);
      LlmOutcome<InventiveStepAnswer> second =
          call.call(TASK, "hash-invalid", PROMPT, LlmAnswers::parseInventiveStep);

      assertThat(first.status()).isEqualTo(LlmStatus.INVALID_ANSWER);
      assertThat(second.status()).isEqualTo(LlmStatus.INVALID_ANSWER);
      assertThat(asked).as("two attempts per call, none cached").hasValue(4);
      assertThat(cache.get(TASK, "m1", PROMPT.version(), "hash-invalid")).isEmpty();
    }
  }

  @Test
  void anUnreachableCacheIsAMissNotAFailure() {
    AtomicInteger asked = new AtomicInteger();
    PostgresSettings nowhere =
        new PostgresSettings("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "u", "p");
    try (LlmAnswerCache cache = new LlmAnswerCache(nowhere)) {
      CachedLlmCall call = new CachedLlmCall(answering(asked, VALID), "m1", cache);

      LlmOutcome<InventiveStepAnswer> outcome =
          call.call(TASK, "hash-down", PROMPT, LlmAnswers::parseInventiveStep);

      assertThat(outcome.isOk()).isTrue();
      assertThat(outcome.cached()).isFalse();
      assertThat(asked).hasValue(1);
    }
  }

  private static ChatCall answering(AtomicInteger asked, String text) {
    return prompt -> {
      asked.incrementAndGet();
      return new ChatReply(text, 100, 20);
    };
  }


}
