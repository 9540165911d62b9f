package io.patent2tech.udfs.links.near;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.patent2tech.schema.PatentLink;

/**
 * The exact verification, keyed by candidate pair version ({@link CandidatePair#version()}): the
 * first half waits in keyed state (at most {@code candidateTimeout}, by its TTL), the second
 * completes the pair, and the exact word ratio of the two texts ({@link
 * SequenceMatcherRatio#wordRatio}: difflib's ratio over the normalized words of title, abstract and
 * claims, the low key's text first) decides. At or above the threshold the pair becomes a {@code
 * near-duplicate} link with that similarity; below, it is counted and forgotten.
 */
public class PairVerification extends KeyedProcessFunction<String, ShingleHalf, PatentLink> {

  private static final long serialVersionUID = 1L;

  /** {@link PatentLink#getKind()} of a level-4 link. */
  public static final String KIND = "near-duplicate";

  private final NearDuplicateSettings settings;

  private transient ValueState<ShingleHalf> firstHalf;
  private transient Counter linked;
  private transient Counter rejected;

  public PairVerification(NearDuplicateSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<ShingleHalf> descriptor =
        new ValueStateDescriptor<>("first-half", Types.POJO(ShingleHalf.class));
    descriptor.enableTimeToLive(settings.waitingTtl());
    firstHalf = getRuntimeContext().getState(descriptor);
    linked = getRuntimeContext().getMetricGroup().counter("nearDuplicateLinks");
    rejected = getRuntimeContext().getMetricGroup().counter("nearDuplicateCandidatesRejected");
  }

  @Override
  public void processElement(ShingleHalf half, Context ctx, Collector<PatentLink> out) throws Exception {
    ShingleHalf first = firstHalf.value();
    if (first == null || first.side.equals(half.side)) {
      firstHalf.update(half);
      return;
    }
    firstHalf.clear();
    // one order for every pair (low key first): difflib's ties could otherwise give a pair two scores
    boolean firstIsLow = first.side.equals(half.pair.low);
    double similarity = firstIsLow ? SequenceMatcherRatio.wordRatio(first.words, half.words)
        : SequenceMatcherRatio.wordRatio(half.words, first.words);
    if (similarity < settings.threshold()) {
      rejected.inc();
      return;
    }
    linked.inc();
    out.collect(PatentLink.newBuilder()
        .setFromKey(half.pair.low)
        .setToKey(half.pair.high)
        .setKind(KIND)
        .setStrength("strong")
        .setSharedId(null)
        .setSimilarity(similarity)
        .setMethod(settings.method())
        .setFirstSeen(ctx.timerService().currentProcessingTime())
        .build());
  }
}
