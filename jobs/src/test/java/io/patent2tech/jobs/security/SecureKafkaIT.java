package io.patent2tech.jobs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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

import io.patent2tech.connectors.http.CapturedLogs;
import io.patent2tech.connectors.kafka.CommittedTopic;
import io.patent2tech.jobs.LocalStack;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.ingest.IngestJob;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.TopicCodec;

/**
 * The pipeline through the stack's SASL_SSL listener (SCRAM-SHA-512 over TLS, the stack's own CA):
 * the ingest job publishes the bundled sample and a malformed document, its dedupe reads the topic
 * back, and a consumer with the same credentials sees the records (none of it logs the password,
 * nor does the dead letter carry it); a wrong password stops the job
 * with an authentication error that does not carry the password.
 */
class SecureKafkaIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

  private static final String RUN = LocalStack.runName("secure");
  private static final String TOPIC = RUN + ".patents.normalized";
  private static final String DLQ = RUN + ".patents.dlq";
  /** The sample zip's ten documents (samples/README.md). */
  private static final int SAMPLE_DOCUMENTS = 10;

  @TempDir
  static Path input;
  @TempDir
  static Path secrets;

  @BeforeAll
  static void prepareInput() throws Exception {
    Path repo = Path.of(System.getProperty("p2t.repo"));
    Files.copy(repo.resolve("samples/uspto/ipg-ipa-sample.zip"), input.resolve("ipg-ipa-sample.zip"));
    byte[] doc = Files.readAllBytes(Path.of(System.getProperty("p2t.fixtures"), "uspto/grant/US08930553.xml"));
    Files.write(input.resolve("truncated.xml"), java.util.Arrays.copyOf(doc, doc.length / 2));
  }

  @AfterAll
  static void removeTopics() throws Exception {
    LocalStack.deleteTopicsIfPresent(List.of(TOPIC, DLQ));
  }

  /** The ingest job's options for the secure listener, the password read from {@code passwordFile}. */
  private static Settings ingest(Path passwordFile, String transactionalIdPrefix) {
    return Settings.parse(IngestJob.SETTINGS, IngestJob.FLAGS, new String[] {
        "--kafka.bootstrap", LocalStack.KAFKA_SECURE, "--registry.url", LocalStack.REGISTRY, "--kafka.security-protocol", "SASL_SSL",
        "--kafka.sasl-mechanism", "SCRAM-SHA-512", "--kafka.sasl-username", LocalStack.KAFKA_SCRAM_USER,
        "--kafka.sasl-password-file", passwordFile.toString(), "--kafka.ssl-truststore", LocalStack.KAFKA_CA_FILE,
        "--topic.normalized", TOPIC, "--topic.dlq", DLQ, "--transactional-id-prefix", transactionalIdPrefix,
        "--checkpoint.interval", "1 s", "--parallelism", "1", input.toString()}, Map.of());
  }

  @Test
  void ingestPublishesThroughScramOverTls() throws Exception {
    Path passwordFile = Files.writeString(secrets.resolve("kafka-password"),
        LocalStack.KAFKA_SCRAM_PASSWORD + "\n", StandardCharsets.UTF_8);

    List<CapturedLogs> logs = new ArrayList<>();
    for (String logger : List.of("io.patent2tech", "org.apache.kafka", "org.apache.flink")) {
      logs.add(new CapturedLogs(logger));
    }
    StringBuilder logged = new StringBuilder();
    try {
      IngestJob.run(ingest(passwordFile, RUN));
    } finally {
      for (CapturedLogs l : logs) {
        l.lines().forEach(line -> logged.append(line).append('\n'));
        l.close();
      }
    }
    // the Flink sources and sinks, the dedupe's consumer and the admin client all ran with it
    assertThat(logged).contains("SASL_SSL").doesNotContain(LocalStack.KAFKA_SCRAM_PASSWORD);

    List<byte[]> normalized = new ArrayList<>();
    CommittedTopic.read(LocalStack.secureKafka(LocalStack.KAFKA_SCRAM_PASSWORD), TOPIC, r -> normalized.add(r.value()));
    assertThat(normalized).hasSize(SAMPLE_DOCUMENTS);
    List<DeadLetter> deadLetters = new ArrayList<>();
    for (byte[] value : LocalStack.committedValues(DLQ)) {
      deadLetters.add(LocalStack.reading(TopicCodec.deadLetters()).decode(value));
    }
    assertThat(deadLetters).singleElement().satisfies(d -> {
      assertThat(d.getSourceFile().toString()).endsWith("truncated.xml");
      assertThat(Secrets.textOf(d)).doesNotContain(LocalStack.KAFKA_SCRAM_PASSWORD);
    });
  }

  @Test
  void aWrongPasswordFailsWithAnAuthenticationErrorThatDoesNotCarryIt() throws Exception {
    String wrong = "wrong-" + RUN + "-kafka-password";
    Path passwordFile = Files.writeString(secrets.resolve("wrong-password"), wrong, StandardCharsets.UTF_8);

    Throwable failure = catchThrowable(() -> IngestJob.run(ingest(passwordFile, RUN + "-wrong")));

    assertThat(failure).isNotNull();
    String text = Secrets.describe(failure);
    assertThat(text).contains("Authentication failed").contains("SCRAM-SHA-512");
    assertThat(text).doesNotContain(wrong);
  }
}
