package io.patent2tech.udfs.embed;

/**
 * Makes an {@link InProcessEmbedder}; what a job hands to the embedding operator when no remote
 * provider is configured.
 *
 * @param threads texts embedded in parallel per operator instance
 */
public record InProcessEmbedderFactory(int threads) implements EmbedderFactory {

  private static final long serialVersionUID = 1L;

  public InProcessEmbedderFactory {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /**
   * One thread: ONNX Runtime already spreads a single text over all cores, and running texts side
   * by side only makes them compete (on 2 cores 1 thread embeds about 15 % more texts per second
   * than 2; docs/embeddings.md).
   */
  public static InProcessEmbedderFactory defaults() {
    return new InProcessEmbedderFactory(1);
  }

  @Override
  public Embedder create() {
    return new InProcessEmbedder(threads);
  }
}
