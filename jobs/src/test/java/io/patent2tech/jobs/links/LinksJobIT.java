package io.patent2tech.jobs.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentLink;
import io.patent2tech.schema.Source;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.UsptoDocumentProcessor;
import io.patent2tech.udfs.links.family.LinkFixtures;

/**
 * The links job on the local stack's Kafka and a Flink MiniCluster, over real fixture patents: the
 * members of the EPO OPS families of EP 2400812 and EP 1000000, EP 1000000 A1/B1 as the EPO reader
 * reads them (the same two publications again), and the ten USPTO ICE documents (no links among
 * them), and a copy of one of those under a new number (a near-duplicate, level 4). patents.links
 * must hold each of the 40 expected links once (read_committed), with its
 * record key {@code from|to|kind}, also when the job fails in the middle of the stream. Each test
 * has its own topics and consumer group.
 */
class LinksJobIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private String run;
  private String normalized;
  private String links;
  private String dlq;

  @BeforeEach
  void topics() {
    run = LocalStack.runName("links");
    normalized = run + ".patents.normalized";
    links = run + ".patents.links";
    dlq = run + ".patents.dlq";
    Topics.ensure(LocalStack.KAFKA, Map.of(normalized, 2, links, 2, dlq, 1));
  }

  @AfterEach
  void removeTopics() throws Exception {
    LocalStack.deleteTopics(List.of(normalized, links, dlq));
  }

  private static List<String> expected() throws Exception {
    List<String> all = new ArrayList<>(LinkFixtures.EP2400812_LINKS);
    all.addAll(LinkFixtures.EP1000000_LINKS);
    // level 4: the copy of the first ICE document under a number of its own
    all.add(firstIceDocument().getPublicationKey() + " -> " + COPY_KEY + " near-duplicate strong");
    return all;
  }

  /** Publication key of the near-duplicate copy: sorts after every ICE fixture's key. */
  private static final String COPY_KEY = "US-9999001-B1";

  private static Patent firstIceDocument() throws Exception {
    Path f = Fixtures.iceDocuments().get(0);
    return new UsptoDocumentProcessor().process(Files.readAllBytes(f),
        new Source("USPTO", null, f.getFileName().toString(), null, 0L, 0L, null, null), 0L);
  }

  /**
   * The same text under a new number with no identifier in common (no application, family or
   * related document): only level 4 can link it.
   */
  private static Patent nearDuplicateCopy() throws Exception {
    Patent original = firstIceDocument();
    return Patent.newBuilder(original)
        .setPublicationKey(COPY_KEY)
        .setPublication(DocumentId.newBuilder(original.getPublication()).setNumber("9999001").setKind("B1").build())
        .setApplicationKey(null)
        .setApplication(null)
        .setRelatedDocuments(List.of())
        .setFamilyId(null)
        .build();
  }

  /** The fixture patents in the order they are published, EP 1000000's family split in two. */
  private static List<Patent> firstHalf() throws Exception {
    List<Patent> out = new ArrayList<>(LinkFixtures.familyMembers(LinkFixtures.FAMILY_EP2400812));
    out.addAll(LinkFixtures.familyMembers(LinkFixtures.FAMILY_EP1000000).subList(0, 3)); // EP A1, EP B1, AT
    return out;
  }

  private static List<Patent> secondHalf() throws Exception {
    List<Patent> out = new ArrayList<>(LinkFixtures.epoDocuments(LinkFixtures.FULL_CYCLE_EP1000000));
    UsptoDocumentProcessor uspto = new UsptoDocumentProcessor();
    for (Path f : Fixtures.iceDocuments()) {
      out.add(uspto.process(Files.readAllBytes(f),
          new Source("USPTO", null, f.getFileName().toString(), null, 0L, 0L, null, null), 0L));
    }
    out.addAll(LinkFixtures.familyMembers(LinkFixtures.FAMILY_EP1000000).subList(3, 6)); // DE, NL, US
    out.add(nearDuplicateCopy());
    return out;
  }

  /** Links of the first half: the whole EP 2400812 family, and EP 1000000 A1, B1 and AT among themselves. */
  private static final int FIRST_HALF_LINKS = LinkFixtures.EP2400812_LINKS.size() + 4;

  @Test
  void everyLinkOfTheFixturesIsOnPatentsLinksOnce() throws Exception {
    publish(firstHalf());
    publish(secondHalf());
    Settings s = settings("--bounded");
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    LinksJob.build(env, s);
    env.execute(run);

    List<ConsumerRecord<byte[], byte[]>> records = LocalStack.committedRecords(links);
    assertThat(records.stream().map(LinksJobIT::describe).toList())
        .containsExactlyInAnyOrderElementsOf(expected());
    TopicCodec<PatentLink> codec = LocalStack.reading(TopicCodec.links());
    for (ConsumerRecord<byte[], byte[]> r : records) {
      PatentLink l = codec.decode(r.value());
      assertThat(new String(r.key(), StandardCharsets.UTF_8))
          .isEqualTo(l.getFromKey() + "|" + l.getToKey() + "|" + l.getKind());
      if (l.getKind().equals("near-duplicate")) {
        assertThat(l.getSimilarity()).isGreaterThanOrEqualTo(0.9);
        assertThat(l.getMethod()).isEqualTo("minhash-lsh-3-word-shingles/word-ratio");
      } else {
        assertThat(l.getSharedId()).isNotBlank();
      }
      assertThat(l.getFirstSeen()).isPositive();
    }
  }

  /**
   * The job fails once in the middle of the second half, after the first half's links were
   * committed and while the second half's first links sit in an open transaction; it restarts from
   * its last checkpoint (state and offsets), the members of the second half join the groups the
   * first half left in state, and every link is on the topic once.
   */
  @Test
  void aFailureInTheMiddleOfTheStreamWritesEveryLinkOnce() throws Exception {
    FailOnce.failed.set(false);
    publish(firstHalf());
    Settings s = settings("--restart.strategy", "fixed", "--restart.attempts", "3", "--restart.delay", "1 s");
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    DataStream<Patent> patents = NormalizedPatents.read(env, s, s.require(LinksSettings.GROUP_ID.key()), "links-decode")
        .map(new FailOnce("US-6093011-A")).name("fail-once").uid("fail-once");
    LinksJob.publish(LinksJob.links(patents, s), s);
    JobClient job = env.executeAsync(run);
    try {
      awaitLinks(FIRST_HALF_LINKS);
      publish(secondHalf());
      awaitLinks(expected().size());
      Thread.sleep(2_000); // four more checkpoints: a link made twice would be committed by now
      assertThat(FailOnce.failed).as("the job failed once").isTrue();
      assertThat(LocalStack.committedRecords(links).stream().map(LinksJobIT::describe).toList())
          .containsExactlyInAnyOrderElementsOf(expected());
    } finally {
      job.cancel().get();
    }
  }

  /**
   * The job is stopped after the first half (cancelled; its checkpoints retained) and the second
   * half is published while it is down; started again from its latest checkpoint, it links the
   * late members to the groups restored from state, and writes nothing of the first half again.
   */
  @Test
  void aJobStartedAgainFromItsCheckpointLinksLateMembersAndNothingTwice(@TempDir Path checkpoints) throws Exception {
    publish(firstHalf());
    String dir = checkpoints.toUri().toString();
    StreamExecutionEnvironment first = FlinkEnvironments.create(settings("--checkpoint.dir", dir));
    LinksJob.build(first, settings("--checkpoint.dir", dir));
    JobClient job = first.executeAsync(run);
    awaitLinks(FIRST_HALF_LINKS);
    Thread.sleep(1_500); // a checkpoint after the last link, holding its state and offsets
    job.cancel().get();

    publish(secondHalf());
    Settings again = settings("--checkpoint.dir", dir, "--restore.from", "latest");
    StreamExecutionEnvironment second = FlinkEnvironments.create(again);
    LinksJob.build(second, again);
    JobClient resumed = second.executeAsync(run);
    try {
      awaitLinks(expected().size());
      Thread.sleep(2_000);
      assertThat(LocalStack.committedRecords(links).stream().map(LinksJobIT::describe).toList())
          .containsExactlyInAnyOrderElementsOf(expected());
    } finally {
      resumed.cancel().get();
    }
  }

  private Settings settings(String... extra) {
    List<String> args = new ArrayList<>(List.of("--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY,
        "--topic.normalized", normalized, "--topic.links", links, "--topic.dlq", dlq,
        "--group-id", run, "--checkpoint.interval", "500 ms", "--parallelism", "2"));
    args.addAll(List.of(extra));
    return Settings.parse(LinksSettings.SETTINGS, LinksSettings.FLAGS, args.toArray(String[]::new), Map.of());
  }

  private void publish(List<Patent> patents) throws Exception {
    TopicCodec<Patent> codec = LocalStack.reading(TopicCodec.patents());
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (Patent p : patents) {
        producer.send(new ProducerRecord<>(normalized, p.getPublicationKey(), codec.encode(p))).get();
      }
    }
  }

  private void awaitLinks(int n) throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    while (LocalStack.committedRecords(links).size() < n) {
      assertThat(System.currentTimeMillis()).as("%d links committed within 2 min", n).isLessThan(deadline);
      Thread.sleep(300);
    }
  }

  /** Every committed record of the links topic, from the beginning (read_committed). */
  private static String describe(ConsumerRecord<byte[], byte[]> r) {
    try {
      PatentLink l = LocalStack.reading(TopicCodec.links()).decode(r.value());
      return l.getFromKey() + " -> " + l.getToKey() + " " + l.getKind() + " " + l.getStrength();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
