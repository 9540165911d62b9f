package io.patent2tech.udfs.embed;

/**
 * Makes an {@link InProcessEmbedder}; what a job hands to the embedding operator when no remote
 * provider is configured.
 *
 * @param threads texts embedded side by side per operator instance, one core each;
 *     {@link #ONE_PER_CORE} for as many as the machine it runs on has cores
 */
public record InProcessEmbedderFactory(int threads) implements EmbedderFactory {

  private static final long serialVersionUID = 1L;

  /** {@link #threads()} for one thread per core of the machine that runs the embedder. */
  public static final int ONE_PER_CORE = 0;

  public InProcessEmbedderFactory {
    if (threads < 0) {
      throw new IllegalArgumentException(
          "threads must be at least 1, or ONE_PER_CORE (0), got " + threads);
    }
  }

  /**
   * One thread per core, counted where the embedder is made (a TaskManager may have other cores
   * than the client that builds the job): each text runs on one core, so that many texts side by
   * side keep every core busy (see {@link InProcessEmbedder}).
   */
  public static InProcessEmbedderFactory defaults() {
    return new InProcessEmbedderFactory(ONE_PER_CORE);
  }

  @Override
  public Embedder create() {
    return new InProcessEmbedder(threadsHere());
  }

  /** The threads an embedder made on this machine runs: {@link #ONE_PER_CORE} resolved. */
  public int threadsHere() {
    return threads == ONE_PER_CORE ? Runtime.getRuntime().availableProcessors() : threads;
  }
}
