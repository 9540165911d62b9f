package io.patent2tech.jobs;

import io.patent2tech.connectors.kafka.KafkaClientSettings;
import io.patent2tech.connectors.kafka.DecodeTopicValues;
import io.patent2tech.connectors.kafka.KafkaConnections;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.TopicCodec;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The start of every job that reads {@code patents.normalized}: the committed records of the topic
 * (read_committed, offsets of the job's consumer group committed on checkpoints, bounded with
 * {@code --bounded}), decoded; a value that does not decode goes to {@code patents.dlq} (exactly
 * once, transactional ids {@code <group>-dlq}).
 */
public final class NormalizedPatents {

  private NormalizedPatents() {}

  /**
   * @param groupId the job's consumer group
   * @param decoderName names the decode step's metrics and dead letters ("landing-decode")
   */
  public static SingleOutputStreamOperator<Patent> read(StreamExecutionEnvironment env, Settings s,
      String groupId, String decoderName) {
    KafkaClientSettings kafka = CommonSettings.kafka(s);
    String topic = s.require(CommonSettings.TOPIC_NORMALIZED.key());
    String dlqTopic = s.require(CommonSettings.TOPIC_DLQ.key());
    SingleOutputStreamOperator<Patent> patents = env
        .fromSource(KafkaConnections.committedRecords(kafka, topic, groupId,
            s.getBoolean(CommonSettings.BOUNDED.key())), WatermarkStrategy.noWatermarks(), topic)
        .uid("source-normalized")
        .process(new DecodeTopicValues<>(Patent.class, TopicCodec::patents, decoderName, kafka.registryUrl()))
        .name("decode").uid("decode")
        // not chained to the Kafka source: its record emitter reports anything thrown further down
        // the chain (a sink whose store is down) as "Failed to deserialize consumer record"; in a
        // chain of its own the sink's own error is what the job fails and restarts with
        .startNewChain();
    patents.getSideOutput(DecodeTopicValues.DEAD_LETTERS)
        .sinkTo(KafkaConnections.exactlyOnceSink(kafka, dlqTopic, groupId + "-dlq",
            TopicCodec::deadLetters, DeadLetter::getRawPointer))
        .name(dlqTopic).uid("sink-dlq");
    return patents;
  }
}
