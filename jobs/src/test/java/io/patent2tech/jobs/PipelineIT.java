package io.patent2tech.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;


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

  /** The ICE documents of the fixtures (7 grants, 3 applications). */
  private static final int ICE_DOCUMENTS = 10;

  /** The APS Green Book patents of the fixtures (1976-1997 grants), in one weekly pftaps file. */
  private static final List<String> APS_DOCUMENTS = List.of("US03932709.greenbook", "US03937375.greenbook",
      "US04347903.greenbook", "pftaps057006474.txt");

  /** What must land, once each. */
  private static final int DISTINCT_DOCUMENTS = ICE_DOCUMENTS + APS_DOCUMENTS.size();

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
    List<Path> ice = Fixtures.iceDocuments();
    assertThat(ice).hasSize(ICE_DOCUMENTS);
    for (Path f : ice) {
      Files.copy(f, input.resolve(f.getFileName()));
    }
    // a weekly APS file of 1976-2001: a header line, then one PATN record per patent
    try (java.io.OutputStream weekly = Files.newOutputStream(input.resolve("pftaps19971223_wk51.txt"))) {
      weekly.write("HHHHHT  APS1    ISSUE  971223\r\n".getBytes(StandardCharsets.US_ASCII));
      for (String name : APS_DOCUMENTS) {
        weekly.write(Files.readAllBytes(fixtures.resolve("legacy").resolve(name)));
      }
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
    LocalStack.deleteTopicsIfPresent(List.of(RUN + ".links", RUN + ".models3d"));
    LocalStack.esDelete("/" + ALIAS + "-v1");
    LocalStack.esDelete("/_index_template/" + ALIAS);
    LocalStack.esDelete("/" + ALIAS + "-dlq-v1");
    LocalStack.esDelete("/_index_template/" + ALIAS + "-dlq");
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

    // the same input again: a new job, started without a checkpoint, learns what the topic holds
    // and publishes nothing...
    IngestJob.run(ingestSettings());
    assertThat(CountsCommand.committedRecords(KAFKA, TOPIC))
        .as("a fresh job over published input").isEqualTo(DISTINCT_DOCUMENTS);
    // ...and one told to start with an empty dedupe re-publishes every document...
    IngestJob.run(ingestSettings("--dedupe-from-topic", "false"));
    assertThat(CountsCommand.committedRecords(KAFKA, TOPIC)).isEqualTo(2L * DISTINCT_DOCUMENTS);
    // ...and landing it changes nothing: no new document, no rewritten row or document
    LandingJob.run(landingSettings());
    assertThat(esCount()).isEqualTo(DISTINCT_DOCUMENTS);
    assertThat(pgCount("patents")).isEqualTo(DISTINCT_DOCUMENTS);
    assertThat(esVersions()).isEqualTo(esVersions);
    assertThat(pgRowVersions()).isEqualTo(pgVersions);
  }

  private static Settings ingestSettings(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of(
        "--kafka.bootstrap", KAFKA, "--registry.url", LocalStack.REGISTRY, "--topic.normalized", TOPIC, "--topic.dlq", DLQ,
        "--transactional-id-prefix", RUN + "-ingest", "--checkpoint.interval", "1 s",
        "--parallelism", "2"));
    args.addAll(List.of(extra));
    args.add(input.toString());
    return Settings.parse(IngestJob.SETTINGS, IngestJob.FLAGS, args.toArray(String[]::new), Map.of());
  }

  private static Settings landingSettings() {
    return Settings.parse(LandingJob.SETTINGS, LandingJob.FLAGS, new String[] {
        "--kafka.bootstrap", KAFKA, "--registry.url", LocalStack.REGISTRY, "--topic.normalized", TOPIC, "--topic.dlq", DLQ,
        "--group-id", RUN + "-landing",
        // a links topic of the test's own: the shared patents.links may hold other runs' links
        "--topic.links", RUN + ".links", "--topic.models3d", RUN + ".models3d", "--bounded",
        "--es.url", ES, "--es.alias", ALIAS, "--es.dead-letters-alias", ALIAS + "-dlq",
        "--pg.url", PG_URL, "--pg.user", PG_USER, "--pg.password", PG_PASSWORD,
        "--checkpoint.interval", "1 s", "--parallelism", "2"}, Map.of());
  }

  private static List<DeadLetter> deadLetters() throws IOException {
    TopicCodec<DeadLetter> codec = LocalStack.reading(TopicCodec.deadLetters());
    List<DeadLetter> out = new ArrayList<>();
    for (byte[] value : LocalStack.committedValues(DLQ)) {
      out.add(codec.decode(value));
    }
    return out;
  }

  private static long esCount() throws Exception {
    return LocalStack.esCount(ALIAS);
  }

  private static Map<String, String> esVersions() throws Exception {
    return LocalStack.esVersions(ALIAS);
  }

  private static long pgCount(String table) throws Exception {
    return LocalStack.pgCount(PG_URL, table);
  }

  private static Map<String, String> pgRowVersions() throws Exception {
    return LocalStack.pgRowVersions(PG_URL, "patents");
  }
}
