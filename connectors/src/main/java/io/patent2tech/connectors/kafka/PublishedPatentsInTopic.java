package io.patent2tech.connectors.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.dedupe.PublishedPatents;

/**
 * What {@code patents.normalized} holds, for a dedupe that starts without state: every committed
 * record's key, content hash and version, read from the topic's beginning (see {@link
 * CommittedTopic}). The topic is the one record of what was published, so nothing else has to be
 * kept in step with it.
 */
public final class PublishedPatentsInTopic implements PublishedPatents.Factory {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PublishedPatentsInTopic.class);

  private final KafkaClientSettings kafka;
  private final String topic;

  public PublishedPatentsInTopic(String bootstrapServers, String topic) {
    this(KafkaClientSettings.plaintext(bootstrapServers), topic);
  }

  public PublishedPatentsInTopic(KafkaClientSettings kafka, String topic) {
    this.kafka = kafka;
    this.topic = topic;
  }

  @Override
  public String describe() {
    return "topic " + topic + " at " + kafka.bootstrapServers();
  }

  @Override
  public PublishedPatents open() {
    return new PublishedPatents() {
      @Override
      public long forEach(Visitor visitor) {
        TopicCodec<Patent> codec = Topics.readerCodec(TopicCodec.patents(), kafka.registryUrl());
        long[] undecodable = {0};
        long read = CommittedTopic.read(kafka, topic, record -> {
          try {
            Patent patent = codec.decode(record.value());
            visitor.published(patent.getPublicationKey(), patent.getContentHash(), patent.getVersion());
          } catch (IOException e) {
            // the decode step of the readers dead-letters such a record; it was never a patent
            undecodable[0]++;
          } catch (Exception e) {
            throw new IllegalStateException("learning " + new String(record.key() == null ? new byte[0]
                : record.key(), StandardCharsets.UTF_8) + " from " + describe() + " failed", e);
          }
        });
        if (undecodable[0] > 0) {
          LOG.warn("{}: {} of {} records do not decode as a Patent and were skipped", describe(),
              undecodable[0], read);
        }
        return read;
      }

      @Override
      public void close() {}
    };
  }
}
