package io.patent2tech.jobs.drill;

import io.patent2tech.connectors.kafka.KafkaClientSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts the committed records of a topic per key, the way a subscriber sees them
 * ({@code read_committed}, from the beginning, no consumer group). Reads on where it stopped at
 * each {@link #poll}, so one tally can follow a topic for the whole drill; a broker that is away
 * only makes polls come back empty.
 */
final class KeyTally implements AutoCloseable {

  private final String topic;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, Integer> perKey = new HashMap<>();
  private List<TopicPartition> partitions = List.of();
  private long records;

  KeyTally(KafkaClientSettings kafka, String topic) {
    this.topic = topic;
    Properties props = new Properties();
    props.putAll(kafka.properties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    // bounded waits: while the broker is down a call fails in seconds and the caller moves on
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** Reads what has been committed since the last call, for up to {@code wait}. */
  void poll(Duration wait) {
    if (partitions.isEmpty()) {
      var info = consumer.listTopics(Duration.ofSeconds(5)).get(topic);
      if (info == null || info.isEmpty()) {
        sleep(wait); // no job has created the topic yet
        return;
      }
      partitions = info.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }
    for (ConsumerRecord<String, byte[]> r : consumer.poll(wait)) {
      records++;
      perKey.merge(r.key() == null ? "" : r.key(), 1, Integer::sum);
    }
  }

  /** Reads up to the last stable offset as of now (every committed transaction), or fails after {@code timeout}. */
  void readToEnd(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    poll(Duration.ZERO);
    while (partitions.isEmpty()) {
      if (System.nanoTime() > deadline) {
        return; // the topic does not exist: nothing was published
      }
      poll(Duration.ofMillis(500));
    }
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
    while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
      }
      poll(Duration.ofMillis(500));
    }
  }

  long records() {
    return records;
  }

  /** How many of {@code keys} have at least one record. */
  long found(Set<String> keys) {
    return keys.stream().filter(perKey::containsKey).count();
  }

  /** Records beyond the first of each key: 0 when every key was published once. */
  long extraRecords() {
    return records - perKey.size();
  }

  /** Keys that have more than one record. */
  List<String> repeatedKeys() {
    return perKey.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
  }

  /** Records whose key is not one of {@code keys}. */
  long otherRecords(Set<String> keys) {
    return perKey.entrySet().stream().filter(e -> !keys.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
