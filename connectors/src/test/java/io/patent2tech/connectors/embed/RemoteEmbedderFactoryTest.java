package io.patent2tech.connectors.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.patent2tech.udfs.embed.Embedder;
import io.patent2tech.udfs.embed.EmbedderFactory;
import io.patent2tech.udfs.embed.Vectors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real langchain4j OpenAI and Ollama clients against a local server speaking their wire formats. */
class RemoteEmbedderFactoryTest {

  private static final int DIMENSION = 8;
  private static final List<String> TEXTS = List.of("a mid-dialog SIP message", "cheese", "a b c d e f");

  private EmbeddingApiServer server;

  @BeforeEach
  void start() throws Exception {
    server = new EmbeddingApiServer(DIMENSION);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void openAiCompatibleEndpointInOneRequestWithTheKey() {
    RemoteEmbeddingSettings settings =
        RemoteEmbeddingSettings.of("openai", server.openAiBaseUrl(), "text-embedding-3-small", DIMENSION)
            .withApiKey("sk-test");

    List<float[]> vectors = embed(settings, TEXTS);

    assertUnitVersionsOfTheServersVectors(vectors);
    assertThat(server.requests).hasSize(1);
    EmbeddingApiServer.Request request = server.requests.get(0);
    assertThat(request.path()).isEqualTo("/v1/embeddings");
    assertThat(request.authorization()).isEqualTo("Bearer sk-test");
    assertThat(request.body().path("model").asText()).isEqualTo("text-embedding-3-small");
    assertThat(request.body().path("input")).extracting(node -> node.asText()).containsExactlyElementsOf(TEXTS);
  }

  @Test
  void ollamaEndpointInOneRequest() {
    RemoteEmbeddingSettings settings =
        RemoteEmbeddingSettings.of("ollama", server.ollamaBaseUrl(), "bge-m3", DIMENSION);

    List<float[]> vectors = embed(settings, TEXTS);

    assertUnitVersionsOfTheServersVectors(vectors);
    assertThat(server.requests).hasSize(1);
    EmbeddingApiServer.Request request = server.requests.get(0);
    assertThat(request.path()).isEqualTo("/api/embed");
    assertThat(request.authorization()).isNull();
    assertThat(request.body().path("model").asText()).isEqualTo("bge-m3");
    assertThat(request.body().path("input")).extracting(node -> node.asText()).containsExactlyElementsOf(TEXTS);
  }

  @Test
  void aRateLimitedRequestIsTriedAgain() {
    server.rateLimitNext(2);
    RemoteEmbeddingSettings settings = new RemoteEmbeddingSettings(RemoteEmbeddingSettings.Provider.OPENAI,
        server.openAiBaseUrl(), "m", null, DIMENSION, Duration.ofSeconds(5), 3);

    List<float[]> vectors = embed(settings, TEXTS);

    assertUnitVersionsOfTheServersVectors(vectors);
    assertThat(server.requests).hasSize(3);
  }

  @Test
  void givingUpAfterMaxRetriesFailsTheCall() {
    server.rateLimitNext(10);
    RemoteEmbeddingSettings settings = new RemoteEmbeddingSettings(RemoteEmbeddingSettings.Provider.OLLAMA,
        server.ollamaBaseUrl(), "m", null, DIMENSION, Duration.ofSeconds(5), 1);

    assertThatThrownBy(() -> embed(settings, TEXTS)).isInstanceOf(RuntimeException.class);
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void vectorsOfAnotherDimensionThanConfiguredAreAnError() {
    server.answerWithDimension(DIMENSION + 1);
    RemoteEmbeddingSettings settings = RemoteEmbeddingSettings.of("ollama", server.ollamaBaseUrl(), "m", DIMENSION);

    assertThatThrownBy(() -> embed(settings, TEXTS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("model ollama:m returned a vector of dimension 9")
        .hasMessageContaining("configured dimension is 8");
  }

  @Test
  void theFactoryTravelsSerializedAsAFlinkJobGraphCarriesIt() throws Exception {
    RemoteEmbeddingSettings settings = RemoteEmbeddingSettings.of("ollama", server.ollamaBaseUrl(), "bge-m3", DIMENSION);
    EmbedderFactory copy = roundTrip(new RemoteEmbedderFactory(settings));

    try (Embedder embedder = copy.create()) {
      assertThat(embedder.modelId()).isEqualTo("ollama:bge-m3");
      assertThat(embedder.dimension()).isEqualTo(DIMENSION);
      assertThat(embedder.embed(List.of("x"))).hasSize(1);
    }
  }

  @Test
  void settingsRefuseWhatCannotWorkAndHideTheKey() {
    assertThatThrownBy(() -> RemoteEmbeddingSettings.of("bedrock", "http://h", "m", 8))
        .hasMessage("embedding provider must be openai or ollama, got 'bedrock'");
    assertThatThrownBy(() -> RemoteEmbeddingSettings.of("openai", "localhost:11434", "m", 8))
        .hasMessageContaining("baseUrl must be an http(s) URL");
    assertThatThrownBy(() -> RemoteEmbeddingSettings.of("openai", "http://h/v1", " ", 8))
        .hasMessageContaining("model");
    assertThatThrownBy(() -> RemoteEmbeddingSettings.of("openai", "http://h/v1", "m", 0))
        .hasMessageContaining("dimension");
    RemoteEmbeddingSettings withKey = RemoteEmbeddingSettings.of("openai", "http://h/v1", "m", 8).withApiKey("sk-secret");
    assertThat(withKey.toString()).doesNotContain("sk-secret").contains("apiKey=***");
    assertThat(withKey.withApiKey(" ").apiKey()).isNull();
  }

  private static List<float[]> embed(RemoteEmbeddingSettings settings, List<String> texts) {
    try (Embedder embedder = new RemoteEmbedderFactory(settings).create()) {
      return embedder.embed(texts);
    }
  }

  private static void assertUnitVersionsOfTheServersVectors(List<float[]> vectors) {
    assertThat(vectors).hasSize(TEXTS.size());
    for (int i = 0; i < TEXTS.size(); i++) {
      float[] expected = Vectors.normalized(EmbeddingApiServer.vectorOf(TEXTS.get(i), DIMENSION));
      assertThat(vectors.get(i)).containsExactly(expected, within(1e-6f));
    }
  }

  private static EmbedderFactory roundTrip(EmbedderFactory factory) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(factory);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (EmbedderFactory) in.readObject();
    }
  }
}
