package io.patent2tech.udfs.embed;

import java.util.ArrayList;
import java.util.List;

/** Passes calls to a real embedder and records the size of every batch it was asked to embed. */
final class RecordingEmbedder implements Embedder {

  private final Embedder delegate;
  final List<Integer> batchSizes = new ArrayList<>();
  boolean closed;

  RecordingEmbedder(Embedder delegate) {
    this.delegate = delegate;
  }

  @Override
  public String modelId() {
    return delegate.modelId();
  }

  @Override
  public int dimension() {
    return delegate.dimension();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    batchSizes.add(texts.size());
    return delegate.embed(texts);
  }

  /** The shared model stays open for the other tests. */
  @Override
  public void close() {
    closed = true;
  }
}
