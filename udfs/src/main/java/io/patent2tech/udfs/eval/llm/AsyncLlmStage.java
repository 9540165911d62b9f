package io.patent2tech.udfs.eval.llm;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import io.patent2tech.udfs.metrics.LabeledCounters;
import io.patent2tech.udfs.metrics.Latency;

/**
 * The LLM stage as Flink async I/O: for each input, the user's {@link Requests} name the questions
 * to ask, each goes through {@link CachedLlmCall} (the answer cache, then the model), and the
 * user's {@link Merge} turns the input and the outcomes (in request order) into the output. The
 * model and the cache are injected as factories ({@link ChatCall.Factory}, {@link
 * AnswerCache.Factory}) and opened in {@code open()}; the job gives it the connector's chat client
 * and PostgreSQL cache.
 *
 * <p>Bounded: each subtask runs its inputs on a pool of {@code maxInFlight} threads, and {@link
 * #apply} gives Flink the same capacity, so one subtask never has more than {@code maxInFlight}
 * model requests open (an input's questions are asked one after another on its thread). Retries on
 * 429 / 5xx, back-off and the per-provider rate limit are the chat call's (the connector's
 * {@code LlmChatClient}).
 *
 * <p>Failures are records, not job failures: a model problem is an outcome with status timeout,
 * error or invalid_answer, and an input that runs past the stage's {@code timeout} is merged with
 * every outcome marked timeout (attempts 0, since the calls still running are not counted). A
 * late answer that arrives after that is dropped by Flink; if it was valid it is still cached. An
 * exception from {@code requests} or {@code merge} is a bug in them and fails the job.
 */
