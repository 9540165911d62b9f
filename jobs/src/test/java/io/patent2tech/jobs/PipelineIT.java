package io.patent2tech.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.ingest.IngestJob;
import io.patent2tech.jobs.landing.LandingJob;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.TopicCodec;

/**
 * Both jobs, end to end, on the real stack: Kafka, Elasticsearch and PostgreSQL as started by
 * {@code scripts/stack up} (located through the P2T_* environment variables, defaults = the local
 * stack), and a real Flink MiniCluster. Every run uses its own topics, index alias and Postgres
 * schema, and removes them afterwards, so it never touches data of the local pipeline.
 */
class PipelineIT {

  /** The ICE documents of the fixtures (7 grants, 3 applications): what must land, once each. */
  private static final int DISTINCT_DOCUMENTS = 10;

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(4)
          .build());

  private static final String RUN = LocalStack.runName("it");
  private static final String KAFKA = LocalStack.KAFKA;
  private static final String ES = LocalStack.ES;
  private static final String PG_USER = LocalStack.PG_USER;
  private static final String PG_PASSWORD = LocalStack.PG_PASSWORD;
  private static final String PG_URL = LocalStack.pgUrlInSchema(RUN);
  private static final String TOPIC = RUN + ".patents.normalized";
  private static final String DLQ = RUN + ".patents.dlq";
  private static final String ALIAS = RUN + "-patents";

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path input;

  @BeforeAll
  static void createSchema() throws Exception {
    LocalStack.createSchema(RUN);
  }

  @BeforeAll
  static void prepareInput() throws IOException {
    Path fixtures = Path.of(System.getProperty("p2t.fixtures"), "uspto");
    Path repo = Path.of(System.getProperty("p2t.repo"));
    List<Path> ice = new ArrayList<>();
    try (var grants = Files.list(fixtures.resolve("grant"))) {
      grants.forEach(ice::add);
    }
    ice.add(fixtures.resolve("application/US20050004437A1.xml"));
    ice.add(fixtures.resolve("application/ipa20180000016.xml"));
    ice.add(fixtures.resolve("application/ipa20200022300.xml"));
    assertThat(ice).hasSize(DISTINCT_DOCUMENTS);
    for (Path f : ice) {
      Files.copy(f, input.resolve(f.getFileName()));
    }
    // the same ten documents again, concatenated in a weekly-style zip: all duplicates
    Files.copy(repo.resolve("samples/uspto/ipg-ipa-sample.zip"), input.resolve("ipg-ipa-sample.zip"));

    // three malformed documents: each must become a dead letter, none may fail the job
    byte[] doc = Files.readAllBytes(fixtures.resolve("grant/US08930553.xml"));
    String text = new String(doc, StandardCharsets.UTF_8);
    Files.write(input.resolve("truncated.xml"), java.util.Arrays.copyOf(doc, doc.length / 2));
    byte[] badUtf8 = text.replace("Managing mid-dialog", "Managing mid-dialog XX")
        .getBytes(StandardCharsets.UTF_8);
    int at = new String(badUtf8, StandardCharsets.UTF_8).indexOf(" XX");
    badUtf8[at + 1] = (byte) 0xC3; // a UTF-8 lead byte followed by a byte that cannot continue it
    badUtf8[at + 2] = (byte) 0x28;
    Files.write(input.resolve("invalid-utf8.xml"), badUtf8);
    Files.writeString(input.resolve("undeclared-entity.xml"),
        text.replace("Managing mid-dialog", "Managing &nosuchentity; mid-dialog"));
  }

  @AfterAll
  static void removeRunData() throws Exception {
    LocalStack.deleteTopics(List.of(TOPIC, DLQ));
    HTTP.send(HttpRequest.newBuilder(URI.create(ES + "/" + ALIAS + "-v1")).DELETE().build(),
        HttpResponse.BodyHandlers.discarding());
    HTTP.send(HttpRequest.newBuilder(URI.create(ES + "/_index_template/" + ALIAS)).DELETE().build(),
        HttpResponse.BodyHandlers.discarding());
    LocalStack.dropSchema(RUN);
  }

  @Test
  void landsEveryDistinctDocumentOnceAndReplaysChangeNothing() throws Exception {
    IngestJob.run(ingestSettings());
    assertThat(CountsCommand.committedRecords(KAFKA, TOPIC))
        .as("normalized records: duplicates within a run are dropped by the dedupe")
        .isEqualTo(DISTINCT_DOCUMENTS);

    List<DeadLetter> deadLetters = deadLetters();
    assertThat(deadLetters).extracting(DeadLetter::getSourceFile)
        .extracting(f -> Path.of(f.toString()).getFileName().toString())
        .containsExactlyInAnyOrder("truncated.xml", "invalid-utf8.xml", "undeclared-entity.xml");
    assertThat(deadLetters).allSatisfy(d -> {
      assertThat(d.getStage()).isEqualTo("parse");
      assertThat(d.getRaw()).as("raw bytes kept for %s", d.getSourceFile()).isNotNull();
    });
    assertThat(deadLetters).filteredOn(d -> d.getSourceFile().endsWith("undeclared-entity.xml"))
        .singleElement().extracting(DeadLetter::getReason).asString().contains("nosuchentity");

    LandingJob.run(landingSettings());
    assertThat(esCount()).isEqualTo(DISTINCT_DOCUMENTS);
    assertThat(pgCount("patents")).isEqualTo(DISTINCT_DOCUMENTS);
    assertThat(pgCount("claims")).isGreaterThan(DISTINCT_DOCUMENTS);
    Map<String, String> esVersions = esVersions();
    Map<String, String> pgVersions = pgRowVersions();
    assertThat(esVersions).hasSize(DISTINCT_DOCUMENTS);

    // the same input again: a new job (fresh dedupe state) re-publishes every document...
    IngestJob.run(ingestSettings());
    assertThat(CountsCommand.committedRecords(KAFKA, TOPIC)).isEqualTo(2L * DISTINCT_DOCUMENTS);
    // ...and landing it changes nothing: no new document, no rewritten row or document
    LandingJob.run(landingSettings());
    assertThat(esCount()).isEqualTo(DISTINCT_DOCUMENTS);
    assertThat(pgCount("patents")).isEqualTo(DISTINCT_DOCUMENTS);
    assertThat(esVersions()).isEqualTo(esVersions);
    assertThat(pgRowVersions()).isEqualTo(pgVersions);
  }

  private static Settings ingestSettings() {
    return Settings.parse(IngestJob.SETTINGS, IngestJob.FLAGS, new String[] {
        "--kafka.bootstrap", KAFKA, "--topic.normalized", TOPIC, "--topic.dlq", DLQ,
        "--transactional-id-prefix", RUN + "-ingest", "--checkpoint.interval", "1 s",
        "--parallelism", "2", input.toString()}, Map.of());
  }

  private static Settings landingSettings() {
    return Settings.parse(LandingJob.SETTINGS, LandingJob.FLAGS, new String[] {
        "--kafka.bootstrap", KAFKA, "--topic.normalized", TOPIC, "--topic.dlq", DLQ,
        "--group-id", RUN + "-landing", "--bounded",
        "--es.url", ES, "--es.alias", ALIAS,
        "--pg.url", PG_URL, "--pg.user", PG_USER, "--pg.password", PG_PASSWORD,
        "--checkpoint.interval", "1 s", "--parallelism", "2"}, Map.of());
  }

  private static List<DeadLetter> deadLetters() throws IOException {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<DeadLetter> out = new ArrayList<>();
    TopicCodec<DeadLetter> codec = TopicCodec.deadLetters();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(DLQ).stream()
          .map(p -> new TopicPartition(DLQ, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          out.add(codec.decode(r.value()));
        }
      }
    }
    return out;
  }

  private static long esCount() throws Exception {
    esRequest("POST", "/" + ALIAS + "/_refresh");
    return esRequest("GET", "/" + ALIAS + "/_count").get("count").asLong();
  }

  /** _id -> "version/seq_no": a no-op update leaves both unchanged, any write bumps them. */
  private static Map<String, String> esVersions() throws Exception {
    esRequest("POST", "/" + ALIAS + "/_refresh");
    JsonNode hits = esRequest("GET", "/" + ALIAS
        + "/_search?size=1000&version=true&seq_no_primary_term=true&_source=false").path("hits").path("hits");
    Map<String, String> versions = new TreeMap<>();
    for (JsonNode hit : hits) {
      versions.put(hit.get("_id").asText(), hit.get("_version").asText() + "/" + hit.get("_seq_no").asText());
    }
    return versions;
  }

  private static JsonNode esRequest(String method, String path) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ES + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static long pgCount(String table) throws Exception {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** publication_key -> xmin: PostgreSQL gives every new row version a new xmin. */
  private static Map<String, String> pgRowVersions() throws Exception {
    Map<String, String> versions = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select publication_key, xmin::text, updated_at::text from patents")) {
      while (rs.next()) {
        versions.put(rs.getString(1), rs.getString(2) + "/" + rs.getString(3));
      }
    }
    return versions;
  }
}
