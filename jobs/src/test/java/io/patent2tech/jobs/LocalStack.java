package io.patent2tech.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.patent2tech.connectors.kafka.CommittedTopic;
import io.patent2tech.connectors.kafka.KafkaClientSettings;
import io.patent2tech.connectors.postgres.PostgresMigrations;
import io.patent2tech.connectors.postgres.PostgresSettings;

/**
 * Where the integration tests find the services of {@code scripts/stack up}: the same P2T_*
 * variables the jobs read, with the stack's defaults. Also the clean-up every test run needs,
 * since each run works in topics, aliases and schemas of its own.
 */
public final class LocalStack {

  public static final String KAFKA = env("P2T_KAFKA_BOOTSTRAP", "localhost:9092");
  public static final String ES = env("P2T_ES_URL", "http://localhost:9200").replaceAll("/+$", "");
  public static final String PG_URL = env("P2T_PG_URL", "jdbc:postgresql://localhost:5432/patent2tech");
  public static final String PG_USER = env("P2T_PG_USER", "patent2tech");
  public static final String PG_PASSWORD = env("P2T_PG_PASSWORD", "patent2tech");
  /** The stack's schema registry, its Confluent-compatible API (scripts/stack env: P2T_REGISTRY_URL). */
  public static final String REGISTRY = env("P2T_REGISTRY_URL", "http://localhost:8085/apis/ccompat/v7")
      .replaceAll("/+$", "");

  /** The stack's plaintext listener with its schema registry: what the jobs use by default. */
  public static KafkaClientSettings kafka() {
    return KafkaClientSettings.plaintext(KAFKA).withRegistry(REGISTRY);
  }

  /** {@code codec} reading both encodings, Confluent-framed values with the stack's registry. */
  public static <T extends org.apache.avro.specific.SpecificRecord> io.patent2tech.schema.TopicCodec<T> reading(
      io.patent2tech.schema.TopicCodec<T> codec) {
    return io.patent2tech.connectors.kafka.Topics.readerCodec(codec, REGISTRY);
  }

  /**
   * The stack's SASL_SSL listener with its SCRAM user and the CA that signed its certificate, as
   * {@code scripts/stack env} exports them (P2T_KAFKA_SECURE_BOOTSTRAP, P2T_KAFKA_SCRAM_USER, ...).
   */
  public static final String KAFKA_SECURE = env("P2T_KAFKA_SECURE_BOOTSTRAP", "localhost:9094");
  public static final String KAFKA_SCRAM_USER = env("P2T_KAFKA_SCRAM_USER", "patent2tech");
  public static final String KAFKA_SCRAM_PASSWORD = env("P2T_KAFKA_SCRAM_PASSWORD", "patent2tech-scram");
  public static final String KAFKA_CA_FILE = env("P2T_KAFKA_CA_FILE",
      env("P2T_STACK_DIR", "/var/lib/patent2tech") + "/conf/kafka/tls/ca.pem");

  /** The CA of the stack's PostgreSQL server certificate (scripts/stack env: P2T_PG_CA_FILE). */
  public static final String PG_CA_FILE = env("P2T_PG_CA_FILE",
      env("P2T_STACK_DIR", "/var/lib/patent2tech") + "/conf/postgres/tls/ca.pem");

  /** Client settings for the secure listener with the given password. */
  public static KafkaClientSettings secureKafka(String password) {
    return new KafkaClientSettings(KAFKA_SECURE, "SASL_SSL", "SCRAM-SHA-512", KAFKA_SCRAM_USER, password,
        KAFKA_CA_FILE, REGISTRY);
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalStack() {}

  /** A name unique to this test run, usable as topic prefix, alias prefix and schema name. */
  public static String runName(String prefix) {
    return prefix + System.currentTimeMillis();
  }

  /** The JDBC URL whose connections work in {@code schema} only. */
  public static String pgUrlInSchema(String schema) {
    return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  public static void createSchema(String schema) throws Exception {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement st = c.createStatement()) {
      st.execute("create schema " + schema);
    }
  }

  /**
   * Creates {@code schema} and applies the Flyway migrations in it.
   *
   * @return settings whose connections work in that schema only
   */
  public static PostgresSettings migratedSchema(String schema) throws Exception {
    createSchema(schema);
    PostgresSettings settings = new PostgresSettings(pgUrlInSchema(schema), PG_USER, PG_PASSWORD);
    PostgresMigrations.migrate(settings);
    return settings;
  }

  public static void dropSchema(String schema) throws Exception {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement st = c.createStatement()) {
      st.execute("drop schema if exists " + schema + " cascade");
    }
  }

