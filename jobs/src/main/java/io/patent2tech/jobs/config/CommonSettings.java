package io.patent2tech.jobs.config;

import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.postgres.PostgresSettings;

/** Settings shared by the jobs: where the services are, and how Flink checkpoints. */
public final class CommonSettings {

  public static final Setting KAFKA_BOOTSTRAP =
      new Setting("kafka.bootstrap", "localhost:9092", "Kafka bootstrap servers");
  public static final Setting TOPIC_NORMALIZED =
      new Setting("topic.normalized", "patents.normalized", "topic of normalized patents (Avro Patent)");
  public static final Setting TOPIC_DLQ =
      new Setting("topic.dlq", "patents.dlq", "dead-letter topic (Avro DeadLetter)");
  public static final Setting ES_URL =
      new Setting("es.url", "http://localhost:9200", "Elasticsearch URL");
  public static final Setting ES_ALIAS =
      new Setting("es.alias", "patents", "Elasticsearch alias the patents index sits behind");
  public static final Setting PG_URL = new Setting("pg.url",
      "jdbc:postgresql://localhost:5432/patent2tech", "PostgreSQL JDBC URL");
  public static final Setting PG_USER = new Setting("pg.user", "patent2tech", "PostgreSQL user");
  public static final Setting PG_PASSWORD =
      new Setting("pg.password", "patent2tech", "PostgreSQL password");
  public static final Setting CHECKPOINT_INTERVAL = new Setting("checkpoint.interval", "10 s",
      "Flink checkpoint interval; Kafka output becomes visible and ES/Postgres are flushed at each checkpoint");
  public static final Setting CHECKPOINT_DIR = new Setting("checkpoint.dir", null,
      "durable checkpoint storage URI (file:///..., s3://...); unset = JobManager memory, fine for local runs");
  public static final Setting RESTART_ATTEMPTS = new Setting("restart.attempts", "5",
      "restarts from the last checkpoint after a failure before the job gives up");
  public static final Setting RESTART_DELAY =
      new Setting("restart.delay", "5 s", "wait before each restart");
  public static final Setting TOPIC_ENRICHED = new Setting("topic.enriched", "patents.enriched",
      "topic of enriched patents (Avro EnrichedPatent)");
  public static final Setting LEGAL_ALIAS = new Setting("legal.alias", "legal-corpus",
      "Elasticsearch alias of the legal corpus index");
  public static final Setting BOUNDED = new Setting("bounded", "false",
      "stop at the offsets that are latest when the job starts (otherwise run until cancelled)");
  public static final Setting ES_BULK_MAX_ACTIONS =
      new Setting("es.bulk.max-actions", "500", "documents per Elasticsearch bulk request at most");
  public static final Setting ES_BULK_MAX_BYTES =
      new Setting("es.bulk.max-bytes", String.valueOf(8 << 20), "bytes per Elasticsearch bulk request at most");
  public static final Setting ES_MAX_RETRIES =
      new Setting("es.max-retries", "8", "retries of a bulk request on 429 or connection errors");
  public static final Setting ES_INITIAL_BACKOFF =
      new Setting("es.initial-backoff", "200 ms", "first retry delay; doubles on each retry");
  public static final Setting PG_BATCH_SIZE =
      new Setting("pg.batch-size", "100", "records per PostgreSQL batch at most");
  public static final Setting PG_BATCH_INTERVAL =
      new Setting("pg.batch-interval", "1 s", "PostgreSQL batches are flushed at least this often");
  public static final Setting DEDUPE_TTL = new Setting("dedupe-ttl", "30 d",
      "how long a job remembers the content hash it passed on per publication key (dedupe state TTL)");
  public static final Setting PARALLELISM =
      new Setting("parallelism", "2", "default operator parallelism");

  private CommonSettings() {}

  /** Where PostgreSQL is, from pg.url / pg.user / pg.password. */
  public static PostgresSettings postgres(Settings s) {
    return new PostgresSettings(s.require(PG_URL.key()),
        s.require(PG_USER.key()), s.get(PG_PASSWORD.key()));
  }

  /** The patents alias with the bulk writer's limits. */
  public static ElasticsearchSettings elasticsearch(Settings s) {
    return new ElasticsearchSettings(s.require(ES_URL.key()),
        s.require(ES_ALIAS.key()), s.getInt(ES_BULK_MAX_ACTIONS.key()),
        s.getLong(ES_BULK_MAX_BYTES.key()), s.getInt(ES_MAX_RETRIES.key()),
        s.getDuration(ES_INITIAL_BACKOFF.key()).toMillis());
  }
}
