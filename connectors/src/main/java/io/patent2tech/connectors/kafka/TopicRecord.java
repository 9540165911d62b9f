package io.patent2tech.connectors.kafka;

/**
 * One Kafka record as read, before its value is decoded: decoding happens in an operator so an
 * undecodable value becomes a DeadLetter instead of failing the source. A Flink POJO.
 */
public class TopicRecord {
  public String topic;
  public int partition;
  public long offset;
  public byte[] key;
  public byte[] value;
  /** The record's Kafka timestamp, epoch milliseconds; 0 when not known. */
  public long timestamp;

  public TopicRecord() {}

  public TopicRecord(String topic, int partition, long offset, byte[] key, byte[] value) {
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    this.key = key;
    this.value = value;
  }

  public TopicRecord(String topic, int partition, long offset, byte[] key, byte[] value, long timestamp) {
    this(topic, partition, offset, key, value);
    this.timestamp = timestamp;
  }

  /** Where the record can be read again: topic/partition@offset. */
  public String pointer() {
    return topic + "/" + partition + "@" + offset;
  }
}
