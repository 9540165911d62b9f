package io.patent2tech.jobs.links;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.patent2tech.connectors.kafka.KafkaConnections;
import io.patent2tech.jobs.NormalizedPatents;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.FlinkEnvironments;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentLink;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.links.family.FamilyLinks;
import io.patent2tech.udfs.links.near.NearDuplicates;

/**
 * The links job (levels 3 and 4 of docs/design.md section 4; docs/links.md):
 *
 * <pre>
 *  patents.normalized (read_committed) -> decode -+-> level 3: family-identifiers -> family-groups -> family-links -+-> union -> patents.links
 *                                          |      |   (FamilyLinks: same application, family; priority, related)    |   (exactly once,
 *                                          |      +-> level 4: near-duplicates (NearDuplicates: shingle -> buckets -+    key from|to|kind)
 *                                          |          -> candidates -> shingle-sets -> verify; links.near.enabled)
 *                                          +-> patents.dlq (undecodable values)
 * </pre>
 *
 * Both documents stay where they are (patents.normalized, the stores); the links say how they
 * belong together. Each level keeps its own keyed state (TTL, RocksDB-ready) and emits each pair and
 * kind once; the Kafka sink is transactional, so a restart writes no link twice. Its options:
 * {@link LinksSettings}.
 */
public final class LinksJob {

  public static final String USAGE = "links [options]\n"
      + "  Links publications of one invention from patents.normalized -> patents.links: same\n"
      + "  application (a pre-grant publication and its grant, EP A1 and B1), same DOCDB family,\n"
      + "  priority claims and continuations / divisions (weak), and near-duplicate texts without a\n"
      + "  shared identifier (MinHash/LSH, verified by the word ratio). Both documents are kept.\n";

  private LinksJob() {}

  /** Adds the links pipeline to {@code env}. */
  public static void build(StreamExecutionEnvironment env, Settings s) {
    DataStream<Patent> patents =
        NormalizedPatents.read(env, s, s.require(LinksSettings.GROUP_ID.key()), "links-decode");
    publish(links(patents, s), s);
  }

  /** Every level's links of the decoded {@code patents}. */
  public static DataStream<PatentLink> links(DataStream<Patent> patents, Settings s) {
    DataStream<PatentLink> family = FamilyLinks.links(patents, LinksSettings.family(s));
    if (!s.getBoolean(LinksSettings.NEAR_ENABLED.key())) {
      return family;
    }
    return family.union(NearDuplicates.links(patents, LinksSettings.nearDuplicates(s)));
  }

  /** patents.links, exactly once (transactional ids {@code <group-id>-links}), key {@code from|to|kind}. */
  public static void publish(DataStream<PatentLink> links, Settings s) {
    links.sinkTo(KafkaConnections.exactlyOnceSink(CommonSettings.kafka(s),
            s.require(CommonSettings.TOPIC_LINKS.key()), s.require(LinksSettings.GROUP_ID.key()) + "-links",
            TopicCodec::links, FamilyLinks::key))
        .name("links").uid("sink-links");
  }

  public static void run(Settings s) throws Exception {
    CommonSettings.ensureTopics(s, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_LINKS, CommonSettings.TOPIC_DLQ);
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    build(env, s);
    env.execute("patent2tech-links");
  }
}
