package io.patent2tech.connectors.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic the way subscribers read it (read_committed: records of aborted transactions and
 * transaction markers left out) from its beginning up to where it stands when the read starts, with
 * a plain consumer (no group, nothing committed).
 */
public final class CommittedTopic {

  /** The read fails when it makes no progress for this long (a broker that does not answer). */
  static final Duration STALL_TIMEOUT = Duration.ofMinutes(2);

  private CommittedTopic() {}

  /**
   * Calls {@code each} for every committed record, partition by partition in offset order (records of
   * one key share a partition, so a key's records come in the order they were published).
   *
   * @return the number of records read; a topic that does not exist has none (the consumer does not
   *     create topics)
   */
  public static long read(String bootstrapServers, String topic,
      Consumer<ConsumerRecord<byte[], byte[]>> each) {
    return read(KafkaClientSettings.plaintext(bootstrapServers), topic, each);
  }

  /** {@link #read(String, String, Consumer)} with the client's security. */
  public static long read(KafkaClientSettings kafka, String topic,
      Consumer<ConsumerRecord<byte[], byte[]>> each) {
    Properties props = kafka.properties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.listTopics(STALL_TIMEOUT)
          .getOrDefault(topic, List.of()).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // for read_committed, endOffsets is the last stable offset: records of a transaction still open
      // lie beyond it, and are not published (yet)
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long count = 0;
      long lastProgress = System.nanoTime();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<byte[], byte[]> record : records) {
          if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
            each.accept(record);
            count++;
          }
        }
        if (!records.isEmpty()) {
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
          throw new IllegalStateException("Kafka at " + kafka.bootstrapServers() + ": reading topic " + topic
              + " made no progress for " + STALL_TIMEOUT.toSeconds() + " s (read " + count + " records)");
        }
      }
      return count;
    }
  }
}
