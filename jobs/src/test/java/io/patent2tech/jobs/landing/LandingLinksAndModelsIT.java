package io.patent2tech.jobs.landing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.jobs.LocalStack;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Model3d;
import io.patent2tech.schema.PatentLink;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.models3d.SampleModels;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The landing job's links and models paths against the local stack: links published to a topic of
 * the test's own land in patent_links and on both documents of each link; 3D outcomes land in
 * models_3d and, summarized, on their patent's document; a value that does not decode becomes a
 * dead letter on either path, while the patents path (here an empty topic) runs beside them.
 */
class LandingLinksAndModelsIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(4)
          .build());

  private static final String RUN = LocalStack.runName("landlinks");
  private static final String PG_URL = LocalStack.pgUrlInSchema(RUN);
  private static final String NORMALIZED = RUN + ".patents.normalized";
  private static final String LINKS = RUN + ".patents.links";
  private static final String MODELS = RUN + ".patents.models3d";
  private static final String DLQ = RUN + ".patents.dlq";
  private static final String ALIAS = RUN + "-patents";
  private static final String DESIGN = "US-D990001-S1";
  /** 2025-01-02T03:04:05Z */
  private static final long FIRST_SEEN = 1735787045000L;

  @BeforeAll
  static void publishAndLand() throws Exception {
    LocalStack.migratedSchema(RUN);
    Topics.ensureAs(LocalStack.KAFKA, Map.of(LINKS, Topics.LINKS));
    TopicCodec<PatentLink> codec = LocalStack.reading(TopicCodec.links());
    List<PatentLink> links = List.of(
        new PatentLink("EP-2000001-A1", "EP-2000001-B1", "same-application", "strong", "EP-00123456", null,
            "application-key", FIRST_SEEN),
        new PatentLink("EP-2000001-B1", "US-9000001-B2", "same-family", "strong", "50000001", null,
            "docdb-family-id", FIRST_SEEN),
        new PatentLink("US-9000001-B2", "WO-2015000001-A1", "near-duplicate", "strong", null, 0.96,
            "minhash-lsh-3-word-shingles/word-ratio", FIRST_SEEN));
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (PatentLink link : links) {
        String key = link.getFromKey() + "|" + link.getToKey() + "|" + link.getKind();
        producer.send(new ProducerRecord<>(LINKS, key, codec.encode(link))).get();
      }
      producer.send(new ProducerRecord<>(LINKS, "broken", "not an Avro link".getBytes(StandardCharsets.UTF_8)))
          .get();
    }

    Topics.ensureAs(LocalStack.KAFKA, Map.of(MODELS, Topics.MODELS3D));
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (Model3d model : List.of(SampleModels.made(DESIGN, "set-1"), SampleModels.notMade(DESIGN, "set-2", "single-view"))) {
        producer.send(new ProducerRecord<>(MODELS, DESIGN + "|" + model.getFigureSet(),
            TopicCodec.models3d().encode(model))).get();
      }
      producer.send(new ProducerRecord<>(MODELS, "broken", "not an Avro model".getBytes(StandardCharsets.UTF_8)))
          .get();
    }

    LandingJob.run(Settings.parse(LandingJob.SETTINGS, LandingJob.FLAGS, new String[] {
        "--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY, "--topic.normalized", NORMALIZED, "--topic.links", LINKS,
        "--topic.models3d", MODELS, "--topic.dlq", DLQ, "--group-id", RUN + "-landing", "--bounded",
        "--es.url", LocalStack.ES, "--es.alias", ALIAS, "--es.dead-letters-alias", ALIAS + "-dlq",
        "--pg.url", PG_URL, "--pg.user", LocalStack.PG_USER, "--pg.password", LocalStack.PG_PASSWORD,
        "--checkpoint.interval", "1 s", "--parallelism", "2"}, Map.of()));
  }

  @AfterAll
  static void removeRunData() throws Exception {
    LocalStack.deleteTopicsIfPresent(List.of(NORMALIZED, LINKS, MODELS, DLQ));
    LocalStack.esDelete("/" + ALIAS + "-v1");
    LocalStack.esDelete("/_index_template/" + ALIAS);
    LocalStack.esDelete("/" + ALIAS + "-dlq-v1");
    LocalStack.esDelete("/_index_template/" + ALIAS + "-dlq");
    LocalStack.dropSchema(RUN);
  }

  @Test
  void linksLandInPostgresAndTheFamilyReadsBack() throws Exception {
    assertThat(LocalStack.pgCount(PG_URL, "patent_links")).isEqualTo(3);
    assertThat(strings("SELECT publication_key FROM p2t_family('EP-2000001-A1') ORDER BY depth, 1"))
        .containsExactly("EP-2000001-A1", "EP-2000001-B1", "US-9000001-B2");
  }

  @Test
  void bothDocumentsOfEachLinkCarryTheOtherInElasticsearch() throws Exception {
    Map<String, JsonNode> sources = LocalStack.esSources(ALIAS);

    assertThat(sources).containsOnlyKeys("EP-2000001-A1", "EP-2000001-B1", "US-9000001-B2", "WO-2015000001-A1",
        DESIGN);
    assertThat(texts(sources.get("EP-2000001-B1").get("application_members"))).containsExactly("EP-2000001-A1");
    assertThat(texts(sources.get("EP-2000001-B1").get("family_members"))).containsExactly("US-9000001-B2");
    assertThat(texts(sources.get("US-9000001-B2").get("family_members"))).containsExactly("EP-2000001-B1");
    assertThat(texts(sources.get("US-9000001-B2").get("near_duplicates"))).containsExactly("WO-2015000001-A1");
    assertThat(texts(sources.get("WO-2015000001-A1").get("near_duplicates"))).containsExactly("US-9000001-B2");
    assertThat(sources.get("EP-2000001-A1").get("family_representative").asBoolean()).isTrue();
    assertThat(sources.get("EP-2000001-B1").get("family_representative").asBoolean()).isFalse();
  }

  @Test
  void bothSetsOutcomesLandInPostgres() throws Exception {
    assertThat(strings("SELECT figure_set || ' ' || status || ' ' || coalesce(reason, method) FROM models_3d"
        + " WHERE publication_key = '" + DESIGN + "' ORDER BY figure_set"))
        .containsExactly("set-1 made visual-hull", "set-2 not-made single-view");
  }

  @Test
  void thePatentsDocumentSaysItHasAModelAndWhyItsOtherSetHasNone() throws Exception {
    JsonNode design = LocalStack.esSources(ALIAS).get(DESIGN);

    assertThat(design.get("has_model").asBoolean()).isTrue();
    assertThat(design.get("model_status").asText()).isEqualTo("made");
    assertThat(design.get("model_method").asText()).isEqualTo("visual-hull");
    assertThat(design.get("model_preview").asText()).isEqualTo(DESIGN + "/set-1/preview.png");
    assertThat(texts(design.get("model_not_made_reasons"))).containsExactly("single-view");
  }

  @Test
  void aValueThatIsNotALinkOrAModelBecomesADeadLetter() throws Exception {
    List<DeadLetter> deadLetters = new ArrayList<>();
    for (byte[] value : LocalStack.committedValues(DLQ)) {
      deadLetters.add(LocalStack.reading(TopicCodec.deadLetters()).decode(value));
    }

    assertThat(deadLetters).extracting(DeadLetter::getSource, DeadLetter::getStage).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(LINKS, "landing-decode-links"),
        org.assertj.core.groups.Tuple.tuple(MODELS, "landing-decode-models"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.asText()));
    return out;
  }

  private static List<String> strings(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(PG_URL, LocalStack.PG_USER, LocalStack.PG_PASSWORD);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
