package io.patent2tech.jobs.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.patent2tech.connectors.http.ReplayServer;
import io.patent2tech.connectors.replay.EpoOpsReplay;
import io.patent2tech.connectors.replay.KiprisReplay;
import io.patent2tech.connectors.replay.UsptoOdpReplay;
import io.patent2tech.jobs.CountsCommand;
import io.patent2tech.jobs.LocalStack;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.landing.LandingJob;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.TopicCodec;

/**
 * The collect job end to end on the real stack (Kafka, PostgreSQL, Elasticsearch; Flink
 * MiniCluster), pulling from local replay servers that stand in for the three offices and serve
 * their captured responses: EPO OPS (10 captured documents, one without a title), KIPRIS Plus (a
 * registered patent) and the USPTO Open Data Portal (the bundled weekly-style zip of 10 real
 * documents). Credentials are known strings given through files, so the test can look for them
 * everywhere the pipeline writes.
 */
class CollectJobIT {

  static final String EPO_KEY = "epo-KEY-7f3a9c";
  static final String EPO_SECRET = "epo-SECRET-41d2e8";
  /** A KIPRIS key with characters that need percent-encoding, given raw. */
  static final String KIPRIS_KEY = "kipris+KEY/9b1=";
  static final String KIPRIS_KEY_ENCODED = "kipris%2BKEY%2F9b1%3D";
  static final String USPTO_KEY = "uspto-KEY-c0ffee";
  static final List<String> SECRETS = List.of(EPO_KEY, EPO_SECRET, KIPRIS_KEY, KIPRIS_KEY_ENCODED, USPTO_KEY);

  static final LocalDate DAY = LocalDate.of(2024, 5, 7);
  /** EPO: 10 captured documents, 9 valid; KIPRIS: 1; USPTO: the 10 documents of the sample zip. */
  static final int EPO_PUBLISHED = 9;
  static final int PUBLISHED = EPO_PUBLISHED + 1 + 10;

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  private static final String RUN = LocalStack.runName("collect");
  private static final String PG_URL = LocalStack.pgUrlInSchema(RUN);
  private static final String TOPIC = RUN + ".patents.normalized";
  private static final String DLQ = RUN + ".patents.dlq";
  private static final String ALIAS = RUN + "-patents";

  @TempDir
  static Path dir;

  static ReplayServer offices;

  @BeforeAll
  static void start() throws Exception {
    LocalStack.createSchema(RUN);
    Path fixtures = Path.of(System.getProperty("p2t.fixtures"));
    Path repo = Path.of(System.getProperty("p2t.repo"));
    offices = new ReplayServer();
    offices.route(EpoOpsReplay.fromFixtures(fixtures, EPO_KEY, EPO_SECRET, DAY));
    offices.route(KiprisReplay.fromFixtures(fixtures, KIPRIS_KEY_ENCODED, DAY));
    offices.route(new UsptoOdpReplay(fixtures, USPTO_KEY).at(offices.url())
        .publish("PTGRXML", DAY, "ipg240507.zip", Files.readAllBytes(repo.resolve("samples/uspto/ipg-ipa-sample.zip"))));
    Files.writeString(dir.resolve("epo.properties"), "key=" + EPO_KEY + "\nsecret=" + EPO_SECRET + "\n");
    Files.writeString(dir.resolve("kipris.key"), KIPRIS_KEY + "\n");
    Files.writeString(dir.resolve("uspto.key"), USPTO_KEY + "\n");
  }

  @AfterAll
  static void stop() throws Exception {
    offices.close();
    LocalStack.deleteTopics(List.of(TOPIC, DLQ));
    LocalStack.deleteTopicsIfPresent(List.of(RUN + ".links", RUN + ".models3d"));
    LocalStack.esDelete("/" + ALIAS + "-v1");
    LocalStack.esDelete("/_index_template/" + ALIAS);
    LocalStack.esDelete("/" + ALIAS + "-dlq-v1");
    LocalStack.esDelete("/_index_template/" + ALIAS + "-dlq");
    LocalStack.esDelete("/" + ALIAS + "-runs-v1");
    LocalStack.esDelete("/_index_template/" + ALIAS + "-runs");
    LocalStack.dropSchema(RUN);
  }

