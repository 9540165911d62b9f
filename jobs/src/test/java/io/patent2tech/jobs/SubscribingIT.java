package io.patent2tech.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.flink.util.function.SerializableSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.patent2tech.connectors.kafka.AvroValueSerializer;
import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.EnrichedPatent;
import io.patent2tech.schema.InventiveStepEvaluation;
import io.patent2tech.schema.Model3d;
import io.patent2tech.schema.NoveltyEvaluation;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentDrawings;
import io.patent2tech.schema.PatentLink;
import io.patent2tech.schema.Source;
import io.patent2tech.schema.ConfluentSchemaRegistry;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.DeadLetters;
import io.patent2tech.udfs.UsptoDocumentProcessor;
import io.patent2tech.udfs.drawings.DrawingSets;
import io.patent2tech.udfs.models3d.SampleModels;

/**
 * docs/subscribing.md's subscribers against the local stack's Kafka and schema registry: one
 * record of each topic's type, written by the jobs' own sink serializer ({@link AvroValueSerializer},
 * in the encoding infra/kafka/topics.txt gives the topic: Confluent's wire format) to a topic
 * created with the registry's settings, read back by a plain Kafka consumer with the registry's own
 * deserializer (Apicurio's AvroKafkaDeserializer configured for the Confluent wire format), which
 * knows nothing of this project; and with the schemas jar's {@link TopicCodec} and the registry.
 */
class SubscribingIT {

  private static final String RUN = LocalStack.runName("subscribing");

  /** The record each registry topic gets, its key and the serializer the jobs write it with. */
  private static final Map<String, Published<?>> PUBLISHED = new LinkedHashMap<>();

  private record Published<T extends SpecificRecord>(T record, String key, AvroValueSerializer<T> serializer) {
    static <T extends SpecificRecord> Published<T> of(String topic, T record, SerializableSupplier<TopicCodec<T>> codec,
        SerializableFunction<T, String> keyOf) {
      return new Published<>(record, keyOf.apply(record), new AvroValueSerializer<>(topic, codec, keyOf, LocalStack.REGISTRY));
    }
  }

  private static String topic(String registryTopic) {
    return RUN + "." + registryTopic;
  }

