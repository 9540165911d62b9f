package io.patent2tech.jobs.landing;

import java.util.List;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.patent2tech.connectors.elasticsearch.sink.ElasticsearchBulkSink;
import io.patent2tech.connectors.elasticsearch.index.PatentIndex;
import io.patent2tech.connectors.kafka.KafkaDeadLetterPublisherFactory;
import io.patent2tech.connectors.postgres.PatentPostgresSink;
import io.patent2tech.connectors.postgres.PostgresMigrations;
import io.patent2tech.jobs.NormalizedPatents;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.FlinkEnvironments;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.schema.Patent;

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

  public static final Setting GROUP_ID =
      new Setting("group-id", "patent2tech-landing", "Kafka consumer group (offsets committed on checkpoint)");
  public static final List<Setting> SETTINGS = Settings.join(List.of(
      CommonSettings.KAFKA_BOOTSTRAP, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_DLQ,
      GROUP_ID, CommonSettings.BOUNDED,
      CommonSettings.ES_URL, CommonSettings.ES_ALIAS, CommonSettings.ES_BULK_MAX_ACTIONS,
      CommonSettings.ES_BULK_MAX_BYTES, CommonSettings.ES_MAX_RETRIES, CommonSettings.ES_INITIAL_BACKOFF,
      CommonSettings.ES_UNAVAILABLE_TIMEOUT,
      CommonSettings.PG_URL, CommonSettings.PG_USER, CommonSettings.PG_PASSWORD,
      CommonSettings.PG_BATCH_SIZE, CommonSettings.PG_BATCH_INTERVAL, CommonSettings.PG_RECONNECT_TIMEOUT),
      CommonSettings.RUNTIME);
  public static final List<String> FLAGS = List.of(CommonSettings.BOUNDED.key());

  public static final String USAGE = "land [options]\n"
      + "  Lands patents.normalized in PostgreSQL and Elasticsearch (idempotent upserts).\n"
      + "  Applies the Flyway migrations and the Elasticsearch index template first.\n";

  private LandingJob() {}

  /** Adds the landing pipeline to {@code env}. */
  public static void build(StreamExecutionEnvironment env, Settings s) {
    String bootstrap = s.require(CommonSettings.KAFKA_BOOTSTRAP.key());
    String dlqTopic = s.require(CommonSettings.TOPIC_DLQ.key());

    DataStream<Patent> patents =
        NormalizedPatents.read(env, s, s.require(GROUP_ID.key()), "landing-decode");

    patents.sinkTo(PatentPostgresSink.create(CommonSettings.postgres(s),
            s.getInt(CommonSettings.PG_BATCH_SIZE.key()),
            s.getDuration(CommonSettings.PG_BATCH_INTERVAL.key()).toMillis()))
        .name("postgres").uid("sink-postgres");

    patents.sinkTo(ElasticsearchBulkSink.forPatents(CommonSettings.elasticsearch(s),
            new KafkaDeadLetterPublisherFactory(bootstrap, dlqTopic)))
        .name("elasticsearch").uid("sink-elasticsearch");
  }

  public static void run(Settings s) throws Exception {
    String bootstrap = s.require(CommonSettings.KAFKA_BOOTSTRAP.key());
    CommonSettings.ensureTopics(s, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_DLQ);
    PostgresMigrations.migrate(CommonSettings.postgres(s));
    PatentIndex.ensure(CommonSettings.elasticsearch(s));
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    build(env, s);
    env.execute("patent2tech-landing");
  }
}
