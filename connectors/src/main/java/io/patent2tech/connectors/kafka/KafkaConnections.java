package io.patent2tech.connectors.kafka;

import java.util.Properties;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.flink.util.function.SerializableSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

import io.patent2tech.schema.TopicCodec;

/**
 * Kafka sources and sinks the way every job of ours uses them: exactly-once transactional writes
 * and {@code read_committed} reads (docs/design.md section 3, "Delivery").
 */
public final class KafkaConnections {

  /**
   * Kafka aborts a transaction that stays open longer than this; it must cover the longest
   * checkpoint interval plus recovery time, and stay within the broker's
   * transaction.max.timeout.ms (15 minutes by default).
   */
  public static final int TRANSACTION_TIMEOUT_MS = 15 * 60 * 1000;

  private KafkaConnections() {}

  /**
   * A transactional sink: records become visible to read_committed consumers when the Flink
   * checkpoint that covers them completes, so a restart never publishes a record twice.
   *
   * @param transactionalIdPrefix unique per sink and job; Flink derives one transactional id per
   *     subtask from it
   */
  public static <T extends SpecificRecord> KafkaSink<T> exactlyOnceSink(String bootstrapServers,
      String topic, String transactionalIdPrefix, SerializableSupplier<TopicCodec<T>> codec,
      SerializableFunction<T, String> keyOf) {
    return exactlyOnceSink(KafkaClientSettings.plaintext(bootstrapServers), topic, transactionalIdPrefix,
        codec, keyOf);
  }

  /** {@link #exactlyOnceSink(String, String, String, SerializableSupplier, SerializableFunction)} with the client's security. */
  public static <T extends SpecificRecord> KafkaSink<T> exactlyOnceSink(KafkaClientSettings kafka,
      String topic, String transactionalIdPrefix, SerializableSupplier<TopicCodec<T>> codec,
      SerializableFunction<T, String> keyOf) {
    Properties producer = kafka.properties();
    producer.setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(TRANSACTION_TIMEOUT_MS));
    producer.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    producer.setProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 << 20));
    return KafkaSink.<T>builder()
        .setBootstrapServers(kafka.bootstrapServers())
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(transactionalIdPrefix)
        .setKafkaProducerConfig(producer)
        .setRecordSerializer(new AvroValueSerializer<>(topic, codec, keyOf, kafka.registryUrl()))
        .build();
  }

  /**
   * Reads committed records of {@code topic} from the group's committed offsets (earliest for a
   * new group). Bounded sources stop at the offsets that were latest when the job started.
   */
  public static KafkaSource<TopicRecord> committedRecords(String bootstrapServers, String topic,
      String groupId, boolean bounded) {
    return committedRecords(KafkaClientSettings.plaintext(bootstrapServers), topic, groupId, bounded);
  }

  /** {@link #committedRecords(String, String, String, boolean)} with the client's security. */
  public static KafkaSource<TopicRecord> committedRecords(KafkaClientSettings kafka, String topic,
      String groupId, boolean bounded) {
    var builder = KafkaSource.<TopicRecord>builder()
        .setProperties(kafka.properties())
        .setBootstrapServers(kafka.bootstrapServers())
        .setTopics(topic)
        .setGroupId(groupId)
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(new TopicRecordDeserializer())
        .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
        .setProperty("commit.offsets.on.checkpoint", "true")
        // the consumer's own metrics (records-lag-max and the rest) in the source's metric group, next
        // to pendingRecords: the consumer lag of docs/operations.md's Metrics and its alert. The
        // connector's default, stated because the alert depends on it.
        .setProperty(KafkaSourceOptions.REGISTER_KAFKA_CONSUMER_METRICS.key(), "true");
    if (bounded) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder.build();
  }
}
