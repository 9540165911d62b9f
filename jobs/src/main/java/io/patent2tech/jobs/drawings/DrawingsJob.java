package io.patent2tech.jobs.drawings;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.patent2tech.connectors.kafka.KafkaClientSettings;
import io.patent2tech.connectors.kafka.KafkaConnections;
import io.patent2tech.connectors.reconstruct.ReconstructionDevices;
import io.patent2tech.jobs.NormalizedPatents;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.FlinkEnvironments;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.config.FigureImageSettings;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Model3d;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentDrawings;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.drawings.BuildDrawingSets;
import io.patent2tech.udfs.models3d.ReconstructModels;

/**
 * The drawings job (docs/design.md section 7, docs/drawings.md):
 *
 * <pre>
 *  patents.normalized (read_committed) -> decode -> drawing-sets -> patents.drawings
 *                                          |  |     (BuildDrawingSets: figures + view labels,   (exactly once,
 *                                          |  |      orthographic sets, reconstructable)          key publication key)
 *                                          |  |       +-> patents.dlq (patents it cannot read)
 *                                          |  +-> keyBy key -> reconstruct-models -> patents.models3d (exactly once,
 *                                          |     (ReconstructModels: images -> silhouettes ->      key key|set)
 *                                          |      visual hull -> marching cubes -> files in --models.dir)
 *                                          |       +-> patents.dlq (images too large, unreadable, undecodable)
 *                                          +-> patents.dlq (undecodable values)
 * </pre>
 *
 * One drawings record per patent, also for patents without figures (reason no-figures), so a
 * subscriber sees every patent and a new version of a patent replaces its record (same key; a
 * compacted topic keeps the last). One models record per figure set, made or not. The drawing sets
 * are stateless; the reconstruction keeps each set's content hash, so a replay recomputes nothing.
 * Options: {@link DrawingsSettings}, {@link ModelSettings}, the images' {@code --images.*}.
 */
public final class DrawingsJob {

  public static final String USAGE = "drawings [options]\n"
      + "  Reads the drawings of every patent on patents.normalized -> patents.drawings: each figure\n"
      + "  with its view label (front, rear, top, bottom, left, right, perspective, section, exploded,\n"
      + "  enlarged, schematic, flowchart, graph, other; English and Korean brief descriptions), its\n"
      + "  image, and the orthographic sets per embodiment with whether they can be reconstructed in 3D\n"
      + "  (docs/drawings.md). One record per patent, also without figures (reason no-figures).\n"
      + "  Then reconstructs each set in 3D (visual hull of its views, or the 2.5D extrusion of one\n"
      + "  view) -> patents.models3d, with STL, PLY, OBJ, GLB and a PNG preview per set in --models.dir\n"
      + "  (docs/reconstruction.md); --models.enabled false leaves that out.\n";

  private DrawingsJob() {}

  /** Adds the drawings pipeline to {@code env}. */
  public static void build(StreamExecutionEnvironment env, Settings s) {
    DataStream<Patent> patents =
        NormalizedPatents.read(env, s, s.require(DrawingsSettings.GROUP_ID.key()), "drawings-decode");
    publish(drawings(patents, s), s);
    if (s.getBoolean(ModelSettings.ENABLED.key())) {
      publishModels(models(patents, s), s);
    }
  }

  /** Each figure set of each patent reconstructed in 3D, or the reason it was not (side output: dead letters). */
  public static SingleOutputStreamOperator<Model3d> models(DataStream<Patent> patents, Settings s) {
    return patents
        .keyBy(new ReconstructModels.ByPublication())
        .process(new ReconstructModels(FigureImageSettings.factory(s),
            ReconstructionDevices.engineFactory(ModelSettings.device(s)), s.getInt(ModelSettings.BATCH_SETS.key()),
            ModelSettings.reconstruction(s), ModelSettings.imageLimits(s), s.require(ModelSettings.DIR.key()),
            s.require(CommonSettings.TOPIC_NORMALIZED.key())))
        .name("reconstruct-models").uid("reconstruct-models");
  }

  /** patents.models3d exactly once (transactional ids {@code <group-id>-models3d}), key {@code key|set}. */
  public static void publishModels(SingleOutputStreamOperator<Model3d> models, Settings s) {
    KafkaClientSettings kafka = CommonSettings.kafka(s);
    String groupId = s.require(DrawingsSettings.GROUP_ID.key());
    models.sinkTo(KafkaConnections.exactlyOnceSink(kafka, s.require(CommonSettings.TOPIC_MODELS3D.key()),
            groupId + "-models3d", TopicCodec::models3d, m -> m.getPublicationKey() + "|" + m.getFigureSet()))
        .name("models3d").uid("sink-models3d");
    models.getSideOutput(ReconstructModels.DEAD_LETTERS)
        .sinkTo(KafkaConnections.exactlyOnceSink(kafka, s.require(CommonSettings.TOPIC_DLQ.key()),
            groupId + "-models3d-dlq", TopicCodec::deadLetters, DeadLetter::getPublicationKey))
        .name("models3d-dlq").uid("sink-dlq-models3d");
  }

  /** The drawing set of each decoded patent; the ones it cannot read are its dead letters (side output). */
  public static SingleOutputStreamOperator<PatentDrawings> drawings(DataStream<Patent> patents, Settings s) {
    return patents
        .process(new BuildDrawingSets(s.require(CommonSettings.TOPIC_NORMALIZED.key())))
        .name("drawing-sets").uid("drawing-sets");
  }

  /**
   * patents.drawings, exactly once (transactional ids {@code <group-id>-drawings}), key the
   * publication key; the dead letters to patents.dlq (transactional ids {@code <group-id>-drawings-dlq}).
   */
  public static void publish(SingleOutputStreamOperator<PatentDrawings> drawings, Settings s) {
    KafkaClientSettings kafka = CommonSettings.kafka(s);
    String groupId = s.require(DrawingsSettings.GROUP_ID.key());
    drawings.sinkTo(KafkaConnections.exactlyOnceSink(kafka, s.require(CommonSettings.TOPIC_DRAWINGS.key()),
            groupId + "-drawings", TopicCodec::drawings, PatentDrawings::getPublicationKey))
        .name("drawings").uid("sink-drawings");
    drawings.getSideOutput(BuildDrawingSets.DEAD_LETTERS)
        .sinkTo(KafkaConnections.exactlyOnceSink(kafka, s.require(CommonSettings.TOPIC_DLQ.key()),
            groupId + "-drawings-dlq", TopicCodec::deadLetters, DeadLetter::getPublicationKey))
        .name("drawings-dlq").uid("sink-dlq-drawings");
  }

  public static void run(Settings s) throws Exception {
    CommonSettings.ensureTopics(s, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_DRAWINGS,
        CommonSettings.TOPIC_MODELS3D, CommonSettings.TOPIC_DLQ);
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    build(env, s);
    env.execute("patent2tech-drawings");
  }
}
