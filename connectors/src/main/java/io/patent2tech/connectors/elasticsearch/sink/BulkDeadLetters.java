package io.patent2tech.connectors.elasticsearch.sink;

import io.patent2tech.schema.DeadLetter;
import io.patent2tech.udfs.DeadLetters;

/**
 * The dead letters of the Elasticsearch landing stage, built with {@link DeadLetters#builder}: a
 * document Elasticsearch refused, or an element the mapper could not turn into one. The document
 * was built by the sink and cannot be read again elsewhere, so its first {@code maxRawBytes} bytes
 * travel with the dead letter ({@code raw_size} has the whole size).
 */
final class BulkDeadLetters {

  static final String STAGE = "landing-elasticsearch";

  private final String source;
  private final int maxRawBytes;

  BulkDeadLetters(String source, int maxRawBytes) {
    this.source = source;
    this.maxRawBytes = maxRawBytes;
  }

  /** A document Elasticsearch refused; {@code json} is the document as it was sent. */
  DeadLetter refused(String id, String errorType, String reason, byte[] json) {
    return DeadLetters.builder(source, STAGE)
        .reason(errorType + ": " + reason)
        .errorClass(errorType)
        .publicationKey(id)
        .rawPrefix(json, maxRawBytes)
        .build();
  }

  /** An element the mapper could not turn into a document. */
  DeadLetter unmappable(Exception error, byte[] element) {
    return DeadLetters.builder(source, STAGE)
        .reason("cannot map element to a document: " + error)
        .error(error)
        .rawPrefix(element, maxRawBytes)
        .build();
  }
}