  @Test
  void collectsAllThreeOfficesOnceLandsThemAndASecondRunPublishesNothingNew() throws Exception {
    CollectJob.run(collectSettings());

    List<Patent> published = patents();
    assertThat(published).extracting(Patent::getPublicationKey).doesNotHaveDuplicates().hasSize(PUBLISHED)
        .contains("EP-1000000-A1", "EP-1000000-B1", "EP-2400812-A1", "DK-3740998-T3", "KR-102123456-B1",
            "US-8930553-B2", "US-20050004437-A1");
    Patent ep = published.stream().filter(p -> p.getPublicationKey().equals("EP-1000000-A1")).findFirst().orElseThrow();
    assertThat(ep.getClaims()).as("claims fetched for an EP publication").hasSize(11);
    assertThat(ep.getFamilyId()).isEqualTo("19768124");
    assertThat(ep.getSource().getOffice()).isEqualTo("EPO");
    assertThat(ep.getSource().getRequest()).contains("/claims").doesNotContain(EPO_KEY);
    Patent kr = published.stream().filter(p -> p.getPublicationKey().startsWith("KR-")).findFirst().orElseThrow();
    assertThat(kr.getLanguage()).isEqualTo("ko");
    assertThat(kr.getSource().getRequest()).contains("ServiceKey=***");
    assertThat(published).allSatisfy(p -> assertThat(p.getSource().getCollectionRun()).isNotBlank());

    assertThat(deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.getSource()).isEqualTo("epo");
      assertThat(d.getSourceFile()).contains("JP.2005533465");
      assertThat(d.getReason()).contains("title");
      assertThat(d.getRaw()).isNotNull();
    });

    Map<String, Map<String, Object>> runs = collectionRuns();
    assertThat(runs.values()).extracting(r -> r.get("office") + " " + r.get("status"))
        .containsExactlyInAnyOrder("EPO finished", "KIPO finished", "USPTO finished");
    Map<String, Object> epoRun = runs.values().stream().filter(r -> r.get("office").equals("EPO")).findFirst().orElseThrow();
    assertThat(epoRun).containsEntry("listed", 10L).containsEntry("fetched", 10L)
        .containsEntry("published", (long) EPO_PUBLISHED).containsEntry("rejected", 1L).containsEntry("skipped", 0L);
    assertThat((String) epoRun.get("quota")).contains("search=green:30");
    // the same rows are searchable in Elasticsearch under their run ids
    var runDocs = LocalStack.esSources(ALIAS + "-runs");
    assertThat(runDocs.keySet()).isEqualTo(runs.keySet());
    var epoDoc = runDocs.get((String) epoRun.get("run_id"));
    assertThat(epoDoc.get("status").asText()).isEqualTo("finished");
    assertThat(epoDoc.get("published").asLong()).isEqualTo(EPO_PUBLISHED);
    assertThat(epoDoc.get("rejected").asLong()).isEqualTo(1L);
    assertThat(epoDoc.get("quota").asText()).contains("search=green:30");

    LandingJob.run(landingSettings());
    assertThat(LocalStack.esCount(ALIAS)).isEqualTo(PUBLISHED);
    assertThat(LocalStack.pgCount(PG_URL, "patents")).isEqualTo(PUBLISHED);

    // the same window again, in a new job: every day is collected already, nothing is fetched or published
    int requests = offices.requests().size();
    CollectJob.run(collectSettings());
    assertThat(CountsCommand.committedRecords(LocalStack.KAFKA, TOPIC)).isEqualTo(PUBLISHED);
    assertThat(offices.requests()).hasSize(requests);
    assertThat(collectionRuns()).hasSize(3);

    assertNoSecretsIn(published, deadLetters(), collectionRuns());
  }

  /**
   * A run of 60 KIPRIS applications (details served slowly) whose TaskManager is killed mid-window:
   * the job restarts from its last checkpoint on a new TaskManager, resumes the run after the
   * documents that checkpoint covers, and every document is published exactly once.
   */
  @Test
  void aJobKilledMidWindowEndsWithEveryDocumentExactlyOnce(@InjectMiniCluster MiniCluster cluster) throws Exception {
    String run = LocalStack.runName("collectkill");
    String topic = run + ".patents.normalized";
    String dlq = run + ".patents.dlq";
    LocalDate day = LocalDate.of(2024, 6, 3);
    byte[] template = Files.readAllBytes(Path.of(System.getProperty("p2t.fixtures"),
        "kipris/synthetic/detail_1020190012345.xml"));
    KiprisReplay kipris = new KiprisReplay(KIPRIS_KEY_ENCODED);
    int applications = 60;
    for (int i = 0; i < applications; i++) {
      String number = "10201900" + (20000 + i);
      kipris.publish(day, number, new String(template, StandardCharsets.UTF_8)
          .replace("1020190012345", number).replace("1021234560000", "10" + (3000000 + i) + "0000")
          .getBytes(StandardCharsets.UTF_8));
    }
    AtomicInteger details = new AtomicInteger();
    try (ReplayServer slow = new ReplayServer()) {
      slow.route(r -> {
        if (r.uri().getPath().equals(KiprisReplay.DETAIL_PATH)) {
          details.incrementAndGet();
          sleep(150);
        }
        return kipris.answer(r);
      });
      LocalStack.createSchema(run);
      try {
        Settings settings = Settings.parse(CollectSettings.SETTINGS, CollectSettings.FLAGS, new String[] {
            "--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY, "--topic.normalized", topic, "--topic.dlq", dlq,
            "--pg.url", LocalStack.pgUrlInSchema(run), "--pg.user", LocalStack.PG_USER,
            "--pg.password", LocalStack.PG_PASSWORD, "--collect.offices", "kipris",
            "--from", day.toString(), "--to", day.toString(), "--collect.kipris.url", slow.url(),
            "--collect.kipris.key-file", dir.resolve("kipris.key").toString(),
            "--transactional-id-prefix", run, "--checkpoint.interval", "500 ms",
            "--restart.delay", "500 ms", "--es.url", LocalStack.ES, "--es.collection-runs-alias", run + "-runs",
            "--parallelism", "1"}, Map.of());
        CompletableFuture<Void> job = CompletableFuture.runAsync(() -> {
          try {
            CollectJob.run(settings);
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        });
        while (details.get() < applications / 3) {
          assertThat(job).isNotDone();
          sleep(50);
        }
        cluster.terminateTaskManager(0).get();
        cluster.startTaskManager();
        job.get(3, TimeUnit.MINUTES);

        List<String> keys = new ArrayList<>();
        for (byte[] v : LocalStack.committedValues(topic)) {
          keys.add(LocalStack.reading(TopicCodec.patents()).decode(v).getPublicationKey());
        }
        assertThat(keys).as("committed records").hasSize(applications).doesNotHaveDuplicates();
        assertThat(details.get()).as("details fetched: the restart fetched again what the last checkpoint did not cover")
            .isGreaterThan(applications);
        try (Connection c = DriverManager.getConnection(LocalStack.pgUrlInSchema(run), LocalStack.PG_USER,
            LocalStack.PG_PASSWORD); Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("select status, fetched, published, skipped from collection_runs")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("finished");
          assertThat(rs.getLong(2)).isEqualTo(applications);
          assertThat(rs.getLong(3)).isEqualTo(applications);
          assertThat(rs.getLong(4)).isZero();
          assertThat(rs.next()).isFalse();
        }
      } finally {
        LocalStack.deleteTopics(List.of(topic, dlq));
        LocalStack.dropSchema(run);
        LocalStack.esDelete("/" + run + "-runs-v1");
        LocalStack.esDelete("/_index_template/" + run + "-runs");
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void assertNoSecretsIn(Object... outputs) throws Exception {
    List<String> texts = new ArrayList<>();
    for (Object o : outputs) {
      texts.add(String.valueOf(o));
    }
    for (byte[] v : LocalStack.committedValues(TOPIC)) {
      texts.add(new String(v, StandardCharsets.ISO_8859_1));
    }
    for (byte[] v : LocalStack.committedValues(DLQ)) {
      texts.add(new String(v, StandardCharsets.ISO_8859_1));
    }
    texts.add(LocalStack.esSources(ALIAS).toString());
    // every log line of this test JVM (src/test/resources/log4j2-test.properties: our code at DEBUG)
    Path log = Path.of("target", "test-logs", "jobs.log");
    assertThat(log).isRegularFile();
    texts.add(Files.readString(log, StandardCharsets.UTF_8));
    for (String secret : SECRETS) {
      assertThat(texts).as("records, rows, documents and logs").noneMatch(t -> t.contains(secret));
    }
  }

  private Settings collectSettings() {
    String url = offices.url();
    return Settings.parse(CollectSettings.SETTINGS, CollectSettings.FLAGS, new String[] {
        "--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY, "--topic.normalized", TOPIC, "--topic.dlq", DLQ,
        "--pg.url", PG_URL, "--pg.user", LocalStack.PG_USER, "--pg.password", LocalStack.PG_PASSWORD,
        "--from", DAY.minusDays(3).toString(), "--to", DAY.plusDays(1).toString(),
        "--collect.uspto.url", url, "--collect.epo.url", url, "--collect.kipris.url", url,
        "--collect.uspto.api-key-file", dir.resolve("uspto.key").toString(),
        "--collect.uspto.download-dir", dir.resolve("downloads").toString(),
        "--collect.epo.credentials-file", dir.resolve("epo.properties").toString(),
        "--collect.kipris.key-file", dir.resolve("kipris.key").toString(),
        "--transactional-id-prefix", RUN + "-collect", "--checkpoint.interval", "1 s",
        "--pg.batch-interval", "200 ms", "--es.url", LocalStack.ES, "--es.collection-runs-alias", ALIAS + "-runs",
        "--parallelism", "2"}, Map.of());
  }

  private static Settings landingSettings() {
    return Settings.parse(LandingJob.SETTINGS, LandingJob.FLAGS, new String[] {
        "--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY, "--topic.normalized", TOPIC, "--topic.dlq", DLQ,
        "--group-id", RUN + "-landing",
        // a links topic of the test's own: the shared patents.links may hold other runs' links
        "--topic.links", RUN + ".links", "--topic.models3d", RUN + ".models3d", "--bounded", "--es.url", LocalStack.ES, "--es.alias", ALIAS,
        "--es.dead-letters-alias", ALIAS + "-dlq",
        "--pg.url", PG_URL, "--pg.user", LocalStack.PG_USER, "--pg.password", LocalStack.PG_PASSWORD,
        "--checkpoint.interval", "1 s", "--parallelism", "2"}, Map.of());
  }

  static List<Patent> patents() throws IOException {
    TopicCodec<Patent> codec = LocalStack.reading(TopicCodec.patents());
    List<Patent> out = new ArrayList<>();
    for (byte[] v : LocalStack.committedValues(TOPIC)) {
      out.add(codec.decode(v));
    }
    return out;
  }

  static List<DeadLetter> deadLetters() throws IOException {
    TopicCodec<DeadLetter> codec = LocalStack.reading(TopicCodec.deadLetters());
    List<DeadLetter> out = new ArrayList<>();
    for (byte[] v : LocalStack.committedValues(DLQ)) {
      out.add(codec.decode(v));
    }
    return out;
  }

  /** run_id -> the row's columns. */
  static Map<String, Map<String, Object>> collectionRuns() throws Exception {
    Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(PG_URL, LocalStack.PG_USER, LocalStack.PG_PASSWORD);
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from collection_runs")) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnName(i), rs.getObject(i));
        }
        rows.put(rs.getString("run_id"), row);
      }
    }
    return rows;
  }
}
