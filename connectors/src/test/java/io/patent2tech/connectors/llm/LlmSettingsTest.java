package io.patent2tech.connectors.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

  @Test
  void defaultsAreTheSeeds() {
    LlmSettings s = LlmSettings.of(LlmProvider.OLLAMA, "http://localhost:11434", "mistral");
    assertThat(s.temperature()).isEqualTo(0.3);
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.maxRetries()).isEqualTo(3);
    assertThat(s.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.requestsPerSecond()).isEqualTo(10);
    assertThat(s.maxOutputTokens()).isEqualTo(2000);
    assertThat(s.apiKey()).isNull();
  }

  @Test
  void withersChangeOneSetting() {
    LlmSettings s =
        LlmSettings.of(LlmProvider.OPENAI, " http://vllm:8000/v1 ", "qwen")
            .withApiKey("k")
            .withTemperature(0)
            .withTimeout(Duration.ofSeconds(5))
            .withRetries(1, Duration.ofMillis(10))
            .withRequestsPerSecond(2.5)
            .withMaxOutputTokens(512);
    assertThat(s)
        .isEqualTo(
            new LlmSettings(
                LlmProvider.OPENAI,
                "http://vllm:8000/v1",
                "qwen",
                "k",
                0,
                Duration.ofSeconds(5),
                1,
                Duration.ofMillis(10),
                2.5,
                512));
    assertThat(s.withApiKey(" ").apiKey()).isNull();
  }

  @Test
  void badSettingsAreClearErrors() {
    LlmSettings ok = LlmSettings.of(LlmProvider.OPENAI, "https://api.openai.com/v1", "gpt-4o-mini");
    assertThatThrownBy(() -> LlmSettings.of(LlmProvider.OPENAI, "localhost:8000", "m"))
        .hasMessage("LLM base URL 'localhost:8000' must be http(s)://host...");
    assertThatThrownBy(() -> LlmSettings.of(LlmProvider.OPENAI, "http://a b", "m"))
        .hasMessage("LLM base URL 'http://a b' is not a URL");
    assertThatThrownBy(() -> LlmSettings.of(LlmProvider.OPENAI, " ", "m"))
        .hasMessage("LLM base URL is empty");
    assertThatThrownBy(() -> LlmSettings.of(LlmProvider.OPENAI, "http://h", ""))
        .hasMessage("LLM model is empty");
    assertThatThrownBy(() -> ok.withTemperature(3))
        .hasMessage("LLM temperature must be in [0, 2], got 3.0");
    assertThatThrownBy(() -> ok.withTimeout(Duration.ZERO))
        .hasMessage("LLM timeout must be positive, got PT0S");
    assertThatThrownBy(() -> ok.withRetries(-1, Duration.ZERO))
        .hasMessage("LLM max retries must be >= 0, got -1");
    assertThatThrownBy(() -> ok.withRequestsPerSecond(0))
        .hasMessage("LLM requests per second must be a positive number, got 0.0");
    assertThatThrownBy(() -> ok.withMaxOutputTokens(0))
        .hasMessage("LLM max output tokens must be positive, got 0");
  }

  @Test
  void toStringHidesTheKey() {
    LlmSettings s = LlmSettings.of(LlmProvider.OPENAI, "https://api.openai.com/v1", "gpt-4o-mini");
    assertThat(s.withApiKey("sk-secret").toString())
        .contains("apiKey=***")
        .doesNotContain("sk-secret");
    assertThat(s.toString()).contains("apiKey=none", "model=gpt-4o-mini");
  }

  @Test
  void travelsAsJavaSerialization() throws Exception {
    LlmSettings s =
        LlmSettings.of(LlmProvider.OLLAMA, "http://localhost:11434", "mistral").withApiKey("k");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(s);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(s);
    }
  }

  @Test
  void providerNames() {
    assertThat(LlmProvider.parse("OpenAI")).isEqualTo(LlmProvider.OPENAI);
    assertThat(LlmProvider.parse(" ollama ")).isEqualTo(LlmProvider.OLLAMA);
    assertThatThrownBy(() -> LlmProvider.parse("vllm"))
        .hasMessage("unknown LLM provider 'vllm'; use openai or ollama");
    assertThat(LlmProvider.OLLAMA.defaultBaseUrl()).isEqualTo("http://localhost:11434");
  }
}
