package io.patent2tech.connectors.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema.InitializationContext;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema.KafkaSinkContext;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.flink.util.function.SerializableSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.patent2tech.schema.TopicCodec;

/**
 * Writes Avro records to one topic: value in the encoding topics.txt gives the topic's record type
 * ({@link Topics#writerCodec}: Confluent's wire format with the schema registered under
 * {@code <topic>-value} when it opens, or single-object encoding), key =
 * the UTF-8 of {@code keyOf} (the publication key for patents), so all versions of one publication
 * land in one partition, in order.
 */
public final class AvroValueSerializer<T extends SpecificRecord> implements KafkaRecordSerializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final String topic;
  private final SerializableSupplier<TopicCodec<T>> codecFactory;
  private final SerializableFunction<T, String> keyOf;
  private final String registryUrl;
  private transient TopicCodec<T> codec;

  /**
   * @param registryUrl the schema registry's Confluent-compatible API; null where the topic is
   *     single-object encoded
   */
  public AvroValueSerializer(String topic, SerializableSupplier<TopicCodec<T>> codecFactory,
      SerializableFunction<T, String> keyOf, String registryUrl) {
    this.topic = topic;
    this.codecFactory = codecFactory;
    this.keyOf = keyOf;
    this.registryUrl = registryUrl;
  }

  @Override
  public void open(InitializationContext context, KafkaSinkContext sinkContext) {
    codec = Topics.writerCodec(codecFactory.get(), topic, registryUrl);
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
    if (codec == null) {
      codec = Topics.writerCodec(codecFactory.get(), topic, registryUrl);
    }
    String key = keyOf.apply(element);
    return new ProducerRecord<>(topic, null, timestamp,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8), codec.encode(element));
  }
}
