package io.patent2tech.jobs.config;

import io.patent2tech.connectors.elasticsearch.ElasticsearchAuth;
import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.elasticsearch.index.LegalCorpusIndex;
import io.patent2tech.connectors.kafka.KafkaClientSettings;
import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.connectors.postgres.PostgresSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings shared by the jobs: where the services are (by default the local stack, {@link
 * StackDefaults}), and how Flink checkpoints.
 */
public final class CommonSettings {

  public static final Setting KAFKA_BOOTSTRAP =
      new Setting("kafka.bootstrap", StackDefaults.kafkaBootstrap(), "Kafka bootstrap servers");
  public static final Setting TOPIC_NORMALIZED =
      new Setting("topic.normalized", Topics.NORMALIZED, "topic of normalized patents (Avro Patent)");
  public static final Setting TOPIC_DLQ =
      new Setting("topic.dlq", Topics.DLQ, "dead-letter topic (Avro DeadLetter)");
  public static final Setting ES_URL =
      new Setting("es.url", StackDefaults.elasticsearchUrl(), "Elasticsearch URL");
  public static final Setting ES_ALIAS =
      new Setting("es.alias", ElasticsearchSettings.DEFAULT_ALIAS, "Elasticsearch alias the patents index sits behind");
  public static final Setting ES_DEAD_LETTERS_ALIAS = new Setting("es.dead-letters-alias", "dead-letters",
      "Elasticsearch alias the dead letters (topic.dlq) are landed behind");
  public static final Setting ES_COLLECTION_RUNS_ALIAS = new Setting("es.collection-runs-alias", "collection-runs",
      "Elasticsearch alias the collection runs are mirrored behind");
  public static final Setting PG_URL = new Setting("pg.url",
      StackDefaults.postgresUrl(), "PostgreSQL JDBC URL");
  public static final Setting PG_USER = new Setting("pg.user", StackDefaults.postgresUser(), "PostgreSQL user");
  public static final Setting PG_PASSWORD =
      Setting.secret("pg.password", StackDefaults.postgresPassword(), "PostgreSQL password");
  public static final Setting PG_SSLMODE = new Setting("pg.sslmode", null,
      "PostgreSQL TLS: disable, prefer, require, verify-ca or verify-full (checks the server's name too; "
          + "use it with pg.sslrootcert). Unset: the driver's default (prefer)");
  public static final Setting PG_SSLROOTCERT = new Setting("pg.sslrootcert", null,
      "PEM file of the CA that signed the PostgreSQL server's certificate");

  public static final Setting KAFKA_SECURITY_PROTOCOL = new Setting("kafka.security-protocol",
      KafkaClientSettings.PLAINTEXT, "how Kafka clients connect: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL "
          + "(SASL over TLS; the local stack's secure listener, P2T_KAFKA_SECURE_BOOTSTRAP)");
  public static final Setting KAFKA_SASL_MECHANISM = new Setting("kafka.sasl-mechanism",
      KafkaClientSettings.DEFAULT_SASL_MECHANISM, "SASL mechanism: SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN");
  public static final Setting KAFKA_SASL_USERNAME = new Setting("kafka.sasl-username", null, "SASL user name");
  public static final Setting KAFKA_SASL_PASSWORD = Setting.secret("kafka.sasl-password", null, "SASL password");
  public static final Setting KAFKA_SSL_TRUSTSTORE = new Setting("kafka.ssl-truststore", null,
      "PEM file of the CA certificates Kafka clients trust (the local stack's: P2T_KAFKA_CA_FILE); unset: the JVM's");

  public static final Setting ES_USERNAME = new Setting("es.username", null, "Elasticsearch user (HTTP basic auth)");
  public static final Setting ES_PASSWORD = Setting.secret("es.password", null, "Elasticsearch user's password");
  public static final Setting ES_API_KEY = Setting.secret("es.api-key", null,
      "Elasticsearch API key (its encoded form), sent as 'Authorization: ApiKey ...'; wins over es.username");
  public static final Setting ES_CA_FILE = new Setting("es.ca-file", null,
      "PEM file of the CA that signed Elasticsearch's certificate (an https es.url; Elasticsearch's http_ca.crt)");

  public static final Setting REGISTRY_URL = new Setting("registry.url", StackDefaults.registryUrl(),
      "schema registry (Confluent-compatible REST API) the topics' Confluent-framed values are written and read "
          + "with; each topic's encoding is in infra/kafka/topics.txt (docs/subscribing.md)");

