package io.patent2tech.jobs.landing;

import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.patent2tech.connectors.elasticsearch.ElasticsearchBulkSink;
import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.elasticsearch.PatentIndex;
import io.patent2tech.connectors.kafka.DecodeTopicValues;
import io.patent2tech.connectors.kafka.KafkaConnections;
import io.patent2tech.connectors.kafka.KafkaDeadLetterPublisherFactory;
import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.connectors.postgres.PatentPostgresSink;
import io.patent2tech.connectors.postgres.PostgresMigrations;
import io.patent2tech.connectors.postgres.PostgresSettings;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.FlinkEnvironments;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.TopicCodec;

/**
 * The landing job:
 *
 * <pre>
 *  patents.normalized (read_committed) -> decode -+-> PostgreSQL (upsert per publication key)
 *                                          |      +-> Elasticsearch alias `patents` (bulk upsert, _id = key)
 *                                          +-> patents.dlq (undecodable values; ES per-document rejections)
 * </pre>
 *
 * Both stores are idempotent upserts keyed by the publication key, so replays change nothing.
 */
public final class LandingJob {

  public static final Setting BOUNDED = new Setting("bounded", "false",
      "stop at the offsets that are latest when the job starts (otherwise run until cancelled)");
  public static final Setting GROUP_ID =
      new Setting("group-id", "patent2tech-landing", "Kafka consumer group (offsets committed on checkpoint)");
  public static final Setting ES_BULK_MAX_ACTIONS =
      new Setting("es.bulk.max-actions", "500", "documents per Elasticsearch bulk request at most");
  public static final Setting ES_BULK_MAX_BYTES =
      new Setting("es.bulk.max-bytes", String.valueOf(8 << 20), "bytes per Elasticsearch bulk request at most");
  public static final Setting ES_MAX_RETRIES =
      new Setting("es.max-retries", "8", "retries of a bulk request on 429 or connection errors");
  public static final Setting ES_INITIAL_BACKOFF =
      new Setting("es.initial-backoff", "200 ms", "first retry delay; doubles on each retry");
  public static final Setting PG_BATCH_SIZE =
      new Setting("pg.batch-size", "100", "patents per PostgreSQL batch at most");
  public static final Setting PG_BATCH_INTERVAL =
      new Setting("pg.batch-interval", "1 s", "PostgreSQL batches are flushed at least this often");

  public static final List<Setting> SETTINGS = List.of(
      CommonSettings.KAFKA_BOOTSTRAP, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_DLQ,
      GROUP_ID, BOUNDED,
      CommonSettings.ES_URL, CommonSettings.ES_ALIAS, ES_BULK_MAX_ACTIONS, ES_BULK_MAX_BYTES,
      ES_MAX_RETRIES, ES_INITIAL_BACKOFF,
      CommonSettings.PG_URL, CommonSettings.PG_USER, CommonSettings.PG_PASSWORD, PG_BATCH_SIZE,
      PG_BATCH_INTERVAL,
      CommonSettings.CHECKPOINT_INTERVAL, CommonSettings.CHECKPOINT_DIR,
      CommonSettings.RESTART_ATTEMPTS, CommonSettings.RESTART_DELAY, CommonSettings.PARALLELISM);
  public static final List<String> FLAGS = List.of(BOUNDED.key());

  public static final String USAGE = "land [options]\n"
      + "  Lands patents.normalized in PostgreSQL and Elasticsearch (idempotent upserts).\n"
      + "  Applies the Flyway migrations and the Elasticsearch index template first.\n";

  private LandingJob() {}

  public static PostgresSettings postgres(Settings s) {
    return new PostgresSettings(s.require(CommonSettings.PG_URL.key()),
        s.require(CommonSettings.PG_USER.key()), s.get(CommonSettings.PG_PASSWORD.key()));
  }

  public static ElasticsearchSettings elasticsearch(Settings s) {
    return new ElasticsearchSettings(s.require(CommonSettings.ES_URL.key()),
        s.require(CommonSettings.ES_ALIAS.key()), s.getInt(ES_BULK_MAX_ACTIONS.key()),
        s.getLong(ES_BULK_MAX_BYTES.key()), s.getInt(ES_MAX_RETRIES.key()),
        s.getDuration(ES_INITIAL_BACKOFF.key()).toMillis());
  }

  /** Adds the landing pipeline to {@code env}. */
  public static void build(StreamExecutionEnvironment env, Settings s) {
    String bootstrap = s.require(CommonSettings.KAFKA_BOOTSTRAP.key());
    String normalizedTopic = s.require(CommonSettings.TOPIC_NORMALIZED.key());
    String dlqTopic = s.require(CommonSettings.TOPIC_DLQ.key());
    String groupId = s.require(GROUP_ID.key());

    SingleOutputStreamOperator<Patent> patents = env
        .fromSource(KafkaConnections.committedRecords(bootstrap, normalizedTopic, groupId,
            s.getBoolean(BOUNDED.key())), WatermarkStrategy.noWatermarks(), normalizedTopic)
        .uid("source-normalized")
        .process(new DecodeTopicValues<>(Patent.class, TopicCodec::patents, "landing-decode"))
        .name("decode").uid("decode");

    patents.sinkTo(PatentPostgresSink.create(postgres(s), s.getInt(PG_BATCH_SIZE.key()),
            s.getDuration(PG_BATCH_INTERVAL.key()).toMillis()))
        .name("postgres").uid("sink-postgres");

    patents.sinkTo(ElasticsearchBulkSink.forPatents(elasticsearch(s),
            new KafkaDeadLetterPublisherFactory(bootstrap, dlqTopic)))
        .name("elasticsearch").uid("sink-elasticsearch");

    patents.getSideOutput(DecodeTopicValues.DEAD_LETTERS)
        .sinkTo(KafkaConnections.exactlyOnceSink(bootstrap, dlqTopic, groupId + "-dlq",
            TopicCodec::deadLetters, DeadLetter::getRawPointer))
        .name(dlqTopic).uid("sink-dlq");
  }

  public static void run(Settings s) throws Exception {
    String bootstrap = s.require(CommonSettings.KAFKA_BOOTSTRAP.key());
    Topics.ensure(bootstrap, Map.of(s.require(CommonSettings.TOPIC_NORMALIZED.key()), 3,
        s.require(CommonSettings.TOPIC_DLQ.key()), 1));
    PostgresMigrations.migrate(postgres(s));
    PatentIndex.ensure(elasticsearch(s));
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    build(env, s);
    env.execute("patent2tech-landing");
  }
}
