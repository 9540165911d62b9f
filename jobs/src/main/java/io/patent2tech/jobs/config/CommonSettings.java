package io.patent2tech.jobs.config;

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
  public static final Setting PARALLELISM =
      new Setting("parallelism", "2", "default operator parallelism");

  private CommonSettings() {}
}
