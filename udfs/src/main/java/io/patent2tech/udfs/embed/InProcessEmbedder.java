package io.patent2tech.udfs.embed;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default embedder: BAAI bge-small-en-v1.5, int8-quantized ONNX, run by ONNX Runtime inside the
 * JVM (langchain4j's in-process model; no network, no key). 384 dimensions, a 512-token window of
 * which 510 are text. Texts longer than that are cut to the words that fit (see
 * {@link TokenWindow}). Why this model, and what it does with Korean: docs/embeddings.md.
 *
 * <p>The texts of one {@link #embed} call run in parallel on {@code threads} threads, and ONNX
 * Runtime runs each text on all cores besides, so one thread is usually best
 * ({@link InProcessEmbedderFactory#defaults()}). The ONNX session itself is loaded once per class
 * loader and shared by all instances.
 */
public final class InProcessEmbedder implements Embedder {

  public static final String MODEL_ID = "bge-small-en-v1.5-q";
  public static final int DIMENSION = 384;
  /** 512 positions less [CLS] and [SEP]. */
  public static final int MAX_TOKENS = 510;

  private static final String TOKENIZER_RESOURCE = "bge-small-en-v1.5-q-tokenizer.json";

  private final ExecutorService executor;
  private final TokenWindow window;
  private final LangChain4jEmbedder model;

  /** @param threads texts embedded at the same time (1 to the number of cores is sensible) */
  public InProcessEmbedder(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.executor = Executors.newFixedThreadPool(threads, daemonThreads());
    this.window = TokenWindow.fromResource(TOKENIZER_RESOURCE, MAX_TOKENS);
    this.model = new LangChain4jEmbedder(
        MODEL_ID, DIMENSION, new BgeSmallEnV15QuantizedEmbeddingModel(executor), executor::shutdown);
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<String> windowed = new ArrayList<>(texts.size());
    for (String text : texts) {
      windowed.add(text == null || text.isBlank() ? text : window.truncate(text));
    }
    return model.embed(windowed);
  }

  /** Tokens the model would see for {@code text} before the cut (without [CLS]/[SEP]). */
  public int tokenCount(String text) {
    return window.count(text);
  }

  @Override
  public void close() {
    model.close();
    window.close();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger number = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "p2t-embed-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
