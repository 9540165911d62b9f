package io.patent2tech.jobs.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.patent2tech.connectors.elasticsearch.index.AliasedIndex;
import io.patent2tech.connectors.kafka.DecodeDeadLetters;
import io.patent2tech.jobs.DeadLetterRun;
import io.patent2tech.jobs.LocalStack;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.udfs.DeadLetters;

/**
 * The landing job's dead letters path against the local stack: real dead letters (the ingest job
 * over a good and two damaged fixture documents, a refused document the way the Elasticsearch sink
 * reports it, and a value that is no dead letter at all) become one document each in the
 * dead-letters index, under the record's topic-partition-offset, pointing at their raw input
 * without copying it; landing them again changes nothing.
 */
class DeadLettersLandingIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  /** Below the larger damaged document, above the smaller: one raw input is carried, one pointed at. */
  private static final int MAX_RAW_BYTES = 10_000;

  @TempDir
  static Path input;

  private static DeadLetterRun run;

  @BeforeAll
  static void makeAndLandDeadLetters() throws Exception {
    run = new DeadLetterRun("dlqland");
    Path grants = Path.of(System.getProperty("p2t.fixtures"), "uspto", "grant");
    Files.copy(grants.resolve("US08930553.xml"), input.resolve("good.xml"));
    byte[] other = Files.readAllBytes(grants.resolve("US06859910.xml"));
    Files.write(input.resolve("truncated.xml"), Arrays.copyOf(other, other.length / 2)); // a cut download
    Files.write(input.resolve("stub.xml"), Arrays.copyOf(other, 3000));
    run.ingest(input, "--dlq-max-raw-bytes", String.valueOf(MAX_RAW_BYTES));

    run.publish(DeadLetters.builder("patents.normalized", "landing-elasticsearch")
        .reason("document_parsing_exception: failed to parse field [grant_date]")
        .errorClass("document_parsing_exception").publicationKey("US-8930553-B2")
        .rawPrefix("{\"grant_date\":\"soon\"}".getBytes(StandardCharsets.UTF_8), 512).build());
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(run.dlq, "not a dead letter".getBytes(StandardCharsets.UTF_8))).get();
    }
    run.land("landing");
  }

  @AfterAll
  static void removeRunData() throws Exception {
    run.remove();
  }

  @Test
  void everyRecordOfTheTopicIsOneDocumentUnderItsPlace() throws Exception {
    List<ConsumerRecord<byte[], byte[]>> records = LocalStack.committedRecords(run.dlq);
    assertThat(records).hasSize(4);
    Map<String, JsonNode> docs = run.deadLetterDocuments();
    List<String> ids = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      String id = run.dlq + "-" + r.partition() + "-" + r.offset();
      ids.add(id);
      assertThat(docs).containsKey(id);
      assertThat(docs.get(id).get("dlq_topic").asText()).isEqualTo(run.dlq);
      assertThat(docs.get(id).get("dlq_partition").asInt()).isEqualTo(r.partition());
      assertThat(docs.get(id).get("dlq_offset").asLong()).isEqualTo(r.offset());
    }
    assertThat(docs.keySet()).containsExactlyInAnyOrderElementsOf(ids);

    List<String> mapped = new ArrayList<>();
    AliasedIndex.template(AliasedIndex.DEAD_LETTERS_TEMPLATE, run.deadLettersAlias)
        .at("/template/mappings/properties").fieldNames().forEachRemaining(mapped::add);
    for (JsonNode doc : docs.values()) {
      doc.fieldNames().forEachRemaining(f -> assertThat(mapped).as("template fields").contains(f));
      assertThat(doc.has("raw")).as("raw bytes stay in Kafka").isFalse();
      assertThat(doc.has("replayed_at")).isFalse();
    }
  }

  @Test
  void aDamagedDocumentIsFoundByStageAndFileAndPointsAtItsRawInput() throws Exception {
    Map<String, JsonNode> docs = run.deadLetterDocuments();
    Map<String, DeadLetter> byFile = new java.util.HashMap<>();
    for (DeadLetter d : run.deadLetters()) {
      if (d.getSourceFile() != null) {
        byFile.put(Path.of(d.getSourceFile().replaceFirst("^file:", "")).getFileName().toString(), d);
      }
    }
    assertThat(byFile.keySet()).containsExactlyInAnyOrder("truncated.xml", "stub.xml");

    JsonNode truncated = docs.values().stream()
        .filter(d -> d.path("source_file").asText().endsWith("truncated.xml")).findFirst().orElseThrow();
    assertThat(truncated.get("source").asText()).isEqualTo("uspto");
    assertThat(truncated.get("stage").asText()).isEqualTo("parse");
    assertThat(truncated.get("raw_carried").asBoolean()).as("larger than --dlq-max-raw-bytes").isFalse();
    assertThat(truncated.get("raw_size").asLong()).isGreaterThan(MAX_RAW_BYTES);
    assertThat(truncated.get("raw_pointer").asText()).isEqualTo(byFile.get("truncated.xml").getRawPointer())
        .endsWith("truncated.xml@0+" + truncated.get("raw_size").asLong());
    assertThat(truncated.get("time").asLong()).isEqualTo(byFile.get("truncated.xml").getTime());

    JsonNode stub = docs.values().stream()
        .filter(d -> d.path("source_file").asText().endsWith("stub.xml")).findFirst().orElseThrow();
    assertThat(stub.get("raw_carried").asBoolean()).isTrue();
    assertThat(stub.get("raw_size").asLong()).isEqualTo(3000L);
    assertThat(stub.has("raw_pointer")).isFalse();
    assertThat(stub.get("reason").asText()).isEqualTo(byFile.get("stub.xml").getReason());
  }

  @Test
  void aRefusedDocumentAndAValueThatIsNoDeadLetterAreSearchableToo() throws Exception {
    Map<String, JsonNode> docs = run.deadLetterDocuments();
    JsonNode refused = docs.values().stream()
        .filter(d -> d.get("stage").asText().equals("landing-elasticsearch")).findFirst().orElseThrow();
    assertThat(refused.get("publication_key").asText()).isEqualTo("US-8930553-B2");
    assertThat(refused.get("error_class").asText()).isEqualTo("document_parsing_exception");
    assertThat(refused.get("raw_carried").asBoolean()).isTrue();

    JsonNode undecodable = docs.values().stream()
        .filter(d -> d.get("stage").asText().equals(DecodeDeadLetters.UNDECODABLE_STAGE)).findFirst().orElseThrow();
    assertThat(undecodable.get("source").asText()).isEqualTo(run.dlq);
    assertThat(undecodable.get("reason").asText()).startsWith("cannot decode value");
    assertThat(undecodable.get("raw_size").asLong()).isEqualTo("not a dead letter".length());
    assertThat(undecodable.get("time").asLong()).as("the record's Kafka timestamp").isPositive();
    // the path writes nothing to the topic it reads: still the four records
    assertThat(LocalStack.committedRecords(run.dlq)).hasSize(4);
  }

  @Test
  void landingTheTopicAgainChangesNoDocument() throws Exception {
    Map<String, String> versions = LocalStack.esVersions(run.deadLettersAlias);
    assertThat(versions).hasSize(4);
    run.land("landing-again"); // a new consumer group: every record is read and written again
    assertThat(LocalStack.esVersions(run.deadLettersAlias)).isEqualTo(versions);
  }
}
