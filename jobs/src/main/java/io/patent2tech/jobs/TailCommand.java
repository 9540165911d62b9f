package io.patent2tech.jobs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.patent2tech.connectors.json.AvroJson;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.schema.TopicCodec;

/**
 * {@code tail TOPIC}: a topic's committed records as JSON lines, the way a subscriber reads them
 * (read_committed, no consumer group, nothing committed). Every record type the pipeline writes is
 * recognized by its value alone (Avro single-object encoding carries the schema's fingerprint), so
 * it reads any topic of the project, a run's own topics included, without being told which record
 * it holds.
 */
public final class TailCommand {

  public static final Setting FROM_BEGINNING = Setting.bool("from-beginning", false,
      "start at the beginning of the topic (otherwise at its end: only records committed from now on)");
  public static final Setting KEY = new Setting("key", null, "print only the records with this key (e.g. a publication key)");

  public static final List<Setting> SETTINGS =
      CommonSettings.secured(List.of(CommonSettings.KAFKA_BOOTSTRAP, FROM_BEGINNING, KEY, CommonSettings.BOUNDED));
  public static final List<String> FLAGS = List.of(FROM_BEGINNING.key(), CommonSettings.BOUNDED.key());

  public static final String USAGE = "tail [options] TOPIC\n"
      + "  Prints the topic's committed records as JSON lines ({\"partition\", \"offset\", \"key\", \"value\"}),\n"
      + "  following it until Ctrl-C; --bounded stops at the end the topic has when the command starts.\n"
      + "  Values of every record type the pipeline writes (Patent, PatentLink, PatentDrawings, Model3d,\n"
      + "  EnrichedPatent, DeadLetter) are decoded; others are printed with \"error\" and their size.\n";

  /** The pipeline's record codecs, tried in turn: a value decodes only with its own schema's. */
  private static final List<Supplier<? extends TopicCodec<? extends SpecificRecord>>> CODECS = List.of(
      TopicCodec::patents, TopicCodec::links, TopicCodec::drawings, TopicCodec::models3d,
      TopicCodec::enrichedPatents, TopicCodec::deadLetters);

  private static final ObjectMapper JSON = new ObjectMapper();

  private TailCommand() {}

  /** @return the number of records printed */
  public static long run(Settings s, PrintStream out) throws IOException {
    List<String> topics = s.positional();
    if (topics.size() != 1) {
      throw new Main.UsageException("tail needs exactly one TOPIC, e.g. tail patents.links (tail --help)", null);
    }
    String topic = topics.get(0);
    String key = s.get(KEY.key());
    boolean bounded = s.getBoolean(CommonSettings.BOUNDED.key());
    String registryUrl = CommonSettings.kafka(s).registryUrl();
    // both encodings: a Confluent-framed value's schema comes from the registry by its id
    List<? extends TopicCodec<? extends SpecificRecord>> codecs = CODECS.stream()
        .map(c -> Topics.readerCodec(c.get(), registryUrl)).toList();

    Properties props = new Properties();
    props.putAll(CommonSettings.kafka(s).properties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    long printed = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.listTopics(Duration.ofSeconds(30))
          .getOrDefault(topic, List.of()).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      if (partitions.isEmpty()) {
        throw new Main.UsageException("tail: no topic '" + topic + "' at "
            + s.require(CommonSettings.KAFKA_BOOTSTRAP.key()) + " (counts lists the pipeline's topics)", null);
      }
      consumer.assign(partitions);
      if (s.getBoolean(FROM_BEGINNING.key())) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      // read_committed: the end offsets are the last stable ones, what a subscriber can read now
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (!bounded || partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (bounded && r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
            continue;
          }
          String recordKey = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
          if (key != null && !key.equals(recordKey)) {
            continue;
          }
          out.println(JSON.writeValueAsString(line(r, recordKey, codecs)));
          printed++;
        }
        out.flush();
      }
    }
    return printed;
  }

  private static ObjectNode line(ConsumerRecord<byte[], byte[]> r, String key,
      List<? extends TopicCodec<? extends SpecificRecord>> codecs) {
    ObjectNode line = JSON.createObjectNode();
    line.put("partition", r.partition());
    line.put("offset", r.offset());
    line.put("key", key);
    if (r.value() == null) {
      line.putNull("value");
      return line;
    }
    for (TopicCodec<? extends SpecificRecord> codec : codecs) {
      try {
        SpecificRecord value = codec.decode(r.value());
        line.put("type", value.getSchema().getName());
        line.set("value", AvroJson.toTree(value));
        return line;
      } catch (IOException | RuntimeException e) {
        // not this codec's record: try the next
      }
    }
    line.putNull("value");
    line.put("error", "not a record of the pipeline's schemas (" + r.value().length + " bytes)");
    return line;
  }
}
