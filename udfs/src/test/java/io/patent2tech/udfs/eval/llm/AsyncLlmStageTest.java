package io.patent2tech.udfs.eval.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.streaming.api.datastream.AsyncDataStream.OutputMode;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LLM stage as Flink's async operator in its test harness, with model and cache in memory. */
class AsyncLlmStageTest {

  private static final String VALID = "{\"is_novel\": false, \"confidence\": 0.8, \"reasoning\":"
      + " \"shown\", \"key_differences\": []}";

  /** The scripted models of the running test, reached from the serializable factory. */
  private static volatile ChatCall model;

  private final InMemoryAnswerCache cache = new InMemoryAnswerCache();
  private final AtomicInteger asked = new AtomicInteger();
  private OneInputStreamOperatorTestHarness<String, String> harness;

  @AfterEach
  void close() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void eachInputsQuestionsAreAskedAndTheirOutcomesMergedAndCached() throws Exception {
    model = prompt -> {
      asked.incrementAndGet();
      return new ChatReply(VALID, 10, 5);
    };
    open(60_000, 1); // one thread: the second input is asked after the first is cached

    harness.processElement("a:h1", 1);
    harness.processElement("b:h1", 2);
    harness.endInput();

    assertThat(harness.extractOutputValues())
        .containsExactlyInAnyOrder("a|ok|false|1", "b|ok|true|0");
    assertThat(asked).as("the second input is served from the cache").hasValue(1);
    assertThat(cache.entries).hasSize(1);
  }

  @Test
  void anInputPastTheStageTimeoutIsMergedAsTimedOut() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    model = prompt -> {
      never.await();
      return new ChatReply(VALID, 10, 5);
    };
    open(500, 2);

    harness.processElement("slow:h2", 1);
    harness.setProcessingTime(1_000);
    harness.endInput();

    assertThat(harness.extractOutputValues()).containsExactly("slow|timeout|false|0");
    never.countDown();
  }

  @Test
  void theCacheIsClosedWithTheStage() throws Exception {
    model = prompt -> new ChatReply(VALID, 10, 5);
    open(60_000, 2);
    harness.close();
    harness = null;
    assertThat(cache.closed).isTrue();
  }

  private void open(long timeoutMs, int maxInFlight) throws Exception {
    AsyncLlmStage<String, String> stage = new AsyncLlmStage<>(
        () -> prompt -> model.complete(prompt), "m1", cache.factory(), maxInFlight, timeoutMs,
        AsyncLlmStageTest::noveltyQuestion, AsyncLlmStageTest::describe, Types.STRING);
    harness = new OneInputStreamOperatorTestHarness<>(
        new AsyncWaitOperatorFactory<>(stage, timeoutMs, maxInFlight, OutputMode.UNORDERED),
        Types.STRING.createSerializer(new ExecutionConfig()));
    harness.open();
  }

  private static List<LlmRequest<?>> noveltyQuestion(String input) {
    String hash = input.substring(input.indexOf(':') + 1);
    return List.of(new LlmRequest<>(PromptTemplates.NOVELTY, hash,
        PromptTemplates.novelty(PromptLanguage.EN, "A lid with a latch.", List.of(), List.of()),
        LlmAnswers::parseNovelty));
  }

  private static String describe(String input, List<LlmOutcome<?>> outcomes) {
    LlmOutcome<?> o = outcomes.get(0);
    return input.substring(0, input.indexOf(':')) + "|" + o.status().wireName() + "|"
        + o.cached() + "|" + o.attempts();
  }
}
