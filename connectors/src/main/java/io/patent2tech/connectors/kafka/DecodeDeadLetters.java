package io.patent2tech.connectors.kafka;

import java.io.IOException;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.TopicCodec;

/**
 * Decodes the records of the dead-letter topic into {@link DeadLetterEntry}s, each with its place
 * in Kafka (the pointer to its raw bytes).
 *
 * <p>Unlike {@link DecodeTopicValues} this operator has no dead-letter output: a record of the
 * dead-letter topic that does not decode becomes an entry of its own (stage {@link #UNDECODABLE_STAGE},
 * the record itself the pointer), so the dead-letters path never writes to the topic it reads and
 * cannot feed itself.
 */
public final class DecodeDeadLetters extends ProcessFunction<TopicRecord, DeadLetterEntry> {

  private static final long serialVersionUID = 1L;

  public static final String UNDECODABLE_STAGE = "landing-decode-dead-letters";

  private final String registryUrl;
  private transient TopicCodec<DeadLetter> codec;
  private transient Counter undecodable;

  /** @param registryUrl the schema registry Confluent-framed dead letters are read with (registry.url) */
  public DecodeDeadLetters(String registryUrl) {
    this.registryUrl = registryUrl;
  }

  @Override
  public void open(OpenContext openContext) {
    codec = Topics.readerCodec(TopicCodec.deadLetters(), registryUrl);
    undecodable = getRuntimeContext().getMetricGroup().counter("undecodableRecords");
  }

  @Override
  public void processElement(TopicRecord record, Context ctx, Collector<DeadLetterEntry> out) {
    if (record.value == null) {
      out.collect(undecodable(record, "empty value (tombstone) on the dead-letter topic", null));
      return;
    }
    try {
      out.collect(entry(codec.decode(record.value), record.topic, record.partition, record.offset));
    } catch (IOException e) {
      out.collect(undecodable(record, "cannot decode value: " + e.getMessage(), e));
    }
  }

  /** The entry of {@code d}, read from {@code topic}/{@code partition} at {@code offset}. */
  public static DeadLetterEntry entry(DeadLetter d, String topic, int partition, long offset) {
    DeadLetterEntry e = new DeadLetterEntry();
    e.dlqTopic = topic;
    e.dlqPartition = partition;
    e.dlqOffset = offset;
    e.time = d.getTime();
    e.source = d.getSource();
    e.stage = d.getStage();
    e.reason = d.getReason();
    e.errorClass = d.getErrorClass();
    e.sourceFile = d.getSourceFile();
    e.entry = d.getEntry();
    e.position = d.getPosition();
    e.offset = d.getOffset();
    e.publicationKey = d.getPublicationKey();
    e.rawSize = d.getRawSize();
    e.rawPointer = d.getRawPointer();
    e.rawCarried = d.getRaw() != null;
    return e;
  }

  private DeadLetterEntry undecodable(TopicRecord record, String reason, Exception error) {
    undecodable.inc();
    DeadLetterEntry e = new DeadLetterEntry();
    e.dlqTopic = record.topic;
    e.dlqPartition = record.partition;
    e.dlqOffset = record.offset;
    // the time the record was written: the same each time it is landed
    e.time = record.timestamp;
    e.source = record.topic;
    e.stage = UNDECODABLE_STAGE;
    e.reason = reason;
    e.errorClass = error == null ? null : error.getClass().getName();
    e.rawSize = record.value == null ? 0L : (long) record.value.length;
    e.rawCarried = record.value != null;
    return e;
  }
}
