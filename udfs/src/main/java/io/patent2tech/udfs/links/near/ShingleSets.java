package io.patent2tech.udfs.links.near;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Every document's word sequence (int tokens), keyed by publication key (the only copy level 4
 * keeps; its shingles are not kept, only the band entries made from them): answers a {@link Probe}
 * for it with a {@link ShingleHalf} to {@link PairVerification}.
 *
 * <p>A document and the probes it causes travel different paths (directly, and through the
 * buckets), so a probe can arrive before the text it asks for: a newly signed document, or a new
 * version of one. A probe whose fingerprint is not the stored one waits in keyed state until that
 * text arrives, at most {@code candidateTimeout}; then it is dropped and counted ({@code
 * nearDuplicateProbesExpired}). That is also the end of a probe for a text that was replaced
 * meanwhile: a bucket still held the older version, and the newer one has its own buckets.
 */
public class ShingleSets extends KeyedCoProcessFunction<String, ShingledDocument, Probe, ShingleHalf> {

  private static final long serialVersionUID = 1L;

  private final NearDuplicateSettings settings;

  private transient ValueState<ShingledDocument> document;
  private transient ListState<Probe> waiting;
  private transient Counter expired;

  public ShingleSets(NearDuplicateSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<ShingledDocument> documentDescriptor =
        new ValueStateDescriptor<>("word-sequence", Types.POJO(ShingledDocument.class));
    documentDescriptor.enableTimeToLive(settings.documentTtl());
    document = getRuntimeContext().getState(documentDescriptor);
    ListStateDescriptor<Probe> waitingDescriptor =
        new ListStateDescriptor<>("waiting-probes", Types.POJO(Probe.class));
    waitingDescriptor.enableTimeToLive(settings.waitingTtl());
    waiting = getRuntimeContext().getListState(waitingDescriptor);
    expired = getRuntimeContext().getMetricGroup().counter("nearDuplicateProbesExpired");
  }

  @Override
  public void processElement1(ShingledDocument doc, Context ctx, Collector<ShingleHalf> out) throws Exception {
    document.update(doc);
    List<Probe> still = new ArrayList<>();
    boolean answered = false;
    for (Probe probe : waiting.get()) {
      if (probe.fingerprint == doc.fingerprint) {
        out.collect(new ShingleHalf(probe.pair, doc.key, doc.words));
        answered = true;
      } else {
        still.add(probe);
      }
    }
    if (answered) {
      waiting.update(still);
    }
  }

  @Override
  public void processElement2(Probe probe, Context ctx, Collector<ShingleHalf> out) throws Exception {
    ShingledDocument doc = document.value();
    if (doc != null && doc.fingerprint == probe.fingerprint) {
      out.collect(new ShingleHalf(probe.pair, doc.key, doc.words));
      return;
    }
    long now = ctx.timerService().currentProcessingTime();
    probe.waitUntil = now + settings.candidateTimeout().toMillis();
    waiting.add(probe);
    ctx.timerService().registerProcessingTimeTimer(probe.waitUntil);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ShingleHalf> out) throws Exception {
    List<Probe> still = new ArrayList<>();
    for (Probe probe : waiting.get()) {
      if (probe.waitUntil <= timestamp) {
        expired.inc();
      } else {
        still.add(probe);
      }
    }
    waiting.update(still);
  }
}
