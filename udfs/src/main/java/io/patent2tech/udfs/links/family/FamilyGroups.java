package io.patent2tech.udfs.links.family;

import io.patent2tech.udfs.StateTtl;
import java.time.Duration;
import java.util.Map;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.patent2tech.schema.PatentLink;

/**
 * One identifier group per key ({@link Membership#group}): remembers which documents carry the
 * identifier (members) and which claim or cite it (referrers), and links each newcomer to every
 * document the group already holds.
 *
 * <ul>
 *   <li>a new member of an application or family group is linked to every earlier member
 *       ({@code same-application} / {@code same-family}, strong, from the smaller key to the larger);</li>
 *   <li>a new member of any group is linked from every earlier referrer (the referrer claims it:
 *       {@code priority}, {@code continuation}, ..., weak);</li>
 *   <li>a new referrer is linked to every earlier member.</li>
 * </ul>
 *
 * <p>A document already in the group (a replay, a new version of the publication) adds nothing,
 * and a document is never linked to itself. The state is two MapStates per identifier, each entry
 * with the configured TTL (renewed on write), so a member arriving months later still finds the
 * group; on RocksDB each entry is one key, and reading the group is a prefix scan. A group holds at
 * most {@code maxGroupSize} documents: the ones beyond are counted ({@code familyLinksCapped}) and
 * linked through no other identifier than the ones they share with a smaller group.
 */
public class FamilyGroups extends KeyedProcessFunction<String, Membership, PatentLink> {

  private static final long serialVersionUID = 1L;

  static final String CAPPED_METRIC = "familyLinksCapped";

  private final Duration ttl;
  private final int maxGroupSize;

  /** publication key of each member -> true */
  private transient MapState<String, Boolean> members;
  /** {@code publicationKey|kind} of each referrer -> its publication key */
  private transient MapState<String, String> referrers;
  private transient Counter capped;

  public FamilyGroups(FamilyLinkSettings settings) {
    this.ttl = settings.stateTtl();
    this.maxGroupSize = settings.maxGroupSize();
  }

  @Override
  public void open(OpenContext openContext) {
    StateTtlConfig ttlConfig = StateTtl.afterLastWrite(ttl);
    MapStateDescriptor<String, Boolean> memberDescriptor =
        new MapStateDescriptor<>("family-members", Types.STRING, Types.BOOLEAN);
    memberDescriptor.enableTimeToLive(ttlConfig);
    MapStateDescriptor<String, String> referrerDescriptor =
        new MapStateDescriptor<>("family-referrers", Types.STRING, Types.STRING);
    referrerDescriptor.enableTimeToLive(ttlConfig);
    members = getRuntimeContext().getMapState(memberDescriptor);
    referrers = getRuntimeContext().getMapState(referrerDescriptor);
    capped = getRuntimeContext().getMetricGroup().counter(CAPPED_METRIC);
  }

  @Override
  public void processElement(Membership m, Context ctx, Collector<PatentLink> out) throws Exception {
    String key = m.publicationKey;
    long now = ctx.timerService().currentProcessingTime();
    if (m.isMember()) {
      if (members.contains(key)) {
        return;
      }
      if (full()) {
        capped.inc();
        return;
      }
      String memberKind = memberKind(m.type());
      if (memberKind != null) {
        for (String other : members.keys()) {
          out.collect(link(other, key, memberKind, m, now));
        }
      }
      for (Map.Entry<String, String> r : referrers.entries()) {
        String referrer = r.getValue();
        if (!referrer.equals(key)) {
          out.collect(link(referrer, key, r.getKey().substring(referrer.length() + 1), m, now));
        }
      }
      members.put(key, Boolean.TRUE);
    } else {
      String referrerKey = key + '|' + m.referenceKind;
      if (referrers.contains(referrerKey)) {
        return;
      }
      if (full()) {
        capped.inc();
        return;
      }
      for (String member : members.keys()) {
        if (!member.equals(key)) {
          out.collect(link(key, member, m.referenceKind, m, now));
        }
      }
      referrers.put(referrerKey, key);
    }
  }

  /** Whether the group holds {@code maxGroupSize} documents already; stops counting there. */
  private boolean full() throws Exception {
    int n = 0;
    for (String ignored : members.keys()) {
      if (++n >= maxGroupSize) {
        return true;
      }
    }
    for (String ignored : referrers.keys()) {
      if (++n >= maxGroupSize) {
        return true;
      }
    }
    return false;
  }

  /** The symmetric kind members of a group of this type share; null for publication groups. */
  static String memberKind(String type) {
    return switch (type) {
      case Membership.APPLICATION -> LinkKinds.SAME_APPLICATION;
      case Membership.FAMILY -> LinkKinds.SAME_FAMILY;
      default -> null; // one publication number, several kinds: linked by their application instead
    };
  }

  static PatentLink link(String from, String to, String kind, Membership m, long now) {
    if (LinkKinds.symmetric(kind) && from.compareTo(to) > 0) {
      String t = from;
      from = to;
      to = t;
    }
    return PatentLink.newBuilder()
        .setFromKey(from)
        .setToKey(to)
        .setKind(kind)
        .setStrength(LinkKinds.strength(kind))
        .setSharedId(m.sharedId)
        .setSimilarity(null)
        .setMethod(method(m.type(), kind))
        .setFirstSeen(now)
        .build();
  }

  /** {@code PatentLink.method}: which identifier the link was found through. */
  static String method(String type, String kind) {
    if (LinkKinds.SAME_APPLICATION.equals(kind)) {
      return "application-key";
    }
    if (LinkKinds.SAME_FAMILY.equals(kind)) {
      return "docdb-family-id";
    }
    String target = Membership.PUBLICATION.equals(type) ? "publication-number" : "application-key";
    return (LinkKinds.PRIORITY.equals(kind) ? "priority-claim/" : "related-document/") + target;
  }
}
