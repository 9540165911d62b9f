package io.patent2tech.jobs.landing;

import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.function.SerializableSupplier;

import io.patent2tech.connectors.kafka.KafkaClientSettings;
import io.patent2tech.connectors.elasticsearch.sink.ElasticsearchBulkSink;
import io.patent2tech.connectors.elasticsearch.index.AliasedIndex;
import io.patent2tech.connectors.elasticsearch.index.PatentIndex;
import io.patent2tech.connectors.kafka.DecodeDeadLetters;
import io.patent2tech.connectors.kafka.DecodeTopicValues;
import io.patent2tech.connectors.kafka.KafkaConnections;
import io.patent2tech.connectors.kafka.KafkaDeadLetterPublisherFactory;
import io.patent2tech.connectors.postgres.Model3dPostgresSink;
import io.patent2tech.connectors.postgres.PatentLinkPostgresSink;
import io.patent2tech.connectors.postgres.PatentPostgresSink;
import io.patent2tech.connectors.postgres.PostgresMigrations;
import io.patent2tech.jobs.NormalizedPatents;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.FlinkEnvironments;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Model3d;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentLink;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.links.LinkedDocuments;
import io.patent2tech.udfs.models3d.PatentModels;

/**
 * The landing job:
 *
 * <pre>
 *  patents.normalized (read_committed) -> decode -+-> PostgreSQL (upsert per publication key)
 *                                          |      +-> Elasticsearch alias `patents` (bulk upsert, _id = key)
 *                                          +-> patents.dlq (undecodable values; ES per-document rejections)
 *
 *  patents.links (read_committed) -> decode-links -+-> PostgreSQL patent_links (upsert per from, to, kind)
 *                                           |      +-> both ends -> keyBy key -> link lists -> Elasticsearch
 *                                           |          (family_members, application_members, near_duplicates
 *                                           |           merged into the patents' documents, _id = key)
 *                                           +-> patents.dlq (undecodable values; ES per-document rejections)
 *
 *  patents.models3d (read_committed) -> decode-models -+-> PostgreSQL models_3d (upsert per key, figure set)
 *                                              |       +-> keyBy key -> model summary -> Elasticsearch
 *                                              |           (has_model, model_* merged into the patents' documents)
 *                                              +-> patents.dlq (undecodable values; ES per-document rejections)
 *
 *  patents.dlq (read_committed) -> decode-dead-letters -> Elasticsearch alias `dead-letters`
 *                                  (bulk upsert, _id = topic-partition-offset; fields, no raw bytes:
 *                                   dlq_topic/dlq_partition/dlq_offset point at the record that has them)
 * </pre>
 *
 * All stores are idempotent upserts keyed by the publication key, the link or the figure set, so
 * replays change nothing. The paths share no operator; the links path's uids all start with
 * "links-", the models path's with "models-" and the dead letters path's with "dlq-", so that the patents path's uids, and savepoints
 * taken before links, models or dead letters were landed, stay valid.
 *
 * <p>The dead letters path writes nothing to patents.dlq, the topic it reads: a value there that
 * does not decode is landed as a document of its own, and what Elasticsearch refuses is logged,
 * not dead-lettered ({@link ElasticsearchBulkSink#forDeadLetters}). A dead letter never makes a dead
 * letter, so none can circle through the topic and the index.
 */
public final class LandingJob {

  public static final Setting GROUP_ID =
      new Setting("group-id", "patent2tech-landing", "Kafka consumer group (offsets committed on checkpoint)");
  public static final List<Setting> SETTINGS = CommonSettings.secured(Settings.join(List.of(
      CommonSettings.KAFKA_BOOTSTRAP, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_LINKS,
      CommonSettings.TOPIC_MODELS3D, CommonSettings.TOPIC_DLQ,
      GROUP_ID, CommonSettings.BOUNDED,
      CommonSettings.ES_URL, CommonSettings.ES_ALIAS, CommonSettings.ES_DEAD_LETTERS_ALIAS,
      CommonSettings.ES_BULK_MAX_ACTIONS,
      CommonSettings.ES_BULK_MAX_BYTES, CommonSettings.ES_MAX_RETRIES, CommonSettings.ES_INITIAL_BACKOFF,
      CommonSettings.ES_UNAVAILABLE_TIMEOUT,
      CommonSettings.PG_URL, CommonSettings.PG_USER, CommonSettings.PG_PASSWORD,
      CommonSettings.PG_BATCH_SIZE, CommonSettings.PG_BATCH_INTERVAL, CommonSettings.PG_RECONNECT_TIMEOUT),
      CommonSettings.RUNTIME));
  public static final List<String> FLAGS = List.of(CommonSettings.BOUNDED.key());

