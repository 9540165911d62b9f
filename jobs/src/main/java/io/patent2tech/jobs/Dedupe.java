package io.patent2tech.jobs;

import java.time.Duration;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import io.patent2tech.connectors.kafka.PublishedPatentsInTopic;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.dedupe.PublicationDedupe;
import io.patent2tech.udfs.dedupe.PublicationDedupeOperator;

/**
 * The dedupe step of the jobs that publish to {@code patents.normalized} (ingest, collect): keyed by
 * publication key, levels 1 and 2 of docs/design.md section 4, its state learned from the topic
 * when the job starts without one ({@code --dedupe-from-topic}).
 */
public final class Dedupe {

  private Dedupe() {}

  public static SingleOutputStreamOperator<Patent> publishedOnce(DataStream<Patent> normalized, Settings s) {
    Duration ttl = s.getDuration(CommonSettings.DEDUPE_TTL.key());
    PublishedPatentsInTopic published = s.getBoolean(CommonSettings.DEDUPE_FROM_TOPIC.key())
        ? new PublishedPatentsInTopic(s.require(CommonSettings.KAFKA_BOOTSTRAP.key()),
            s.require(CommonSettings.TOPIC_NORMALIZED.key()))
        : null;
    return normalized
        .keyBy(Patent::getPublicationKey)
        .transform("dedupe", normalized.getType(),
            new PublicationDedupeOperator(new PublicationDedupe(ttl), published))
        .uid("dedupe");
  }
}
