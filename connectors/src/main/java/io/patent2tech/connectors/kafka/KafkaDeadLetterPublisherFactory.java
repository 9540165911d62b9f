package io.patent2tech.connectors.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.patent2tech.connectors.DeadLetterPublisher;
import io.patent2tech.connectors.DeadLetterPublisherFactory;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.TopicCodec;

/**
 * Dead letters from inside a sink (which cannot emit records downstream) go straight to the DLQ
 * topic with an idempotent producer. Delivery is at-least-once: the sink calls {@link
 * DeadLetterPublisher#flush()} before its checkpoint completes, so no dead letter is lost, and a
 * restart may repeat one.
 */
public final class KafkaDeadLetterPublisherFactory implements DeadLetterPublisherFactory {

  private static final long serialVersionUID = 1L;

  private final KafkaClientSettings kafka;
  private final String topic;

  public KafkaDeadLetterPublisherFactory(String bootstrapServers, String topic) {
    this(KafkaClientSettings.plaintext(bootstrapServers), topic);
  }

  public KafkaDeadLetterPublisherFactory(KafkaClientSettings kafka, String topic) {
    this.kafka = kafka;
    this.topic = topic;
  }

  @Override
  public DeadLetterPublisher create() {
    Properties props = kafka.properties();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 << 20);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // the codec first: a topic written in the Confluent wire format registers its schema now
    TopicCodec<DeadLetter> codec = Topics.writerCodec(TopicCodec.deadLetters(), topic, kafka.registryUrl());
    return new Publisher(new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer()),
        topic, codec);
  }

  private static final class Publisher implements DeadLetterPublisher {
    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final TopicCodec<DeadLetter> codec;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    Publisher(Producer<byte[], byte[]> producer, String topic, TopicCodec<DeadLetter> codec) {
      this.producer = producer;
      this.topic = topic;
      this.codec = codec;
    }

    @Override
    public void publish(DeadLetter deadLetter) {
      throwIfFailed();
      String key = deadLetter.getPublicationKey() != null ? deadLetter.getPublicationKey()
          : deadLetter.getSourceFile();
      producer.send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
          codec.encode(deadLetter)), (meta, e) -> {
            if (e != null) {
              failure.compareAndSet(null, e);
            }
          });
    }

    @Override
    public void flush() {
      producer.flush();
      throwIfFailed();
    }

    /** A dead letter that cannot be written must fail the job: losing it would drop the input. */
    private void throwIfFailed() {
      Exception e = failure.get();
      if (e != null) {
        throw new IllegalStateException("cannot write dead letters to " + topic + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      producer.close();
    }
  }
}
