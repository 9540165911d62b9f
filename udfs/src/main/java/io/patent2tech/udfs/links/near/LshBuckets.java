package io.patent2tech.udfs.links.near;

import java.util.Map;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The LSH buckets, keyed by bucket id: each bucket's members are keyed state (publication key to
 * text fingerprint, one map entry each, so RocksDB holds them and a bucket is never one big value).
 * An entering document is paired with every member but itself (a new version of a key replaces its
 * own entry and is never its own candidate), then joins the bucket.
 *
 * <p>A bucket keeps at most {@code bucketCap} members: a very common text (boilerplate, a form
 * letter) would otherwise gather every document that contains it. A document entering a full bucket
 * is still paired with the members kept, but not added; the counter {@code
 * nearDuplicateBucketCapped} counts those. Members expire {@code stateTtl} after their last write.
 */
public class LshBuckets extends KeyedProcessFunction<Long, BandEntry, CandidatePair> {

  private static final long serialVersionUID = 1L;

  private final NearDuplicateSettings settings;

  private transient MapState<String, Long> members;
  private transient Counter capped;
  private transient Counter candidates;

  public LshBuckets(NearDuplicateSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext openContext) {
    MapStateDescriptor<String, Long> descriptor =
        new MapStateDescriptor<>("bucket-members", Types.STRING, Types.LONG);
    descriptor.enableTimeToLive(settings.documentTtl());
    members = getRuntimeContext().getMapState(descriptor);
    capped = getRuntimeContext().getMetricGroup().counter("nearDuplicateBucketCapped");
    candidates = getRuntimeContext().getMetricGroup().counter("nearDuplicateCandidates");
  }

  @Override
  public void processElement(BandEntry entry, Context ctx, Collector<CandidatePair> out) throws Exception {
    int size = 0;
    boolean member = false;
    for (Map.Entry<String, Long> m : members.entries()) {
      size++;
      if (m.getKey().equals(entry.key)) {
        member = true;
      } else {
        candidates.inc();
        out.collect(CandidatePair.of(m.getKey(), m.getValue(), entry.key, entry.fingerprint));
      }
    }
    if (member || size < settings.bucketCap()) {
      members.put(entry.key, entry.fingerprint);
    } else {
      capped.inc();
    }
  }

  /** Inserts refused because the bucket was full, in this subtask. */
  long cappedCount() {
    return capped.getCount();
  }
}
