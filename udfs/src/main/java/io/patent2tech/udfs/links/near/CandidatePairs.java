package io.patent2tech.udfs.links.near;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by the two documents of a candidate pair: one pair meets in up to {@code bands} buckets
 * (a near-identical pair in all of them), and is verified once per pair of texts. The state is the
 * version ({@link CandidatePair#version()}) last sent on; a new text on either side sends the pair
 * on again. Each pair sent on becomes one {@link Probe} to each side, for its words.
 */
public class CandidatePairs extends KeyedProcessFunction<String, CandidatePair, Probe> {

  private static final long serialVersionUID = 1L;

  private final NearDuplicateSettings settings;

  private transient ValueState<String> sent;
  private transient Counter repeated;

  public CandidatePairs(NearDuplicateSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("sent-version", Types.STRING);
    descriptor.enableTimeToLive(settings.documentTtl());
    sent = getRuntimeContext().getState(descriptor);
    repeated = getRuntimeContext().getMetricGroup().counter("nearDuplicateCandidatesRepeated");
  }

  @Override
  public void processElement(CandidatePair pair, Context ctx, Collector<Probe> out) throws Exception {
    if (pair.low.equals(pair.high)) {
      // the buckets never pair a key with itself; this keeps a version from linking to its
      // predecessor even if a bucket did (a link from a key to itself means nothing)
      return;
    }
    String version = pair.version();
    if (version.equals(sent.value())) {
      repeated.inc();
      return;
    }
    sent.update(version);
    out.collect(new Probe(pair.low, pair.lowFingerprint, pair));
    out.collect(new Probe(pair.high, pair.highFingerprint, pair));
  }
}
