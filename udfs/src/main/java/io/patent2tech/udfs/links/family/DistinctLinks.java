package io.patent2tech.udfs.links.family;

import io.patent2tech.udfs.StateTtl;
import java.time.Duration;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.patent2tech.schema.PatentLink;
import io.patent2tech.udfs.metrics.LabeledCounters;

/**
 * Keyed by {@link FamilyLinks#key} ({@code from|to|kind}): passes the first link of each pair and
 * kind, drops the later ones ({@code familyLinksRepeated}). One pair can meet in two groups with the
 * same kind: a continuation names its parent by application number and by patent number, and both
 * groups hold the parent. One boolean per link, with the level's TTL. The links it passes are the
 * family level's links made, counted by kind ({@code linksMade}).
 */
public class DistinctLinks extends KeyedProcessFunction<String, PatentLink, PatentLink> {

  private static final long serialVersionUID = 1L;

  private final Duration ttl;

  private transient ValueState<Boolean> seen;
  private transient Counter repeated;
  private transient LabeledCounters made;

  public DistinctLinks(Duration ttl) {
    this.ttl = ttl;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>("link-seen", Types.BOOLEAN);
    descriptor.enableTimeToLive(StateTtl.afterLastWrite(ttl));
    seen = getRuntimeContext().getState(descriptor);
    repeated = getRuntimeContext().getMetricGroup().counter("familyLinksRepeated");
    made = new LabeledCounters(getRuntimeContext().getMetricGroup(), "kind", "linksMade", LinkKinds.ALL);
  }

  @Override
  public void processElement(PatentLink link, Context ctx, Collector<PatentLink> out) throws Exception {
    if (seen.value() != null) {
      repeated.inc();
      return;
    }
    seen.update(Boolean.TRUE);
    made.inc(link.getKind());
    out.collect(link);
  }
}
