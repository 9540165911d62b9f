package io.patent2tech.udfs.embed;

import java.util.List;

/**
 * Turns texts into vectors. Implementations: {@link InProcessEmbedder} (the default, an ONNX model
 * inside the JVM) and the remote providers in {@code io.patent2tech.connectors.embed}.
 *
 * <p>Every vector returned is L2-normalized, so a dot product is the cosine similarity and
 * Elasticsearch's {@code cosine} and {@code dot_product} similarities agree. One instance is used by
 * one thread at a time; a Flink operator makes its own in {@code open()} through an
 * {@link EmbedderFactory}.
 */
public interface Embedder extends AutoCloseable {

  /** Names the model, e.g. {@code bge-small-en-v1.5-q}; stored beside each vector. */
  String modelId();

  /** Length of every vector this embedder returns. */
  int dimension();

  /**
   * One unit-length vector per text, in the order of {@code texts}.
   *
   * @throws IllegalArgumentException when a text is null or blank
   */
  List<float[]> embed(List<String> texts);

  /** Releases threads and connections; no exception for the caller to handle. */
  @Override
  void close();
}
