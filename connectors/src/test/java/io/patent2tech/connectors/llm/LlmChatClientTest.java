package io.patent2tech.connectors.llm;

import static io.patent2tech.connectors.llm.ReplayLlmServer.answer;
import static io.patent2tech.connectors.llm.ReplayLlmServer.slow;
import static io.patent2tech.connectors.llm.ReplayLlmServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.patent2tech.connectors.llm.ReplayLlmServer.Recorded;
import io.patent2tech.udfs.eval.llm.LlmAnswers;
import io.patent2tech.udfs.eval.llm.LlmEvaluator;
import io.patent2tech.udfs.eval.llm.LlmOutcome;
import io.patent2tech.udfs.eval.llm.LlmStatus;
import io.patent2tech.udfs.eval.llm.NoveltyAnswer;
import io.patent2tech.udfs.eval.llm.Passage;
import io.patent2tech.udfs.eval.llm.Prompt;
import io.patent2tech.udfs.eval.llm.PromptLanguage;
import io.patent2tech.udfs.eval.llm.PromptTemplates;
import io.patent2tech.udfs.eval.llm.TechnologyAnalysis;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real langchain4j clients, through the connector, against the local replay server. */
class LlmChatClientTest {

  static final String VALID =
      "{\"is_novel\": true, \"confidence\": 0.8, \"reasoning\": \"D1 has no OLED layer.\","
          + " \"key_differences\": [\"OLED layer\"]}";
  static final Prompt NOVELTY =
      PromptTemplates.novelty(
          PromptLanguage.EN,
          "A display device comprising an OLED panel.",
          List.of(new Passage("US-8930553-B2", "A display device with an LCD panel.")),
          List.of());

  private ReplayLlmServer server;