  public static void deleteTopics(List<String> topics) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    try (Admin admin = Admin.create(props)) {
      admin.deleteTopics(topics).all().get();
    }
    // The registry's subjects of these topics stay, as docs/subscribing.md asks of every operator:
    // a schema id must keep resolving for as long as anything may hold a value framed with it.
  }

  /** Deletes those of {@code topics} that exist: a test that did not run created none. */
  public static void deleteTopicsIfPresent(List<String> topics) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    try (Admin admin = Admin.create(props)) {
      java.util.Set<String> present = admin.listTopics().names().get();
      List<String> existing = topics.stream().filter(present::contains).toList();
      if (!existing.isEmpty()) {
        admin.deleteTopics(existing).all().get();
      }
    }
    // their registry subjects stay (see deleteTopics)
  }

  /** One Elasticsearch request without a body; asserts status 200 and returns the JSON answer. */
  public static JsonNode es(String method, String path) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ES + path))
            .method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** Deletes an index or index template; absent ones are fine. */
  public static void esDelete(String path) throws Exception {
    HTTP.send(HttpRequest.newBuilder(URI.create(ES + path)).DELETE().build(),
        HttpResponse.BodyHandlers.discarding());
  }

  public static long esCount(String alias) throws Exception {
    es("POST", "/" + alias + "/_refresh");
    return es("GET", "/" + alias + "/_count").get("count").asLong();
  }

  /** _id -> "version/seq_no": a no-op update leaves both unchanged, any write bumps them. */
  public static Map<String, String> esVersions(String alias) throws Exception {
    es("POST", "/" + alias + "/_refresh");
    JsonNode hits = es("GET", "/" + alias
        + "/_search?size=1000&version=true&seq_no_primary_term=true&_source=false")
        .path("hits").path("hits");
    Map<String, String> versions = new TreeMap<>();
    for (JsonNode hit : hits) {
      versions.put(hit.get("_id").asText(),
          hit.get("_version").asText() + "/" + hit.get("_seq_no").asText());
    }
    return versions;
  }

  /** _id -> _source of every document behind {@code alias}. */
  public static Map<String, JsonNode> esSources(String alias) throws Exception {
    es("POST", "/" + alias + "/_refresh");
    Map<String, JsonNode> sources = new TreeMap<>();
    for (JsonNode hit : es("GET", "/" + alias + "/_search?size=1000").path("hits").path("hits")) {
      sources.put(hit.get("_id").asText(), hit.get("_source"));
    }
    return sources;
  }

  /** The values of every committed record of {@code topic}, read from the beginning. */
  public static List<byte[]> committedValues(String topic) {
    return committedRecords(topic).stream().map(ConsumerRecord::value).toList();
  }

  /** Every committed record of {@code topic} (read_committed), keys and values, read from the beginning. */
  public static List<ConsumerRecord<byte[], byte[]>> committedRecords(String topic) {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    CommittedTopic.read(KAFKA, topic, out::add);
    return out;
  }

  public static long pgCount(String pgUrl, String table) throws Exception {
    try (Connection c = DriverManager.getConnection(pgUrl, PG_USER, PG_PASSWORD);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * publication_key -> "xmin/updated_at" of {@code table}: PostgreSQL gives every new row version
   * a new xmin, so equal maps mean nothing was written.
   */
  public static Map<String, String> pgRowVersions(String pgUrl, String table) throws Exception {
    Map<String, String> versions = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(pgUrl, PG_USER, PG_PASSWORD);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "select publication_key, xmin::text, updated_at::text from " + table)) {
      while (rs.next()) {
        versions.put(rs.getString(1), rs.getString(2) + "/" + rs.getString(3));
      }
    }
    return versions;
  }

  /** The id of the latest schema under {@code subject} in the stack's registry. */
  public static int latestSchemaId(String subject) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
        URI.create(REGISTRY + "/subjects/" + subject + "/versions/latest")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("GET %s/versions/latest: %s", subject, r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).path("id").asInt();
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