  /** How Kafka clients authenticate and encrypt; every command that names kafka.bootstrap takes these too. */
  public static final java.util.List<Setting> KAFKA_SECURITY = java.util.List.of(KAFKA_SECURITY_PROTOCOL,
      KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD, KAFKA_SSL_TRUSTSTORE);
  /** How Elasticsearch clients authenticate and which CA they trust; with es.url. */
  public static final java.util.List<Setting> ES_SECURITY =
      java.util.List.of(ES_USERNAME, ES_PASSWORD, ES_API_KEY, ES_CA_FILE);
  /** PostgreSQL TLS; with pg.url. */
  public static final java.util.List<Setting> PG_SECURITY = java.util.List.of(PG_SSLMODE, PG_SSLROOTCERT);
  public static final Setting CHECKPOINT_INTERVAL = Setting.duration("checkpoint.interval", Duration.ofSeconds(10),
      "Flink checkpoint interval; Kafka output becomes visible and ES/Postgres are flushed at each checkpoint");
  public static final Setting CHECKPOINT_DIR = new Setting("checkpoint.dir", null,
      "durable checkpoint storage URI (file:///..., s3://...); checkpoints there are kept when the job is "
          + "cancelled or fails, to resume from. Unset: the cluster's own (the local stack: its data "
          + "directory); a local MiniCluster keeps them in memory only");
  public static final Setting CHECKPOINT_TOLERABLE_FAILURES = Setting.wholeNumber("checkpoint.tolerable-failures", 5L,
      "consecutive failed checkpoints (e.g. a sink flush while a store is away) before the job restarts");
  public static final Setting STATE_BACKEND = new Setting("state.backend", "hashmap",
      "where keyed state lives: hashmap (heap) or rocksdb (disk; for large dedupe state)");
  public static final Setting STATE_INCREMENTAL = Setting.bool("state.incremental", true,
      "with rocksdb: checkpoints upload only the files changed since the last one");
  public static final Setting RESTORE_FROM = new Setting("restore.from", null,
      "start from a retained checkpoint or a savepoint: its path, or 'latest' (the newest checkpoint "
          + "under checkpoint.dir; scripts/run checkpoints lists them). Operators keep their uids, so a new "
          + "build of the job restores an old checkpoint");
  public static final Setting RESTORE_ALLOW_NON_RESTORED = Setting.bool("restore.allow-non-restored-state", false,
      "restore even if the checkpoint holds state of an operator the job no longer has");
  public static final Setting RESTART_STRATEGY = new Setting("restart.strategy", "exponential",
      "after a failure: exponential (delays doubling up to restart.max-delay, the count starting over "
          + "after restart.reset-after of healthy running), fixed (restart.attempts, restart.delay apart) or none");
  public static final Setting RESTART_ATTEMPTS = Setting.wholeNumber("restart.attempts", 100L,
      "restarts before the job gives up: exponential, since the last healthy period (100 with the "
          + "defaults rides out a dependency down for well over an hour); fixed, over the job's life");
  public static final Setting RESTART_DELAY =
      Setting.duration("restart.delay", Duration.ofSeconds(1), "wait before the first restart (exponential) or each restart (fixed)");
  public static final Setting RESTART_MAX_DELAY = Setting.duration("restart.max-delay", Duration.ofMinutes(1),
      "longest wait between two restarts (exponential)");
  public static final Setting RESTART_RESET_AFTER = Setting.duration("restart.reset-after", Duration.ofMinutes(10),
      "running this long without a failure starts the delays and the count over (exponential)");
  public static final Setting TOPIC_ENRICHED = new Setting("topic.enriched", Topics.ENRICHED,
      "topic of enriched patents (Avro EnrichedPatent)");
  public static final Setting TOPIC_LINKS = new Setting("topic.links", Topics.LINKS,
      "topic of links between publications: family, application, near-duplicate (Avro PatentLink)");
  public static final Setting TOPIC_MODELS3D = new Setting("topic.models3d", Topics.MODELS3D,
      "topic of 3D reconstruction outcomes, one per figure set, made or not (Avro Model3d)");
  public static final Setting TOPIC_DRAWINGS = new Setting("topic.drawings", Topics.DRAWINGS,
      "topic of patents' drawing sets: figures with view labels, orthographic sets (Avro PatentDrawings)");
  public static final Setting LEGAL_ALIAS = new Setting("legal.alias", LegalCorpusIndex.DEFAULT_ALIAS,
      "Elasticsearch alias of the legal corpus index");
  public static final Setting BOUNDED = Setting.bool("bounded", false,
      "stop at the offsets that are latest when the job starts (otherwise run until cancelled)");
  public static final Setting ES_BULK_MAX_ACTIONS =
      Setting.wholeNumber("es.bulk.max-actions", (long) ElasticsearchSettings.DEFAULT_MAX_BULK_ACTIONS, "documents per Elasticsearch bulk request at most");
  public static final Setting ES_BULK_MAX_BYTES =
      Setting.wholeNumber("es.bulk.max-bytes", ElasticsearchSettings.DEFAULT_MAX_BULK_BYTES, "bytes per Elasticsearch bulk request at most");
  public static final Setting ES_MAX_RETRIES = Setting.wholeNumber("es.max-retries", (long) ElasticsearchSettings.DEFAULT_MAX_RETRIES,
      "retries of a bulk request Elasticsearch rejects for load (429), or of documents it asks to resend "
          + "(429, 409, 503); an unreachable Elasticsearch is waited for instead (es.unavailable-timeout)");
  public static final Setting ES_INITIAL_BACKOFF =
      Setting.duration("es.initial-backoff", ElasticsearchSettings.DEFAULT_INITIAL_BACKOFF,
          "first delay of those retries; doubles on each retry");
  public static final Setting ES_UNAVAILABLE_TIMEOUT = Setting.duration("es.unavailable-timeout",
      ElasticsearchSettings.DEFAULT_UNAVAILABLE_TIMEOUT,
      "how long the Elasticsearch sink keeps trying while Elasticsearch cannot be reached (refused, reset, "
          + "timed out, 502/503/504; 0.5 s doubling to 10 s between tries) before it fails the task and the job "
          + "restarts; checkpoints go on meanwhile, holding the unsent documents");
  public static final Setting PG_BATCH_SIZE =
      Setting.wholeNumber("pg.batch-size", 100L, "records per PostgreSQL batch at most");
  public static final Setting PG_BATCH_INTERVAL =
      Setting.duration("pg.batch-interval", Duration.ofSeconds(1), "PostgreSQL batches are flushed at least this often");
  public static final Setting PG_RECONNECT_TIMEOUT = Setting.duration("pg.reconnect-timeout",
      PostgresSettings.DEFAULT_RECONNECT_TIMEOUT,
      "how long a PostgreSQL sink keeps reconnecting after it lost its connection (0.5 s doubling to 10 s "
          + "between tries) before it fails the task and the job restarts; the wait holds the task, so "
          + "checkpoints wait too");
  public static final Setting DEDUPE_TTL = Setting.duration("dedupe-ttl", Duration.ofDays(30),
      "how long a job remembers the content hash it passed on per publication key (dedupe state TTL)");
  public static final Setting DEDUPE_FROM_TOPIC = Setting.bool("dedupe-from-topic", true,
      "a job that starts without a checkpoint or savepoint first learns what the normalized topic "
          + "already holds, so it publishes nothing that is there; false starts with an empty dedupe");
  public static final Setting PARALLELISM =
      Setting.wholeNumber("parallelism", 2L, "default operator parallelism");