  public static final String USAGE = "land [options]\n"
      + "  Lands patents.normalized in PostgreSQL and Elasticsearch (idempotent upserts), and\n"
      + "  patents.links in PostgreSQL (patent_links) and on both linked documents in Elasticsearch\n"
      + "  (family_members, application_members, near_duplicates, family_representative), and\n"
      + "  patents.models3d in PostgreSQL (models_3d) and on the documents (has_model, model_*), and\n"
      + "  patents.dlq in Elasticsearch (dead-letters: reason, stage, source, time, and where the raw\n"
      + "  input is, never the input itself).\n"
      + "  Applies the Flyway migrations and the Elasticsearch index templates first.\n";

  private LandingJob() {}

  /** Adds the landing pipeline to {@code env}. */
  public static void build(StreamExecutionEnvironment env, Settings s) {
    DataStream<Patent> patents =
        NormalizedPatents.read(env, s, s.require(GROUP_ID.key()), "landing-decode");

    patents.sinkTo(PatentPostgresSink.create(CommonSettings.postgres(s),
            s.getInt(CommonSettings.PG_BATCH_SIZE.key()),
            s.getDuration(CommonSettings.PG_BATCH_INTERVAL.key()).toMillis()))
        .name("postgres").uid("sink-postgres");

    patents.sinkTo(ElasticsearchBulkSink.forPatents(CommonSettings.elasticsearch(s), deadLetters(s)))
        .name("elasticsearch").uid("sink-elasticsearch");

    buildLinks(env, s);
    buildModels(env, s);
    buildDeadLetters(env, s);
  }

  /**
   * The dead letters path: patents.dlq into the dead-letters alias, one document per record. Its
   * own failures do not go back to patents.dlq (see the class comment).
   */
  static void buildDeadLetters(StreamExecutionEnvironment env, Settings s) {
    String topic = s.require(CommonSettings.TOPIC_DLQ.key());
    KafkaClientSettings kafka = CommonSettings.kafka(s);
    env.fromSource(KafkaConnections.committedRecords(kafka, topic,
            s.require(GROUP_ID.key()), s.getBoolean(CommonSettings.BOUNDED.key())),
            WatermarkStrategy.noWatermarks(), topic)
        .uid("dlq-source")
        .process(new DecodeDeadLetters(kafka.registryUrl())).name("decode-dead-letters").uid("dlq-decode")
        .sinkTo(ElasticsearchBulkSink.forDeadLetters(
            CommonSettings.elasticsearch(s, CommonSettings.ES_DEAD_LETTERS_ALIAS)))
        .name("elasticsearch-dead-letters").uid("dlq-sink-elasticsearch");
  }

  /** The links path: patents.links into patent_links and onto both documents of each link. */
  static void buildLinks(StreamExecutionEnvironment env, Settings s) {
    SingleOutputStreamOperator<PatentLink> links =
        decoded(env, s, CommonSettings.TOPIC_LINKS, PatentLink.class, TopicCodec::links, "links");

    links.sinkTo(PatentLinkPostgresSink.create(CommonSettings.postgres(s),
            s.getInt(CommonSettings.PG_BATCH_SIZE.key()),
            s.getDuration(CommonSettings.PG_BATCH_INTERVAL.key()).toMillis()))
        .name("postgres-links").uid("links-sink-postgres");

    links.flatMap(new LinkedDocuments.Ends()).name("link-ends").uid("links-ends")
        .keyBy(new LinkedDocuments.ByFromKey())
        .process(new LinkedDocuments()).name("link-lists").uid("links-lists")
        .sinkTo(ElasticsearchBulkSink.forLinks(CommonSettings.elasticsearch(s), deadLetters(s)))
        .name("elasticsearch-links").uid("links-sink-elasticsearch");
  }

