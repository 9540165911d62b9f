package io.patent2tech.connectors.llm;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.patent2tech.connectors.CredentialFreeUrls;

/**
 * How to reach one chat model, and how hard to try. Serializable, so a Flink function can carry it
 * and build its {@link LlmChatClient} in {@code open()}.
 *
 * @param provider the wire format
 * @param baseUrl for OpenAI-compatible servers up to and including {@code /v1} ({@code
 *     http://vllm:8000/v1}); for Ollama the server root ({@code http://localhost:11434})
 * @param model the model id the server knows ("gpt-4o-mini", "mistral")
 * @param apiKey sent as {@code Authorization: Bearer ...}; null for servers without one
 * @param temperature sampling temperature; the seed's 0.3 by default (fairly deterministic)
 * @param timeout how long one HTTP request may wait for the answer; the seed's 30 s by default
 * @param maxRetries retries of one request after HTTP 429, 5xx or a timeout (0 = none)
 * @param initialBackoff wait before the first retry, doubled for each further one (capped at 30 s;
 *     a longer Retry-After from the server wins)
 * @param requestsPerSecond most requests per second to this provider from one JVM (token bucket,
 *     bursts of up to one second's worth)
 * @param maxOutputTokens most tokens one answer may have; the seed's analysis used 2000
 */
public record LlmSettings(
    LlmProvider provider,
    String baseUrl,
    String model,
    String apiKey,
    double temperature,
    Duration timeout,
    int maxRetries,
    Duration initialBackoff,
    double requestsPerSecond,
    int maxOutputTokens)
    implements Serializable {

  /** The seed's chat model: Mistral on a local Ollama. */
  public static final LlmProvider DEFAULT_PROVIDER = LlmProvider.OLLAMA;
  public static final String DEFAULT_MODEL = "mistral";
  public static final double DEFAULT_TEMPERATURE = 0.3;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_RETRIES = 3;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
  public static final double DEFAULT_REQUESTS_PER_SECOND = 10;
  public static final int DEFAULT_MAX_OUTPUT_TOKENS = 2000;

  public LlmSettings {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("LLM base URL is empty");
    }
    CredentialFreeUrls.require(baseUrl.strip(), "the LLM base URL", "llm.api-key");
    URI uri;
    try {
      uri = URI.create(baseUrl.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("LLM base URL '" + baseUrl + "' is not a URL", e);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "LLM base URL '" + baseUrl + "' must be http(s)://host...");
    }
    baseUrl = baseUrl.strip();
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("LLM model is empty");
    }
    if (apiKey != null && apiKey.isBlank()) {
      apiKey = null;
    }
    if (!(temperature >= 0 && temperature <= 2)) {
      throw new IllegalArgumentException("LLM temperature must be in [0, 2], got " + temperature);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("LLM timeout must be positive, got " + timeout);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("LLM max retries must be >= 0, got " + maxRetries);
    }
    if (initialBackoff.isNegative()) {
      throw new IllegalArgumentException("LLM initial backoff must be >= 0, got " + initialBackoff);
    }
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException(
          "LLM requests per second must be a positive number, got " + requestsPerSecond);
    }
    if (maxOutputTokens <= 0) {
      throw new IllegalArgumentException(
          "LLM max output tokens must be positive, got " + maxOutputTokens);
    }
  }

  /** {@code model} at {@code baseUrl} with every other setting at its default, no API key. */
  public static LlmSettings of(LlmProvider provider, String baseUrl, String model) {
    return new LlmSettings(
        provider,
        baseUrl,
        model,
        null,
        DEFAULT_TEMPERATURE,
        DEFAULT_TIMEOUT,
        DEFAULT_MAX_RETRIES,
        DEFAULT_INITIAL_BACKOFF,
        DEFAULT_REQUESTS_PER_SECOND,
        DEFAULT_MAX_OUTPUT_TOKENS);
  }

  public LlmSettings withApiKey(String key) {
    return new LlmSettings(
        provider,
        baseUrl,
        model,
        key,
        temperature,
        timeout,
        maxRetries,
        initialBackoff,
        requestsPerSecond,
        maxOutputTokens);
  }

  public LlmSettings withTemperature(double t) {
    return new LlmSettings(
        provider,
        baseUrl,
        model,
        apiKey,
        t,
        timeout,
        maxRetries,
        initialBackoff,
        requestsPerSecond,
        maxOutputTokens);
  }

  public LlmSettings withTimeout(Duration t) {
    return new LlmSettings(
        provider,
        baseUrl,
        model,
        apiKey,
        temperature,
        t,
        maxRetries,
        initialBackoff,
        requestsPerSecond,
        maxOutputTokens);
  }

  public LlmSettings withRetries(int retries, Duration backoff) {
    return new LlmSettings(
        provider,
        baseUrl,
        model,
        apiKey,
        temperature,
        timeout,
        retries,
        backoff,
        requestsPerSecond,
        maxOutputTokens);
  }

  public LlmSettings withRequestsPerSecond(double rps) {
    return new LlmSettings(
        provider,
        baseUrl,
        model,
        apiKey,
        temperature,
        timeout,
        maxRetries,
        initialBackoff,
        rps,
        maxOutputTokens);
  }

  public LlmSettings withMaxOutputTokens(int tokens) {
    return new LlmSettings(
        provider,
        baseUrl,
        model,
        apiKey,
        temperature,
        timeout,
        maxRetries,
        initialBackoff,
        requestsPerSecond,
        tokens);
  }

  /** Never shows the API key, so settings can be logged. */
  @Override
  public String toString() {
    return "LlmSettings[provider="
        + provider
        + ", baseUrl="
        + baseUrl
        + ", model="
        + model
        + ", apiKey="
        + (apiKey == null ? "none" : "***")
        + ", temperature="
        + temperature
        + ", timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + ", initialBackoff="
        + initialBackoff
        + ", requestsPerSecond="
        + requestsPerSecond
        + ", maxOutputTokens="
        + maxOutputTokens
        + "]";
  }
}
