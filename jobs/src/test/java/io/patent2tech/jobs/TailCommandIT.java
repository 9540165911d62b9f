package io.patent2tech.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.schema.PatentLink;
import io.patent2tech.schema.ConfluentSchemaRegistry;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.models3d.SampleModels;

/**
 * {@code tail} against the local stack's Kafka and schema registry: a topic of the test's own
 * holding a link (single-object encoding), a 3D outcome (Confluent's wire format, its schema
 * registered under the topic's subject) and a value of no schema, read from the beginning up to its
 * end.
 */
class TailCommandIT {

  private static final String TOPIC = LocalStack.runName("tail") + ".mixed";
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void publish() throws Exception {
    Topics.ensure(LocalStack.KAFKA, Map.of(TOPIC, 1));
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      PatentLink link = new PatentLink("EP-1000000-A1", "EP-1000000-B1", "same-family", "strong", "19768124", null,
          "docdb-family-id", SampleModels.T0);
      producer.send(new ProducerRecord<>(TOPIC, "EP-1000000-A1|EP-1000000-B1|same-family",
          TopicCodec.links().encode(link))).get();
      producer.send(new ProducerRecord<>(TOPIC, "US-D990002-S1|set-1",
          TopicCodec.models3d().writingConfluent(TOPIC, ConfluentSchemaRegistry.at(LocalStack.REGISTRY))
              .encode(SampleModels.made("US-D990002-S1", "set-1")))).get();
      producer.send(new ProducerRecord<>(TOPIC, "junk", "not Avro".getBytes(StandardCharsets.UTF_8))).get();
    }
  }

  @AfterAll
  static void removeTopic() throws Exception {
    LocalStack.deleteTopicsIfPresent(List.of(TOPIC));
  }

  private static List<JsonNode> tail(String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY,
        "--bounded"));
    args.addAll(List.of(options));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TailCommand.run(Settings.parse(TailCommand.SETTINGS, TailCommand.FLAGS, args.toArray(String[]::new), Map.of()),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<JsonNode> lines = new ArrayList<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  @Test
  void everyRecordIsOneJsonLineWithItsTypeRecognizedFromTheValue() throws Exception {
    List<JsonNode> lines = tail("--from-beginning", TOPIC);

    assertThat(lines).extracting(l -> l.path("type").asText(null)).containsExactly("PatentLink", "Model3d", null);
    assertThat(lines.get(0).at("/value/kind").asText()).isEqualTo("same-family");
    assertThat(lines.get(1).at("/value/files/preview").asText()).isEqualTo("preview.png");
    assertThat(lines.get(2).get("error").asText()).contains("8 bytes");
    assertThat(lines).extracting(l -> l.get("offset").asLong()).containsExactly(0L, 1L, 2L);
  }

  @Test
  void aKeyPrintsOnlyItsRecords() throws Exception {
    assertThat(tail("--from-beginning", "--key", "US-D990002-S1|set-1", TOPIC))
        .singleElement().satisfies(l -> assertThat(l.at("/value/figure_set").asText()).isEqualTo("set-1"));
  }

  @Test
  void fromTheEndABoundedTailPrintsNothingAndAMissingTopicIsAUsageError() throws Exception {
    assertThat(tail(TOPIC)).isEmpty();
    assertThatThrownBy(() -> tail(TOPIC + ".missing")).isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("no topic");
  }
}
