package io.patent2tech.connectors.embed;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import io.patent2tech.connectors.CredentialFreeUrls;

/**
 * A remote embedding model, chosen by configuration instead of the in-process default.
 *
 * @param provider {@link Provider#OPENAI} for any OpenAI-compatible {@code /v1/embeddings} server
 *     (OpenAI, vLLM, LocalAI, ...), {@link Provider#OLLAMA} for Ollama's {@code /api/embed}
 * @param baseUrl for OpenAI-compatible servers up to and including {@code /v1}
 *     ({@code https://api.openai.com/v1}); for Ollama the server root ({@code http://localhost:11434})
 * @param model the provider's model name, e.g. {@code text-embedding-3-small}, {@code bge-m3}
 * @param apiKey sent as a bearer token; null for servers without authentication
 * @param dimension length of the model's vectors; every answer is checked against it, and the
 *     Elasticsearch {@code dense_vector} fields must have it too
 * @param timeout per HTTP request
 * @param maxRetries further attempts after a failed request (langchain4j backs off between them)
 */
public record RemoteEmbeddingSettings(
    Provider provider, String baseUrl, String model, String apiKey, int dimension, Duration timeout,
    int maxRetries) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The wire formats spoken. */
  public enum Provider {
    OPENAI,
    OLLAMA;

    /** {@code openai} or {@code ollama}, any case. */
    public static Provider of(String name) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("embedding provider must be openai or ollama, got '" + name + "'");
      }
    }
  }

  public RemoteEmbeddingSettings {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(timeout, "timeout");
    CredentialFreeUrls.require(baseUrl, "the embedding endpoint URL", "embedding.api-key");
    URI uri = URI.create(baseUrl);
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an http(s) URL, got '" + baseUrl + "'");
    }
    if (model.isBlank()) {
      throw new IllegalArgumentException("model must not be blank");
    }
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be positive, got " + dimension);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
    }
    if (apiKey != null && apiKey.isBlank()) {
      apiKey = null;
    }
  }

  /** 30 s per request, 3 retries, no key. */
  public static RemoteEmbeddingSettings of(String provider, String baseUrl, String model, int dimension) {
    return new RemoteEmbeddingSettings(
        Provider.of(provider), baseUrl, model, null, dimension, Duration.ofSeconds(30), 3);
  }

  public RemoteEmbeddingSettings withApiKey(String key) {
    return new RemoteEmbeddingSettings(provider, baseUrl, model, key, dimension, timeout, maxRetries);
  }

  /** What is stored beside each vector: {@code ollama:bge-m3}, {@code openai:text-embedding-3-small}. */
  public String modelId() {
    return provider.name().toLowerCase(Locale.ROOT) + ":" + model;
  }

  /** Without the key, which must not reach logs. */
  @Override
  public String toString() {
    return "RemoteEmbeddingSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model
        + ", apiKey=" + (apiKey == null ? "none" : "***") + ", dimension=" + dimension
        + ", timeout=" + timeout + ", maxRetries=" + maxRetries + "]";
  }
}