  @BeforeAll
  static void publishOneRecordPerTopic() throws Exception {
    Path ice = Fixtures.iceDocuments().get(0);
    Patent patent = new UsptoDocumentProcessor().process(Files.readAllBytes(ice),
        new Source("USPTO", null, ice.getFileName().toString(), null, 0L, 0L, null, null), 0L);
    String key = patent.getPublicationKey();
    PUBLISHED.put(Topics.NORMALIZED, Published.of(topic(Topics.NORMALIZED), patent,
        TopicCodec::patents, Patent::getPublicationKey));
    PUBLISHED.put(Topics.ENRICHED, Published.of(topic(Topics.ENRICHED), enriched(key),
        TopicCodec::enrichedPatents, EnrichedPatent::getPublicationKey));
    PUBLISHED.put(Topics.LINKS, Published.of(topic(Topics.LINKS),
        new PatentLink(key, "US-9999001-B1", "near-duplicate", "strong", null, 0.97, "minhash-lsh", 1L),
        TopicCodec::links, l -> l.getFromKey() + "|" + l.getToKey() + "|" + l.getKind()));
    PUBLISHED.put(Topics.DRAWINGS, Published.of(topic(Topics.DRAWINGS), DrawingSets.of(patent),
        TopicCodec::drawings, PatentDrawings::getPublicationKey));
    PUBLISHED.put(Topics.MODELS3D, Published.of(topic(Topics.MODELS3D), SampleModels.made("US-D990002-S1", "set-1"),
        TopicCodec::models3d, m -> m.getPublicationKey() + "|" + m.getFigureSet()));
    PUBLISHED.put(Topics.DLQ, Published.of(topic(Topics.DLQ),
        DeadLetters.builder(topic(Topics.NORMALIZED), "landing-decode").reason("cannot decode value").build(),
        TopicCodec::deadLetters, DeadLetter::getPublicationKey));

    Map<String, String> standsFor = new LinkedHashMap<>();
    PUBLISHED.keySet().forEach(registryTopic -> standsFor.put(topic(registryTopic), registryTopic));
    Topics.ensureAs(LocalStack.KAFKA, standsFor);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (Published<?> published : PUBLISHED.values()) {
        producer.send(serialize(published)).get();
      }
    }
  }

  private static <T extends SpecificRecord> org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> serialize(
      Published<T> published) {
    return published.serializer().serialize(published.record(), null, null);
  }

  private static EnrichedPatent enriched(String key) {
    return EnrichedPatent.newBuilder().setPublicationKey(key).setContentHash("abc").setPatentVersion(1)
        .setSettingsFingerprint("f").setRetrievalError("Elasticsearch unreachable")
        .setNovelty(NoveltyEvaluation.newBuilder().setRuleScore(0.1).setFinalScore(0.1).setIsNovel(true)
            .setThreshold(0.7).setStagesUsed(List.of("rule")).setWeights(Map.of("rule", 1.0)).build())
        .setInventiveStep(InventiveStepEvaluation.newBuilder().setTechnologyField("mechanical").setRuleScore(0.6)
            .setFinalScore(0.6).setHasInventiveStep(true).setThreshold(0.5).setStagesUsed(List.of("rule"))
            .setWeights(Map.of("rule", 1.0)).build())
        .setEnrichedTime(1L).build();
  }

  @AfterAll
  static void removeTopics() throws Exception {
    List<String> topics = PUBLISHED.keySet().stream().map(SubscribingIT::topic).toList();
    LocalStack.deleteTopicsIfPresent(topics);
  }

  /**
   * docs/subscribing.md, "Java": a consumer with Apicurio's Avro deserializer set up for values in
   * Confluent's wire format: the schema id in the value (no headers), 4 bytes long
   * (Legacy4ByteIdHandler), and the id being what the Confluent-compatible API answers, Apicurio's
   * content id; records as the generated classes.
   */
  private static KafkaConsumer<String, Object> registrySubscriber(String group) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroKafkaDeserializer.class.getName());
    props.put(SerdeConfig.REGISTRY_URL, LocalStack.REGISTRY.replace("/apis/ccompat/v7", "/apis/registry/v2"));
    props.put(SerdeConfig.ENABLE_HEADERS, false);
    props.put(SerdeConfig.ID_HANDLER, Legacy4ByteIdHandler.class.getName());
    props.put(SerdeConfig.USE_ID, "contentId");
    props.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
    return new KafkaConsumer<>(props);
  }

  /** The records a consumer of its own group reads from the topic of {@code registryTopic}, with their keys. */
  private static List<Map.Entry<String, byte[]>> consume(String registryTopic, String group) {
    List<Map.Entry<String, byte[]>> read = new ArrayList<>();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, RUN + "-" + group + "-" + registryTopic);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic(registryTopic)));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (read.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          read.add(new java.util.AbstractMap.SimpleEntry<>(r.key(), r.value())); // a dead letter may have no key
        }
      }
    }
    return read;
  }

  @ParameterizedTest
  @ValueSource(strings = {Topics.NORMALIZED, Topics.ENRICHED, Topics.LINKS, Topics.DRAWINGS, Topics.MODELS3D,
      Topics.DLQ})
  void eachTopicsValueIsInTheConfluentWireFormatWithItsSubjectsId(String registryTopic) throws Exception {
    List<Map.Entry<String, byte[]>> read = consume(registryTopic, "bytes");
    assertThat(read).hasSize(1);
    byte[] value = read.get(0).getValue();
    assertThat(value[0]).as("magic byte").isEqualTo((byte) 0);
    assertThat(ByteBuffer.wrap(value, 1, 4).getInt())
        .isEqualTo(LocalStack.latestSchemaId(topic(registryTopic) + "-value"));
  }

  @ParameterizedTest
  @ValueSource(strings = {Topics.NORMALIZED, Topics.ENRICHED, Topics.LINKS, Topics.DRAWINGS, Topics.MODELS3D,
      Topics.DLQ})
  void theRegistrysDeserializerReadsEachTopic(String registryTopic) throws Exception {
    Published<?> published = PUBLISHED.get(registryTopic);
    List<Object> read = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer = registrySubscriber(RUN + "-apicurio-" + registryTopic)) {
      consumer.subscribe(List.of(topic(registryTopic)));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (read.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, Object> r : consumer.poll(Duration.ofMillis(500))) {
          read.add(r.value());
          keys.add(r.key());
        }
      }
    }
    assertThat(read).containsExactly(published.record());
    assertThat(keys).containsExactly(published.key());
  }

  @ParameterizedTest
  @ValueSource(strings = {Topics.NORMALIZED, Topics.DLQ})
  void theSchemasJarReadsATopicWithTheRegistry(String registryTopic) throws Exception {
    List<Map.Entry<String, byte[]>> read = consume(registryTopic, "codec");
    assertThat(read).hasSize(1);
    TopicCodec<?> codec = registryTopic.equals(Topics.DLQ) ? TopicCodec.deadLetters() : TopicCodec.patents();
    assertThat(codec.withRegistry(ConfluentSchemaRegistry.at(LocalStack.REGISTRY)).decode(read.get(0).getValue()))
        .isEqualTo(PUBLISHED.get(registryTopic).record());
  }
}