  /** How every job runs on Flink: checkpoints, state, restarts, parallelism; each job lists these. */
  public static final java.util.List<Setting> RUNTIME = java.util.List.of(CHECKPOINT_INTERVAL, CHECKPOINT_DIR,
      CHECKPOINT_TOLERABLE_FAILURES, STATE_BACKEND, STATE_INCREMENTAL, RESTORE_FROM, RESTORE_ALLOW_NON_RESTORED,
      RESTART_STRATEGY, RESTART_ATTEMPTS,
      RESTART_DELAY, RESTART_MAX_DELAY, RESTART_RESET_AFTER, PARALLELISM);

  private CommonSettings() {}

  /**
   * {@code settings} with the security settings of each connection it names added after it:
   * {@link #KAFKA_SECURITY} and {@link #REGISTRY_URL} after kafka.bootstrap, {@link #ES_SECURITY} after es.url, {@link
   * #PG_SECURITY} after pg.password. Every command's list goes through this, so no command can
   * reach a service without being able to authenticate to it.
   */
  public static java.util.List<Setting> secured(java.util.List<Setting> settings) {
    java.util.List<Setting> all = new java.util.ArrayList<>();
    for (Setting setting : settings) {
      all.add(setting);
      if (setting.equals(KAFKA_BOOTSTRAP)) {
        all.addAll(KAFKA_SECURITY);
        all.add(REGISTRY_URL); // what the values on the topics are framed with

      } else if (setting.equals(ES_URL)) {
        all.addAll(ES_SECURITY);
      } else if (setting.equals(PG_PASSWORD)) {
        all.addAll(PG_SECURITY);
      }
    }
    return java.util.List.copyOf(all);
  }