public final class AsyncLlmStage<IN, OUT> extends RichAsyncFunction<IN, OUT>
    implements ResultTypeQueryable<OUT> {

  private static final long serialVersionUID = 1L;

  /** The questions to ask for one input; an empty list asks nothing. */
  @FunctionalInterface
  public interface Requests<IN> extends Serializable {
    List<LlmRequest<?>> of(IN input);
  }

  /** The output for one input, from its outcomes in the order of its requests. */
  @FunctionalInterface
  public interface Merge<IN, OUT> extends Serializable {
    OUT merge(IN input, List<LlmOutcome<?>> outcomes);
  }

  private final ChatCall.Factory chat;
  private final String model;
  private final AnswerCache.Factory cacheFactory;
  private final int maxInFlight;
  private final long timeoutMs;
  private final Requests<IN> requests;
  private final Merge<IN, OUT> merge;
  private final TypeInformation<OUT> outType;
  private LlmPrice price = LlmPrice.UNKNOWN;

  private transient ExecutorService executor;
  private transient AnswerCache cache;
  private transient CachedLlmCall call;
  private transient Metrics metrics;

  /**
   * @param chat opens the chat model
   * @param model the chat model's id: recorded with every outcome and part of the cache key
   * @param cacheFactory opens the answer cache
   * @param maxInFlight most inputs in flight per subtask, and so most concurrent model requests
   * @param timeoutMs the stage's limit per input, all its questions together; keep it above the
   *     connector's worst case ({@code (maxRetries + 1) * timeout + back-off}, twice with a repair
   *     retry, per question) or its timeouts will pre-empt the connector's retries
   * @param outType the output's Flink type (the function is generic, so Flink cannot infer it)
   */
  public AsyncLlmStage(
      ChatCall.Factory chat,
      String model,
      AnswerCache.Factory cacheFactory,
      int maxInFlight,
      long timeoutMs,
      Requests<IN> requests,
      Merge<IN, OUT> merge,
      TypeInformation<OUT> outType) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
    }
    if (timeoutMs < 1) {
      throw new IllegalArgumentException("timeoutMs must be at least 1, got " + timeoutMs);
    }
    this.chat = Objects.requireNonNull(chat, "chat");
    this.model = Objects.requireNonNull(model, "model");
    this.cacheFactory = Objects.requireNonNull(cacheFactory, "cacheFactory");
    this.maxInFlight = maxInFlight;
    this.timeoutMs = timeoutMs;
    this.requests = Objects.requireNonNull(requests, "requests");
    this.merge = Objects.requireNonNull(merge, "merge");
    this.outType = Objects.requireNonNull(outType, "outType");
  }

  /** Counts the cost of the calls at {@code price} (metric llmCostMicroUsd); without it only tokens are counted. */
  public AsyncLlmStage<IN, OUT> pricedAt(LlmPrice price) {
    this.price = Objects.requireNonNull(price, "price");
    return this;
  }

  /** {@code stream} through {@code stage}, unordered, with the stage's timeout and capacity. */
  public static <IN, OUT> SingleOutputStreamOperator<OUT> apply(
      DataStream<IN> stream, AsyncLlmStage<IN, OUT> stage) {
    return AsyncDataStream.unorderedWait(
        stream, stage, stage.timeoutMs, TimeUnit.MILLISECONDS, stage.maxInFlight);
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    super.open(openContext);
    executor = Executors.newFixedThreadPool(maxInFlight, threads());
    cache = cacheFactory.open();
    call = new CachedLlmCall(chat.open(), model, cache);
    metrics = new Metrics(getRuntimeContext().getMetricGroup(), price);
  }

  @Override
  public void asyncInvoke(IN input, ResultFuture<OUT> result) {
    CompletableFuture.supplyAsync(() -> merge.merge(input, ask(requests.of(input))), executor)
        .whenComplete(
            (out, error) -> {
              if (error != null) {
                result.completeExceptionally(error);
              } else {
                result.complete(List.of(out));
              }
            });
  }

  @Override
  public void timeout(IN input, ResultFuture<OUT> result) {
    List<LlmOutcome<?>> timedOut = new ArrayList<>();
    for (LlmRequest<?> request : requests.of(input)) {
      timedOut.add(
          metrics.record(new LlmOutcome<>(
              LlmStatus.TIMEOUT,
              null,
              "no answer within the LLM stage's timeout of " + timeoutMs + " ms",
              0,
              timeoutMs,
              null,
              null,
              model,
              request.prompt().version())));
    }
    metrics.stageTimeouts.inc();
    result.complete(List.of(merge.merge(input, timedOut)));
  }

  @Override
  public void close() throws Exception {
    try {
      if (executor != null) {
        executor.shutdownNow();
      }
      if (cache != null) {
        cache.close();
      }
    } finally {
      super.close();
    }
  }

  @Override
  public TypeInformation<OUT> getProducedType() {
    return outType;
  }

  private List<LlmOutcome<?>> ask(List<LlmRequest<?>> questions) {
    List<LlmOutcome<?>> outcomes = new ArrayList<>(questions.size());
    for (LlmRequest<?> question : questions) {
      outcomes.add(ask(question));
    }
    return outcomes;
  }

  private <T> LlmOutcome<T> ask(LlmRequest<T> question) {
    return metrics.record(call.call(question.task(), question.contentHash(), question.prompt(), question.parser()));
  }

  /**
   * What the stage asked and what it cost, per subtask (docs/operations.md, Metrics): evaluations
   * by how they ended, model calls (a repair retry is a second call; a cache hit none), tokens as
   * the provider reported them, answers served from the cache, the stage's own timeouts and the
   * latency of each evaluation. Updated from the stage's threads, so every counter is thread-safe.
   */
  private static final class Metrics {
    final LabeledCounters evaluations;
    final Counter calls;
    final Counter cacheHits;
    final Counter inputTokens;
    final Counter outputTokens;
    /** null when no price is known: a cost of 0 would read as "free", not as "not known". */
    final Counter costMicroUsd;
    final LlmPrice price;
    final Counter stageTimeouts;
    final Histogram latency;

    Metrics(MetricGroup group, LlmPrice price) {
      this.price = price;
      evaluations = new LabeledCounters(group, "status", "llmEvaluations",
          java.util.Arrays.stream(LlmStatus.values()).map(LlmStatus::wireName).collect(java.util.stream.Collectors.toSet()));
      calls = group.counter("llmCalls", new ThreadSafeSimpleCounter());
      cacheHits = group.counter("llmCacheHits", new ThreadSafeSimpleCounter());
      inputTokens = group.counter("llmInputTokens", new ThreadSafeSimpleCounter());
      outputTokens = group.counter("llmOutputTokens", new ThreadSafeSimpleCounter());
      costMicroUsd = price.known() ? group.counter("llmCostMicroUsd", new ThreadSafeSimpleCounter()) : null;
      stageTimeouts = group.counter("llmStageTimeouts", new ThreadSafeSimpleCounter());
      latency = Latency.histogram(group, "llmLatencyMs");
    }

    <T> LlmOutcome<T> record(LlmOutcome<T> outcome) {
      evaluations.inc(outcome.status().wireName());
      calls.inc(outcome.attempts());
      if (outcome.cached()) {
        cacheHits.inc();
      } else {
        latency.update(outcome.latencyMs());
      }
      if (outcome.inputTokens() != null) {
        inputTokens.inc(outcome.inputTokens());
      }
      if (outcome.outputTokens() != null) {
        outputTokens.inc(outcome.outputTokens());
      }
      if (costMicroUsd != null) {
        costMicroUsd.inc(price.microUsd(outcome.inputTokens(), outcome.outputTokens()));
      }
      return outcome;
    }
  }

  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "llm-stage-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
