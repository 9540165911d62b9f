package io.patent2tech.jobs.drawings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.jobs.Fixtures;
import io.patent2tech.jobs.FailOnce;
import io.patent2tech.jobs.LocalStack;
import io.patent2tech.jobs.NormalizedPatents;
import io.patent2tech.jobs.config.FlinkEnvironments;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.DrawingFigure;
import io.patent2tech.schema.OrthographicSet;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentDrawings;
import io.patent2tech.schema.Source;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.schema.Model3d;
import io.patent2tech.udfs.UsptoDocumentProcessor;
import io.patent2tech.udfs.drawings.sheets.DesignCatalogue;
import io.patent2tech.udfs.drawings.sheets.DrawnPatent;

/**
 * The drawings job on the local stack's Kafka and a Flink MiniCluster, over the ten USPTO ICE
 * documents of samples/uspto/ipg-ipa-sample.zip (their captured copies in fixtures/uspto) and the
 * ST.32 design grant USD435854S1 (two embodiments): patents.drawings must hold one record per
 * patent (read_committed), keyed by its publication key, also when the job fails in the middle of
 * the stream. Each test has its own topics and consumer group.
 */
class DrawingsJobIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private String run;
  private String normalized;
  private String drawings;
  private String models3d;
  private String dlq;

  /** The models directory, and a directory of images named as the synthetic design's XML names them. */
  @TempDir
  Path work;

  @BeforeEach
  void topics() {
    run = LocalStack.runName("drawings");
    normalized = run + ".patents.normalized";
    drawings = run + ".patents.drawings";
    models3d = run + ".patents.models3d";
    dlq = run + ".patents.dlq";
    Topics.ensure(LocalStack.KAFKA, Map.of(normalized, 2, drawings, 2, models3d, 1, dlq, 1));
  }

  @AfterEach
  void removeTopics() throws Exception {
    LocalStack.deleteTopics(List.of(normalized, drawings, models3d, dlq));
  }

  /**
   * The synthetic design patent of an L-bracket (drawings.sheets): its XML as the ingest job reads
   * it, its seven G4 sheets written into {@code images} under the names the XML gives them.
   */
  private static Patent bracket(Path images) throws Exception {
    DrawnPatent drawn = DrawnPatent.draw(DesignCatalogue.byName("D0990002"));
    Files.createDirectories(images);
    for (Map.Entry<String, byte[]> tiff : drawn.tiffs.entrySet()) {
      Files.write(images.resolve(tiff.getKey()), tiff.getValue());
    }
    return new UsptoDocumentProcessor().process(drawn.xmlBytes(),
        new Source("USPTO", null, "USD0990002-20261201.XML", null, 0L, 0L, null, null), 0L);
  }

  /** The ten ICE documents of the sample, then the ST.32 design grant: 11 publications. */
  private static List<Patent> patents() throws Exception {
    List<Path> files = new ArrayList<>(Fixtures.iceDocuments());
    files.add(Path.of(System.getProperty("p2t.fixtures"), "uspto", "legacy", "USD435854S1.xml"));
    UsptoDocumentProcessor uspto = new UsptoDocumentProcessor();
    List<Patent> out = new ArrayList<>();
    for (Path f : files) {
      out.add(uspto.process(Files.readAllBytes(f),
          new Source("USPTO", null, f.getFileName().toString(), null, 0L, 0L, null, null), 0L));
    }
    return out;
  }

  private static List<String> keys(List<Patent> patents) {
    return patents.stream().map(Patent::getPublicationKey).toList();
  }

  @Test
  void everyPatentHasOneDrawingRecordAndTheDesignPatentsViewsAreLabelled() throws Exception {
    List<Patent> patents = patents();
    publish(patents);
    publishValue("not-a-patent", new byte[] {1, 2, 3});
    Settings s = settings("--bounded");
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    DrawingsJob.build(env, s);
    env.execute(run);

    List<ConsumerRecord<byte[], byte[]>> records = LocalStack.committedRecords(drawings);
    assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrderElementsOf(keys(patents));
    Map<String, PatentDrawings> byKey = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      PatentDrawings d = LocalStack.reading(TopicCodec.drawings()).decode(r.value());
      assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(d.getPublicationKey());
      byKey.put(d.getPublicationKey(), d);
    }

    PatentDrawings cheese = byKey.get("US-D701016-S1");
    assertThat(cheese.getIsDesign()).isTrue();
    assertThat(cheese.getFigures()).extracting(DrawingFigure::getFigureNumber, DrawingFigure::getView)
        .containsExactly(tuple("1", "perspective"), tuple("2", "perspective"), tuple("3", "perspective"),
            tuple("4", "front"), tuple("5", "rear"), tuple("6", "top"), tuple("7", "front"), tuple("8", "right"));
    assertThat(cheese.getSets()).extracting(OrthographicSet::getId, OrthographicSet::getReconstructable)
        .containsExactly(tuple("set-1", true));
    assertThat(cheese.getReconstructable()).isTrue();

    assertThat(byKey.get("US-D435854-S").getSets())
        .extracting(OrthographicSet::getId, OrthographicSet::getReconstructable)
        .containsExactly(tuple("set-1", true), tuple("set-2", true));
    assertThat(byKey.get("US-8927118-B2").getReason()).isEqualTo("no-figures");
    assertThat(byKey.get("US-8930553-B2").getReason()).isEqualTo("schematic-only");
    // only the design grants are reconstructable among the samples
    assertThat(byKey.values().stream().filter(PatentDrawings::getReconstructable).map(PatentDrawings::getPublicationKey))
        .containsExactlyInAnyOrder("US-D701016-S1", "US-D435854-S");

    List<ConsumerRecord<byte[], byte[]>> deadLetters = LocalStack.committedRecords(dlq);
    assertThat(deadLetters).hasSize(1);
    DeadLetter letter = LocalStack.reading(TopicCodec.deadLetters()).decode(deadLetters.get(0).value());
    assertThat(letter.getStage()).isEqualTo("drawings-decode");
  }

  /**
   * The models path beside it: the synthetic L-bracket, whose sheets are in an image directory,
   * becomes a visual hull with its files; the real design grants, whose images are not at hand,
   * are sets not made for missing images; one record per set, keyed publication key|set.
   */
  @Test
  void aDesignWithItsImagesBecomesAModelAndTheOthersSayWhyNot() throws Exception {
    List<Patent> patents = new ArrayList<>(patents());
    Patent bracket = bracket(work.resolve("images"));
    patents.add(bracket);
    publish(patents);
    Settings s = settings("--bounded", "--images.dir", work.resolve("images").toString(),
        "--models.grid-size", "64");
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    DrawingsJob.build(env, s);
    env.execute(run);

    Map<String, Model3d> byKey = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : LocalStack.committedRecords(models3d)) {
      Model3d m = LocalStack.reading(TopicCodec.models3d()).decode(r.value());
      assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(m.getPublicationKey() + "|" + m.getFigureSet());
      byKey.put(m.getPublicationKey() + "|" + m.getFigureSet(), m);
    }
    Model3d made = byKey.get(bracket.getPublicationKey() + "|set-1");
    assertThat(made.getStatus()).isEqualTo("made");
    assertThat(made.getMethod()).isEqualTo("visual-hull");
    assertThat(made.getGridSize()).isEqualTo(64);
    assertThat(work.resolve("models").resolve(made.getFiles().getDirectory()).resolve(made.getFiles().getGlb()))
        .isNotEmptyFile();
    assertThat(byKey.get("US-D701016-S1|set-1").getStatus()).isEqualTo("not-made");
    assertThat(byKey.get("US-D701016-S1|set-1").getReason()).isEqualTo("missing-images");
    // every set has its record: both embodiments of D435854 (an ST.32 file with no images at hand)
    assertThat(byKey).containsKeys("US-D435854-S|set-1", "US-D435854-S|set-2");
  }

  /**
   * The job fails once in the second half, after the first half's records were committed and
   * while the second half's first ones sit in an open transaction; it restarts from its last
   * checkpoint and every patent's record is on the topic once.
   */
  @Test
  void aFailureInTheMiddleOfTheStreamWritesEveryRecordOnce() throws Exception {
    FailOnce.failed.set(false);
    List<Patent> patents = patents();
    List<Patent> firstHalf = patents.subList(0, 5);
    List<Patent> secondHalf = patents.subList(5, patents.size());
    publish(firstHalf);
    Settings s = settings("--restart.strategy", "fixed", "--restart.attempts", "3", "--restart.delay", "1 s");
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    DataStream<Patent> read = NormalizedPatents.read(env, s, s.require(DrawingsSettings.GROUP_ID.key()), "drawings-decode")
        .map(new FailOnce(secondHalf.get(3).getPublicationKey())).name("fail-once").uid("fail-once");
    DrawingsJob.publish(DrawingsJob.drawings(read, s), s);
    JobClient job = env.executeAsync(run);
    try {
      awaitRecords(firstHalf.size());
      publish(secondHalf);
      awaitRecords(patents.size());
      Thread.sleep(2_000); // four more checkpoints: a record written twice would be committed by now
      assertThat(FailOnce.failed).as("the job failed once").isTrue();
      assertThat(LocalStack.committedRecords(drawings)).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
          .containsExactlyInAnyOrderElementsOf(keys(patents));
    } finally {
      job.cancel().get();
    }
  }

  private Settings settings(String... extra) {
    List<String> args = new ArrayList<>(List.of("--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY,
        "--topic.normalized", normalized, "--topic.drawings", drawings, "--topic.models3d", models3d,
        "--topic.dlq", dlq, "--models.dir", work.resolve("models").toString(),
        "--group-id", run, "--checkpoint.interval", "500 ms", "--parallelism", "2"));
    args.addAll(List.of(extra));
    return Settings.parse(DrawingsSettings.SETTINGS, DrawingsSettings.FLAGS, args.toArray(String[]::new), Map.of());
  }

  private void publish(List<Patent> patents) throws Exception {
    TopicCodec<Patent> codec = LocalStack.reading(TopicCodec.patents());
    for (Patent p : patents) {
      publishValue(p.getPublicationKey(), codec.encode(p));
    }
  }

  private void publishValue(String key, byte[] value) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(normalized, key, value)).get();
    }
  }

  private void awaitRecords(int n) throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    while (LocalStack.committedRecords(drawings).size() < n) {
      assertThat(System.currentTimeMillis()).as("%d drawing records committed within 2 min", n).isLessThan(deadline);
      Thread.sleep(300);
    }
  }

}
