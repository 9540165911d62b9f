package io.patent2tech.jobs.config;

import io.patent2tech.connectors.embed.RemoteEmbedderFactory;
import io.patent2tech.connectors.embed.RemoteEmbeddingSettings;
import io.patent2tech.udfs.embed.EmbedderFactory;
import io.patent2tech.udfs.embed.InProcessEmbedder;
import io.patent2tech.udfs.embed.InProcessEmbedderFactory;
import java.util.List;
import java.util.Locale;

/**
 * Which embedding model turns patents and legal passages into vectors: the in-process ONNX model
 * by default, or a remote OpenAI-compatible / Ollama endpoint. The enrich job and
 * load-legal-corpus must use the same model, or kNN between patents and passages compares vectors
 * of different spaces; both read these settings.
 */
public final class EmbeddingSettings {

  public static final Setting PROVIDER = new Setting("embedding.provider", "in-process",
      "embedding model: in-process (" + InProcessEmbedder.MODEL_ID + ", no network), openai or ollama");
  public static final Setting URL = new Setting("embedding.url", null,
      "remote embedding endpoint (OpenAI-compatible: up to /v1; Ollama: the server root)");
  public static final Setting MODEL =
      new Setting("embedding.model", null, "remote embedding model name, e.g. bge-m3");
  public static final Setting DIMENSION = Setting.wholeNumber("embedding.dimension",
      (long) InProcessEmbedder.DIMENSION,
      "length of the remote model's vectors; the Elasticsearch dense_vector fields have 384");
  public static final Setting API_KEY =
      Setting.secret("embedding.api-key", null, "bearer token for the remote embedding endpoint");

  public static final List<Setting> SETTINGS = List.of(PROVIDER, URL, MODEL, DIMENSION, API_KEY);

  private EmbeddingSettings() {}

  public static EmbedderFactory factory(Settings s) {
    String provider = s.require(PROVIDER.key()).trim().toLowerCase(Locale.ROOT);
    if (provider.equals("in-process")) {
      return InProcessEmbedderFactory.defaults();
    }
    return new RemoteEmbedderFactory(RemoteEmbeddingSettings
        .of(provider, s.require(URL.key()), s.require(MODEL.key()), s.getInt(DIMENSION.key()))
        .withApiKey(s.get(API_KEY.key())));
  }

  /** The model id stored beside every vector, known without loading the model. */
  public static String modelId(Settings s) {
    String provider = s.require(PROVIDER.key()).trim().toLowerCase(Locale.ROOT);
    if (provider.equals("in-process")) {
      return InProcessEmbedder.MODEL_ID;
    }
    return RemoteEmbeddingSettings.of(provider, s.require(URL.key()), s.require(MODEL.key()),
        s.getInt(DIMENSION.key())).modelId();
  }
}