  @BeforeEach
  void start() throws Exception {
    server = new ReplayLlmServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private LlmSettings openAi() {
    return LlmSettings.of(LlmProvider.OPENAI, server.openAiBaseUrl(), "replay-gpt")
        .withTimeout(Duration.ofSeconds(5))
        .withRetries(3, Duration.ofMillis(100))
        .withRequestsPerSecond(1000);
  }

  private LlmSettings ollama() {
    return LlmSettings.of(LlmProvider.OLLAMA, server.ollamaBaseUrl(), "replay-mistral")
        .withTimeout(Duration.ofSeconds(5))
        .withRetries(3, Duration.ofMillis(100))
        .withRequestsPerSecond(1000);
  }

  private static LlmOutcome<NoveltyAnswer> novelty(LlmSettings settings) {
    LlmChatClient client = LlmChatClient.create(settings);
    return new LlmEvaluator(client, settings.model()).evaluate(NOVELTY, LlmAnswers::parseNovelty);
  }

  @Test
  void openAiValidAnswer() {
    server.script(answer(VALID));
    LlmOutcome<NoveltyAnswer> out = novelty(openAi().withApiKey("sk-test"));

    assertThat(out.status()).isEqualTo(LlmStatus.OK);
    assertThat(out.answer())
        .isEqualTo(new NoveltyAnswer(true, 0.8, "D1 has no OLED layer.", List.of("OLED layer")));
    assertThat(out.attempts()).isEqualTo(1);
    assertThat(out.inputTokens()).isEqualTo(120);
    assertThat(out.outputTokens()).isEqualTo(30);
    assertThat(out.model()).isEqualTo("replay-gpt");
    assertThat(out.promptVersion()).isEqualTo("novelty-v1");

    Recorded r = server.requests().get(0);
    assertThat(r.path()).isEqualTo("/v1/chat/completions");
    assertThat(r.authorization()).isEqualTo("Bearer sk-test");
    JsonNode body = r.body();
    assertThat(body.path("model").asText()).isEqualTo("replay-gpt");
    assertThat(body.path("temperature").asDouble()).isEqualTo(0.3);
    assertThat(body.path("max_tokens").asInt()).isEqualTo(2000);
    assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
    assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo(NOVELTY.system());
    assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
    assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo(NOVELTY.user());
  }

  @Test
  void ollamaValidAnswer() {
    server.script(new ReplayLlmServer.Answer(VALID, 200, 40, Duration.ZERO));
    LlmOutcome<NoveltyAnswer> out = novelty(ollama());

    assertThat(out.status()).isEqualTo(LlmStatus.OK);
    assertThat(out.answer().keyDifferences()).containsExactly("OLED layer");
    assertThat(out.inputTokens()).isEqualTo(200);
    assertThat(out.outputTokens()).isEqualTo(40);
    assertThat(out.model()).isEqualTo("replay-mistral");

    Recorded r = server.requests().get(0);
    assertThat(r.path()).isEqualTo("/api/chat");
    assertThat(r.authorization()).isNull();
    JsonNode body = r.body();
    assertThat(body.path("model").asText()).isEqualTo("replay-mistral");
    assertThat(body.path("stream").asBoolean(true)).isFalse();
    assertThat(body.path("format").asText()).isEqualTo("json");
    assertThat(body.path("options").path("temperature").asDouble()).isEqualTo(0.3);
    assertThat(body.path("options").path("num_predict").asInt()).isEqualTo(2000);
    assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo(NOVELTY.system());
    assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo(NOVELTY.user());
  }

  @Test
  void koreanAnalysisThroughOllama() {
    server.script(
        answer(
            "{\"core_concepts\": [\"유기발광 표시\"], \"implementation_feasibility\": \"높음\","
                + " \"related_fields\": [\"디스플레이\"], \"commercial_applications\": [\"스마트폰\"],"
                + " \"implementation_outline\": [\"패널 설계\", \"구동 회로\"]}"));
    LlmSettings settings = ollama();
    Prompt prompt = PromptTemplates.analysis(PromptLanguage.KO, "표시 장치", "유기발광 표시 장치.", "청구항 1");
    LlmOutcome<TechnologyAnalysis> out =
        new LlmEvaluator(LlmChatClient.create(settings), settings.model())
            .evaluate(prompt, LlmAnswers::parseAnalysis);

    assertThat(out.status()).isEqualTo(LlmStatus.OK);
    assertThat(out.answer().implementationOutline()).containsExactly("패널 설계", "구동 회로");
    assertThat(server.requests().get(0).body().path("messages").get(1).path("content").asText())
        .startsWith("다음 특허 문서를 분석해주세요.");
  }

  @Test
  void malformedJsonGetsOneRepairRetry() {
    server.script(answer("{\"is_novel\": true, \"confidence\": 0.8,"), answer(VALID));
    LlmOutcome<NoveltyAnswer> out = novelty(openAi());

    assertThat(out.status()).isEqualTo(LlmStatus.OK);
    assertThat(out.attempts()).isEqualTo(2);
    assertThat(out.inputTokens()).isEqualTo(240);
    assertThat(server.requestCount()).isEqualTo(2);
    String repair =
        server.requests().get(1).body().path("messages").get(1).path("content").asText();
    assertThat(repair)
        .startsWith(NOVELTY.user())
        .contains(
            "Your previous answer was not valid JSON for this schema: the answer is not JSON");
  }

  @Test
  void malformedTwiceIsARecordedInvalidAnswer() {
    server.otherwise(answer("Sure! The claim is novel."));
    LlmOutcome<NoveltyAnswer> out = novelty(ollama());

    assertThat(out.status()).isEqualTo(LlmStatus.INVALID_ANSWER);
    assertThat(out.answer()).isNull();
    assertThat(out.attempts()).isEqualTo(2);
    assertThat(out.failureReason()).contains("answer began: \"Sure! The claim is novel.\"");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void slowAnswerIsARecordedTimeout() {
    server.otherwise(slow(Duration.ofSeconds(3), VALID));
    LlmSettings settings =
        ollama().withTimeout(Duration.ofMillis(300)).withRetries(1, Duration.ofMillis(50));
    LlmOutcome<NoveltyAnswer> out = novelty(settings);

    assertThat(out.status()).isEqualTo(LlmStatus.TIMEOUT);
    assertThat(out.failureReason()).contains("within PT0.3S (2 attempt(s))");
    assertThat(out.attempts()).isEqualTo(1);
    // one retry after the first timeout, then the timeout is recorded
    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(out.latencyMs()).isBetween(600L, 2500L);
  }

  @Test
  void rateLimitedThenSuccessWaitsForRetryAfter() {
    server.script(status(429, "1"), answer(VALID));
    LlmOutcome<NoveltyAnswer> out = novelty(openAi());

    assertThat(out.status()).isEqualTo(LlmStatus.OK);
    assertThat(out.attempts()).isEqualTo(1);
    List<Recorded> r = server.requests();
    assertThat(r).hasSize(2);
    // Retry-After: 1 (s) wins over the 100 ms back-off
    assertThat(millisBetween(r.get(0), r.get(1))).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void rateLimitedWithoutRetryAfterBacksOffExponentially() {
    server.script(status(429), status(429), answer(VALID));
    LlmOutcome<NoveltyAnswer> out = novelty(openAi());

    assertThat(out.status()).isEqualTo(LlmStatus.OK);
    List<Recorded> r = server.requests();
    assertThat(r).hasSize(3);
    assertThat(millisBetween(r.get(0), r.get(1))).isBetween(100L, 1000L);
    assertThat(millisBetween(r.get(1), r.get(2))).isBetween(200L, 1100L);
  }

  @Test
  void serverErrorsThenSuccess() {
    server.script(status(500), status(503), answer(VALID));
    LlmOutcome<NoveltyAnswer> out = novelty(ollama());

    assertThat(out.status()).isEqualTo(LlmStatus.OK);
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void retriesRunOutIntoARecordedError() {
    server.otherwise(status(429));
    LlmSettings settings = openAi().withRetries(2, Duration.ofMillis(20));
    LlmOutcome<NoveltyAnswer> out = novelty(settings);

    assertThat(out.status()).isEqualTo(LlmStatus.ERROR);
    assertThat(out.failureReason())
        .startsWith(
            "RateLimitException: HTTP 429 from "
                + server.openAiBaseUrl()
                + "/chat/completions"
                + " (3 attempt(s)): ");
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void clientErrorsAndOverlongRetryAfterAreNotRetried() {
    server.script(status(400));
    assertThat(novelty(openAi()).status()).isEqualTo(LlmStatus.ERROR);
    assertThat(server.requestCount()).isEqualTo(1);

    server.script(status(429, "3600"));
    LlmOutcome<NoveltyAnswer> out = novelty(openAi());
    assertThat(out.status()).isEqualTo(LlmStatus.ERROR);
    assertThat(out.failureReason()).contains("Retry-After PT1H is too long");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void unreachableServerIsARecordedError() {
    LlmSettings settings =
        LlmSettings.of(LlmProvider.OPENAI, server.openAiBaseUrl(), "replay-gpt")
            .withTimeout(Duration.ofSeconds(2))
            .withRetries(0, Duration.ZERO);
    server.close();
    LlmOutcome<NoveltyAnswer> out = novelty(settings);
    assertThat(out.status()).isEqualTo(LlmStatus.ERROR);
    assertThat(out.failureReason()).contains("cannot reach " + server.openAiBaseUrl());
  }

  static long millisBetween(Recorded a, Recorded b) {
    return (b.arrivalNanos() - a.arrivalNanos()) / 1_000_000;
  }
}
