package io.patent2tech.connectors.elasticsearch.sink;

import io.patent2tech.connectors.DeadLetterPublisher;
import io.patent2tech.connectors.DeadLetterPublisherFactory;
import io.patent2tech.schema.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter target of the sink that lands dead letters themselves
 * ({@link ElasticsearchBulkSink#forDeadLetters}): an error line per refused document, naming its
 * id (the topic-partition-offset of the dead letter, which stays in Kafka) and the reason. Never
 * the dead-letter topic: a dead letter never makes a dead letter, or a document Elasticsearch
 * always refuses would circle through the topic and the index forever.
 */
final class LoggedDeadLetters implements DeadLetterPublisherFactory {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(LoggedDeadLetters.class);

  @Override
  public DeadLetterPublisher create() {
    return new DeadLetterPublisher() {
      @Override
      public void publish(DeadLetter d) {
        LOG.error("dead letter {} is not searchable: Elasticsearch refused its document ({}); it stays in"
            + " Kafka at that place", d.getPublicationKey(), d.getReason());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
