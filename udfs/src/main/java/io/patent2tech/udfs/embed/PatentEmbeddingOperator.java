package io.patent2tech.udfs.embed;

import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.metrics.Latency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Embeds patents in batches: {@link Patent} in, {@link EmbeddedPatent} out, in arrival order.
 *
 * <p>A model call has a fixed cost per call and, in-process, runs the texts of one call in
 * parallel, so texts are collected and embedded together. A batch is embedded when it holds
 * {@code batchSize} patents, when its first patent has waited {@code maxWait} (processing time),
 * and always before a checkpoint barrier is sent on, before a watermark is passed on, and at the
 * end of the input. So a completed checkpoint never has patents in a buffer (the operator keeps no
 * state; after a failure the source replays them), no output is late for its watermark, and a
 * quiet stream is delayed by at most {@code maxWait} plus one model call.
 *
 * <p>The embedder is made by the {@link EmbedderFactory} in {@link #open()} and closed in
 * {@link #close()}. A model failure fails the task (Flink restarts it from the last checkpoint); a
 * patent without any text passes through with a null vector and counts in
 * {@code embedPatentsWithoutText}.
 */
public final class PatentEmbeddingOperator extends AbstractStreamOperator<EmbeddedPatent>
    implements OneInputStreamOperator<Patent, EmbeddedPatent>, BoundedOneInput, ProcessingTimeCallback {

  private static final long serialVersionUID = 1L;

  private final EmbedderFactory factory;
  private final int batchSize;
  private final long maxWaitMillis;

  private transient Embedder embedder;
  private transient List<Pending> batch;
  /** Processing time at which the current batch must be embedded. */
  private transient long deadline;
  private transient ScheduledFuture<?> timer;
  /** Copies inputs when object reuse is on: a buffered input must not change under us. */
  private transient TypeSerializer<Patent> copier;

  private transient Counter embedded;
  private transient Counter withoutText;
  private transient Counter batches;
  /** Milliseconds the embedder took for one batch (the model call, local or remote). */
  private transient Histogram batchLatency;

  public PatentEmbeddingOperator(EmbedderFactory factory, int batchSize, Duration maxWait) {
    this.factory = Objects.requireNonNull(factory, "factory");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    if (maxWait.isNegative() || maxWait.isZero()) {
      throw new IllegalArgumentException("maxWait must be positive, got " + maxWait);
    }
    this.batchSize = batchSize;
    this.maxWaitMillis = maxWait.toMillis();
  }

  /** {@code patents} through the operator; the caller names it and sets its uid. */
  public static SingleOutputStreamOperator<EmbeddedPatent> embed(
      DataStream<Patent> patents, EmbedderFactory factory, int batchSize, Duration maxWait) {
    return patents.transform("embed", TypeInformation.of(EmbeddedPatent.class),
        new PatentEmbeddingOperator(factory, batchSize, maxWait));
  }

  @Override
  public void open() throws Exception {
    super.open();
    batch = new ArrayList<>(batchSize);
    if (getExecutionConfig().isObjectReuseEnabled()) {
      copier = config.getTypeSerializerIn(0, getUserCodeClassloader());
    }
    embedded = getMetricGroup().counter("embedPatents");
    withoutText = getMetricGroup().counter("embedPatentsWithoutText");
    batches = getMetricGroup().counter("embedBatches");
    batchLatency = Latency.histogram(getMetricGroup(), "embedBatchLatencyMs");
    embedder = factory.create();
  }

  @Override
  public void processElement(StreamRecord<Patent> record) throws Exception {
    Patent patent = copier == null ? record.getValue() : copier.copy(record.getValue());
    batch.add(new Pending(patent, record.hasTimestamp(), record.getTimestamp()));
    if (batch.size() >= batchSize) {
      flush();
    } else if (batch.size() == 1) {
      deadline = getProcessingTimeService().getCurrentProcessingTime() + maxWaitMillis;
      timer = getProcessingTimeService().registerTimer(deadline, this);
    }
  }

  @Override
  public void onProcessingTime(long time) throws Exception {
    // a timer of a batch that was flushed already may still fire; it must not cut the next batch short
    if (!batch.isEmpty() && time >= deadline) {
      flush();
    }
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    flush();
    super.processWatermark(mark);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    flush();
    super.prepareSnapshotPreBarrier(checkpointId);
  }

  @Override
  public void endInput() throws Exception {
    flush();
  }

  @Override
  public void finish() throws Exception {
    flush();
    super.finish();
  }

  @Override
  public void close() throws Exception {
    try {
      cancelTimer();
      if (embedder != null) {
        embedder.close();
      }
    } finally {
      super.close();
    }
  }

  private void flush() {
    if (batch == null || batch.isEmpty()) {
      return;
    }
    cancelTimer();
    List<String> texts = new ArrayList<>(batch.size());
    for (Pending pending : batch) {
      if (!pending.text.isEmpty()) {
        texts.add(pending.text);
      }
    }
    long start = System.nanoTime();
    List<float[]> vectors = embedder.embed(texts);
    batchLatency.update((System.nanoTime() - start) / 1_000_000);
    int next = 0;
    for (Pending pending : batch) {
      float[] vector = pending.text.isEmpty() ? null : vectors.get(next++);
      EmbeddedPatent out = new EmbeddedPatent(pending.patent, vector, embedder.modelId());
      output.collect(pending.hasTimestamp
          ? new StreamRecord<>(out, pending.timestamp)
          : new StreamRecord<>(out));
      if (vector == null) {
        withoutText.inc();
      }
    }
    embedded.inc(vectors.size());
    batches.inc();
    batch.clear();
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  /** A buffered patent with its text and the timestamp of its record. */
  private static final class Pending {
    final Patent patent;
    final String text;
    final boolean hasTimestamp;
    final long timestamp;

    Pending(Patent patent, boolean hasTimestamp, long timestamp) {
      this.patent = patent;
      this.text = EmbeddingText.of(patent);
      this.hasTimestamp = hasTimestamp;
      this.timestamp = timestamp;
    }
  }
}
