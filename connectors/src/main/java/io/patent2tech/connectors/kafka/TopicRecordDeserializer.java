package io.patent2tech.connectors.kafka;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Passes Kafka records on as {@link TopicRecord}s, bytes untouched. */
public final class TopicRecordDeserializer implements KafkaRecordDeserializationSchema<TopicRecord> {

  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<TopicRecord> out) {
    out.collect(new TopicRecord(record.topic(), record.partition(), record.offset(), record.key(),
        record.value(), Math.max(0, record.timestamp())));
  }

  @Override
  public TypeInformation<TopicRecord> getProducedType() {
    return TypeInformation.of(TopicRecord.class);
  }
}
