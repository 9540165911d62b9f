package io.patent2tech.udfs.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An {@link Embedder} over any langchain4j {@link EmbeddingModel}, in-process or remote: checks the
 * input, checks that the model answered one vector of the declared dimension per text, and
 * normalizes (remote models do not all return unit vectors).
 */
public final class LangChain4jEmbedder implements Embedder {

  private final String modelId;
  private final int dimension;
  private final EmbeddingModel model;
  private final Runnable onClose;

  /**
   * @param onClose releases what the model holds (thread pool, HTTP client); run once by
   *     {@link #close()}
   */
  public LangChain4jEmbedder(String modelId, int dimension, EmbeddingModel model, Runnable onClose) {
    this.modelId = Objects.requireNonNull(modelId, "modelId");
    this.model = Objects.requireNonNull(model, "model");
    this.onClose = Objects.requireNonNull(onClose, "onClose");
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be positive, got " + dimension);
    }
    this.dimension = dimension;
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException(
            "text " + i + " of " + texts.size() + " is " + (text == null ? "null" : "blank"));
      }
      segments.add(TextSegment.from(text));
    }
    List<Embedding> embeddings = model.embedAll(segments).content();
    if (embeddings == null || embeddings.size() != texts.size()) {
      throw new IllegalStateException("model " + modelId + " returned "
          + (embeddings == null ? "no" : embeddings.size()) + " vectors for " + texts.size() + " texts");
    }
    List<float[]> vectors = new ArrayList<>(embeddings.size());
    for (int i = 0; i < embeddings.size(); i++) {
      float[] vector = embeddings.get(i).vector();
      if (vector.length != dimension) {
        throw new IllegalStateException("model " + modelId + " returned a vector of dimension "
            + vector.length + " for text " + i + ", configured dimension is " + dimension);
      }
      vectors.add(Vectors.normalized(vector));
    }
    return vectors;
  }

  @Override
  public void close() {
    onClose.run();
  }
}
