package io.patent2tech.jobs;

import java.time.Duration;

import org.apache.flink.streaming.api.datastream.DataStream;

import io.patent2tech.connectors.kafka.KafkaClientSettings;
import io.patent2tech.connectors.kafka.KafkaConnections;
import io.patent2tech.connectors.kafka.PublishedPatentsInTopic;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.dedupe.PublicationDedupe;
import io.patent2tech.udfs.dedupe.PublicationDedupeOperator;

/**
 * The end every job that publishes patents shares (ingest, collect):
 *
 * <pre>
 *  normalized patents -> dedupe -> patents.normalized
 *  dead letters ---------------> patents.dlq
 * </pre>
 *
 * The dedupe is keyed by publication key (levels 1 and 2 of docs/design.md section 4), its state
 * learned from the topic when the job starts without one ({@code --dedupe-from-topic}). Both topics
 * are written exactly once, with transactional ids {@code <prefix>-normalized} and {@code
 * <prefix>-dlq}.
 */
public final class NormalizedOutput {

  private NormalizedOutput() {}

  /** @return the patents the dedupe passes on, i.e. what goes to {@code patents.normalized} */
  public static DataStream<Patent> publish(DataStream<Patent> normalized, DataStream<DeadLetter> deadLetters,
      Settings s, String transactionalIdPrefix) {
    KafkaClientSettings kafka = CommonSettings.kafka(s);
    String normalizedTopic = s.require(CommonSettings.TOPIC_NORMALIZED.key());
    String dlqTopic = s.require(CommonSettings.TOPIC_DLQ.key());
    Duration ttl = s.getDuration(CommonSettings.DEDUPE_TTL.key());
    PublishedPatentsInTopic alreadyPublished = s.getBoolean(CommonSettings.DEDUPE_FROM_TOPIC.key())
        ? new PublishedPatentsInTopic(kafka, normalizedTopic)
        : null;

    DataStream<Patent> published = normalized
        .keyBy(Patent::getPublicationKey)
        .transform("dedupe", normalized.getType(),
            new PublicationDedupeOperator(new PublicationDedupe(ttl), alreadyPublished))
        .uid("dedupe");
    published
        .sinkTo(KafkaConnections.exactlyOnceSink(kafka, normalizedTopic,
            transactionalIdPrefix + "-normalized", TopicCodec::patents, Patent::getPublicationKey))
        .name(normalizedTopic).uid("sink-normalized");

    deadLetters
        .sinkTo(KafkaConnections.exactlyOnceSink(kafka, dlqTopic, transactionalIdPrefix + "-dlq",
            TopicCodec::deadLetters, DeadLetter::getSourceFile))
        .name(dlqTopic).uid("sink-dlq");
    return published;
  }
}
