package io.patent2tech.connectors.embed;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.patent2tech.udfs.embed.Embedder;
import io.patent2tech.udfs.embed.EmbedderFactory;
import io.patent2tech.udfs.embed.LangChain4jEmbedder;
import java.util.Map;
import java.util.Objects;

/**
 * Makes an {@link Embedder} that calls a remote model through langchain4j's OpenAI or Ollama
 * client. The HTTP client is the JDK's, named explicitly rather than looked up by a service
 * loader, so what runs does not depend on the class loader a Flink task happens to expose.
 */
public record RemoteEmbedderFactory(RemoteEmbeddingSettings settings) implements EmbedderFactory {

  private static final long serialVersionUID = 1L;

  public RemoteEmbedderFactory {
    Objects.requireNonNull(settings, "settings");
  }

  @Override
  public Embedder create() {
    // the JDK client has no close() before Java 21; its threads end when it is unreachable
    return new LangChain4jEmbedder(settings.modelId(), settings.dimension(), model(), () -> {});
  }

  private EmbeddingModel model() {
    switch (settings.provider()) {
      case OPENAI:
        return OpenAiEmbeddingModel.builder()
            .httpClientBuilder(JdkHttpClient.builder())
            .baseUrl(settings.baseUrl())
            .apiKey(settings.apiKey())
            .modelName(settings.model())
            .timeout(settings.timeout())
            .maxRetries(settings.maxRetries())
            .build();
      case OLLAMA:
        return OllamaEmbeddingModel.builder()
            .httpClientBuilder(JdkHttpClient.builder())
            .baseUrl(settings.baseUrl())
            .modelName(settings.model())
            .timeout(settings.timeout())
            .maxRetries(settings.maxRetries())
            // Ollama has no authentication of its own; a proxy in front of it may want the key
            .customHeaders(settings.apiKey() == null
                ? Map.of()
                : Map.of("Authorization", "Bearer " + settings.apiKey()))
            .build();
      default:
        throw new IllegalStateException("unknown provider " + settings.provider());
    }
  }
}
