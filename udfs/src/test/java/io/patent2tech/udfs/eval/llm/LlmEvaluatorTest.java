package io.patent2tech.udfs.eval.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The evaluator's control flow against an in-process stand-in model that answers from a script. */
class LlmEvaluatorTest {

  private static final String VALID =
      "{\"is_novel\": false, \"confidence\": 0.7, \"reasoning\": \"same as D1\","
          + " \"key_differences\": []}";
  private static final Prompt PROMPT =
      PromptTemplates.novelty(PromptLanguage.EN, "A device.", List.of(), List.of());

  /** Answers each call with the next scripted step and records the prompts it was sent. */
  private static final class ScriptedModel implements ChatCall {
    final Deque<Object> steps = new ArrayDeque<>();
    final List<Prompt> sent = new ArrayList<>();

    ScriptedModel(Object... steps) {
      this.steps.addAll(List.of(steps));
    }

    @Override
    public ChatReply complete(Prompt prompt) throws Exception {
      sent.add(prompt);
      Object step = steps.removeFirst();
      if (step instanceof Exception e) {
        throw e;
      }
      return (ChatReply) step;
    }
  }

  @Test
  void validAnswerOnTheFirstCall() {
    ScriptedModel model = new ScriptedModel(new ChatReply(VALID, 120, 30));
    LlmOutcome<NoveltyAnswer> out =
        new LlmEvaluator(model, "m1").evaluate(PROMPT, LlmAnswers::parseNovelty);

    assertThat(out.status()).isEqualTo(LlmStatus.OK);
    assertThat(out.isOk()).isTrue();
    assertThat(out.answer().isNovel()).isFalse();
    assertThat(out.answer().confidence()).isEqualTo(0.7);
    assertThat(out.failureReason()).isNull();
    assertThat(out.attempts()).isEqualTo(1);
    assertThat(out.inputTokens()).isEqualTo(120);
    assertThat(out.outputTokens()).isEqualTo(30);
    assertThat(out.model()).isEqualTo("m1");
    assertThat(out.promptVersion()).isEqualTo("novelty-v1");
    assertThat(out.latencyMs()).isGreaterThanOrEqualTo(0);
    assertThat(model.sent).containsExactly(PROMPT);
  }

  @Test
  void invalidAnswerGetsOneRepairRetryWithTheReason() {
    ScriptedModel model =
        new ScriptedModel(
            new ChatReply("{\"is_novel\": false}", 100, 5), new ChatReply(VALID, 110, 30));
    LlmOutcome<NoveltyAnswer> out =
        new LlmEvaluator(model, "m1").evaluate(PROMPT, LlmAnswers::parseNovelty);

    assertThat(out.status()).isEqualTo(LlmStatus.OK);
    assertThat(out.attempts()).isEqualTo(2);
    assertThat(out.inputTokens()).isEqualTo(210);
    assertThat(out.outputTokens()).isEqualTo(35);
    Prompt repair = model.sent.get(1);
    assertThat(repair.system()).isEqualTo(PROMPT.system());
    assertThat(repair.user())
        .startsWith(PROMPT.user())
        .contains(
            "Your previous answer was not valid JSON for this schema: missing field(s)"
                + " 'confidence', 'reasoning', 'key_differences'");
  }

  @Test
  void invalidTwiceIsARecordedInvalidAnswer() {
    ScriptedModel model =
        new ScriptedModel(
            new ChatReply("Sure, it is novel.", null, null),
            new ChatReply("Still prose.", null, null));
    LlmOutcome<NoveltyAnswer> out =
        new LlmEvaluator(model, "m1").evaluate(PROMPT, LlmAnswers::parseNovelty);

    assertThat(out.status()).isEqualTo(LlmStatus.INVALID_ANSWER);
    assertThat(out.status().wireName()).isEqualTo("invalid_answer");
    assertThat(out.answer()).isNull();
    assertThat(out.attempts()).isEqualTo(2);
    assertThat(out.failureReason())
        .startsWith("invalid answer after the repair retry: the answer is not JSON: ")
        .endsWith("(answer began: \"Still prose.\")");
    assertThat(out.inputTokens()).isNull();
    assertThat(out.outputTokens()).isNull();
    assertThat(model.steps).isEmpty();
  }