  /** The models path: patents.models3d into models_3d and, summarized per publication, onto its document. */
  static void buildModels(StreamExecutionEnvironment env, Settings s) {
    SingleOutputStreamOperator<Model3d> models =
        decoded(env, s, CommonSettings.TOPIC_MODELS3D, Model3d.class, TopicCodec::models3d, "models");

    models.sinkTo(Model3dPostgresSink.create(CommonSettings.postgres(s),
            s.getInt(CommonSettings.PG_BATCH_SIZE.key()),
            s.getDuration(CommonSettings.PG_BATCH_INTERVAL.key()).toMillis()))
        .name("postgres-models").uid("models-sink-postgres");

    models.keyBy(new PatentModels.ByPublication())
        .process(new PatentModels()).name("model-summaries").uid("models-summaries")
        .sinkTo(ElasticsearchBulkSink.forModels(CommonSettings.elasticsearch(s), deadLetters(s)))
        .name("elasticsearch-models").uid("models-sink-elasticsearch");
  }

  /**
   * The first steps of a path beside the patents': {@code topic} read committed with the landing
   * group, decoded into {@code type}, undecodable values to patents.dlq. The operators' uids start
   * with {@code path-} ({@code links-source}, {@code links-decode}, {@code links-sink-dlq}) and the
   * decoder is named {@code decode-<path>}, which the stage line counts.
   */
  private static <T extends SpecificRecord> SingleOutputStreamOperator<T> decoded(StreamExecutionEnvironment env,
      Settings s, Setting topicSetting, Class<T> type, SerializableSupplier<TopicCodec<T>> codec, String path) {
    KafkaClientSettings kafka = CommonSettings.kafka(s);
    String topic = s.require(topicSetting.key());
    String dlqTopic = s.require(CommonSettings.TOPIC_DLQ.key());
    String groupId = s.require(GROUP_ID.key());
    SingleOutputStreamOperator<T> decoded = env
        .fromSource(KafkaConnections.committedRecords(kafka, topic, groupId,
            s.getBoolean(CommonSettings.BOUNDED.key())), WatermarkStrategy.noWatermarks(), topic)
        .uid(path + "-source")
        .process(new DecodeTopicValues<>(type, codec, "landing-decode-" + path, kafka.registryUrl()))
        .name("decode-" + path).uid(path + "-decode")
        // as for the patents: a sink's failure is reported as itself, not as a failed deserialization
        .startNewChain();
    decoded.getSideOutput(DecodeTopicValues.DEAD_LETTERS)
        .sinkTo(KafkaConnections.exactlyOnceSink(kafka, dlqTopic, groupId + "-" + path + "-dlq",
            TopicCodec::deadLetters, DeadLetter::getRawPointer))
        .name(dlqTopic + " (" + path + ")").uid(path + "-sink-dlq");
    return decoded;
  }

  /** Where the Elasticsearch sinks put the documents the server refuses. */
  private static KafkaDeadLetterPublisherFactory deadLetters(Settings s) {
    return new KafkaDeadLetterPublisherFactory(CommonSettings.kafka(s),
        s.require(CommonSettings.TOPIC_DLQ.key()));
  }

  public static void run(Settings s) throws Exception {
    CommonSettings.ensureTopics(s, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_LINKS,
        CommonSettings.TOPIC_MODELS3D, CommonSettings.TOPIC_DLQ);
    PostgresMigrations.migrate(CommonSettings.postgres(s));
    PatentIndex.ensure(CommonSettings.elasticsearch(s));
    AliasedIndex.ensure(CommonSettings.elasticsearch(s, CommonSettings.ES_DEAD_LETTERS_ALIAS),
        AliasedIndex.DEAD_LETTERS_TEMPLATE);
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    build(env, s);
    env.execute("patent2tech-landing");
  }
}