  /**
   * Where Kafka is and how to log in: kafka.bootstrap and {@link #KAFKA_SECURITY}; with the schema
   * registry the values are framed with, {@link #REGISTRY_URL}.
   */
  public static KafkaClientSettings kafka(Settings s) {
    return new KafkaClientSettings(s.require(KAFKA_BOOTSTRAP.key()), s.get(KAFKA_SECURITY_PROTOCOL.key()),
        s.get(KAFKA_SASL_MECHANISM.key()), s.get(KAFKA_SASL_USERNAME.key()), s.get(KAFKA_SASL_PASSWORD.key()),
        s.get(KAFKA_SSL_TRUSTSTORE.key()), s.get(REGISTRY_URL.key()));
  }

  /** Elasticsearch credentials and CA from {@link #ES_SECURITY}. */
  public static ElasticsearchAuth elasticsearchAuth(Settings s) {
    return new ElasticsearchAuth(s.get(ES_USERNAME.key()), s.get(ES_PASSWORD.key()), s.get(ES_API_KEY.key()),
        s.get(ES_CA_FILE.key()));
  }

  /**
   * pg.url with pg.sslmode and pg.sslrootcert added as JDBC parameters: every connection (sinks,
   * lookups, Flyway migrations, counts) is opened from this URL, so TLS is set in one place.
   */
  public static String postgresUrl(Settings s) {
    StringBuilder url = new StringBuilder(s.require(PG_URL.key()));
    char separator = url.indexOf("?") < 0 ? '?' : '&';
    for (Setting p : PG_SECURITY) {
      String v = s.get(p.key());
      if (v != null && !v.isBlank()) {
        url.append(separator).append(p.key().substring("pg.".length())).append('=')
            .append(java.net.URLEncoder.encode(v.strip(), java.nio.charset.StandardCharsets.UTF_8));
        separator = '&';
      }
    }
    return url.toString();
  }

  /**
   * Creates the topics these settings name where they are missing, each with the partitions the
   * topic registry ({@code infra/kafka/topics.txt}, {@link Topics}) gives the topic the setting
   * defaults to: {@code --topic.normalized my.topic} gets the partitions of patents.normalized.
   */
  public static void ensureTopics(Settings s, Setting... topics) {
    Map<String, String> registryTopicByName = new LinkedHashMap<>();
    for (Setting topic : topics) {
      registryTopicByName.put(s.require(topic.key()), topic.defaultValue());
    }
    Topics.ensureAs(kafka(s), registryTopicByName);
  }

  /** Where PostgreSQL is, from pg.url / pg.user / pg.password, and pg.reconnect-timeout. */
  public static PostgresSettings postgres(Settings s) {
    return new PostgresSettings(postgresUrl(s),
        s.require(PG_USER.key()), s.get(PG_PASSWORD.key()), s.getDuration(PG_RECONNECT_TIMEOUT.key()));
  }

  /** The patents alias with the bulk writer's limits and waits. */
  public static ElasticsearchSettings elasticsearch(Settings s) {
    return elasticsearch(s, ES_ALIAS);
  }

  /** The alias {@code alias} names ({@link #ES_DEAD_LETTERS_ALIAS}, ...) with the bulk writer's limits and waits. */
  public static ElasticsearchSettings elasticsearch(Settings s, Setting alias) {
    return new ElasticsearchSettings(s.require(ES_URL.key()),
        s.require(alias.key()), s.getInt(ES_BULK_MAX_ACTIONS.key()),
        s.getLong(ES_BULK_MAX_BYTES.key()), s.getInt(ES_MAX_RETRIES.key()),
        s.getDuration(ES_INITIAL_BACKOFF.key()).toMillis(), s.getDuration(ES_UNAVAILABLE_TIMEOUT.key()),
        elasticsearchAuth(s));
  }

}