  @Test
  void timeoutsAreTimeoutsWhereverTheyAreInTheCauseChain() {
    for (Exception e :
        List.of(
            new TimeoutException("no answer in 30 s"),
            new RuntimeException("wrapped", new SocketTimeoutException("read timed out")),
            new RuntimeException(new java.net.http.HttpTimeoutException("request timed out")))) {
      LlmOutcome<NoveltyAnswer> out =
          new LlmEvaluator(new ScriptedModel(e), "m1").evaluate(PROMPT, LlmAnswers::parseNovelty);
      assertThat(out.status()).as(e.toString()).isEqualTo(LlmStatus.TIMEOUT);
      assertThat(out.attempts()).isEqualTo(1);
    }
  }

  @Test
  void otherFailuresAreRecordedErrors() {
    LlmOutcome<NoveltyAnswer> out =
        new LlmEvaluator(new ScriptedModel(new IOException("Connection refused")), "m1")
            .evaluate(PROMPT, LlmAnswers::parseNovelty);
    assertThat(out.status()).isEqualTo(LlmStatus.ERROR);
    assertThat(out.failureReason()).isEqualTo("IOException: Connection refused");

    // a failure on the repair call keeps the tokens of the first call
    ScriptedModel model =
        new ScriptedModel(
            new ChatReply("nope", 50, 2), new IllegalStateException("HTTP 500 from provider"));
    out = new LlmEvaluator(model, "m1").evaluate(PROMPT, LlmAnswers::parseNovelty);
    assertThat(out.status()).isEqualTo(LlmStatus.ERROR);
    assertThat(out.attempts()).isEqualTo(2);
    assertThat(out.inputTokens()).isEqualTo(50);
    assertThat(out.failureReason()).isEqualTo("IllegalStateException: HTTP 500 from provider");

    out = new LlmEvaluator(prompt -> null, "m1").evaluate(PROMPT, LlmAnswers::parseNovelty);
    assertThat(out.status()).isEqualTo(LlmStatus.ERROR);
    assertThat(out.failureReason()).isEqualTo("the model client returned no reply");
  }

  @Test
  void longReasonsAreCut() {
    LlmOutcome<NoveltyAnswer> out =
        new LlmEvaluator(new ScriptedModel(new RuntimeException("x".repeat(5000))), "m1")
            .evaluate(PROMPT, LlmAnswers::parseNovelty);
    assertThat(out.failureReason()).hasSize(503).endsWith("...");
  }

  @Test
  void interruptionIsRecordedAndTheFlagKept() {
    LlmOutcome<NoveltyAnswer> out =
        new LlmEvaluator(new ScriptedModel(new InterruptedException()), "m1")
            .evaluate(PROMPT, LlmAnswers::parseNovelty);
    try {
      assertThat(out.status()).isEqualTo(LlmStatus.ERROR);
      assertThat(out.failureReason()).isEqualTo("interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void analysisAndInventiveStepGoThroughTheSameMachinery() {
    Prompt analysis = PromptTemplates.analysis(PromptLanguage.KO, "제목", "요약", "청구항");
    ScriptedModel model =
        new ScriptedModel(
            new ChatReply(
                "```json\n"
                    + "{\"core_concepts\": [\"a\"], \"implementation_feasibility\": \"b\","
                    + " \"related_fields\": [], \"commercial_applications\": [],"
                    + " \"implementation_outline\": [\"c\"]}\n"
                    + "```",
                10,
                10));
    LlmOutcome<TechnologyAnalysis> out =
        new LlmEvaluator(model, "m1").evaluate(analysis, LlmAnswers::parseAnalysis);
    assertThat(out.status()).isEqualTo(LlmStatus.OK);
    assertThat(out.answer().implementationOutline()).containsExactly("c");
    assertThat(out.promptVersion()).isEqualTo("analysis-v1");

    Prompt inventive = PromptTemplates.inventiveStep(PromptLanguage.EN, "A device.", List.of());
    LlmOutcome<InventiveStepAnswer> step =
        new LlmEvaluator(
                new ScriptedModel(
                    new ChatReply(
                        "{\"has_inventive_step\": true, \"confidence\": 0.4, \"reasoning\": \"r\"}",
                        1,
                        1)),
                "m1")
            .evaluate(inventive, LlmAnswers::parseInventiveStep);
    assertThat(step.answer().hasInventiveStep()).isTrue();
    assertThat(step.promptVersion()).isEqualTo("inventive-step-v1");
  }
}
