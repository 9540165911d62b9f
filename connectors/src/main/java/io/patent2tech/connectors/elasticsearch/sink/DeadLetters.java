package io.patent2tech.connectors.elasticsearch.sink;

import io.patent2tech.schema.DeadLetter;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Builds the dead letters of the Elasticsearch landing stage. */
final class DeadLetters {

  static final String STAGE = "landing-elasticsearch";

  private final String source;
  private final int maxRawBytes;

  DeadLetters(String source, int maxRawBytes) {
    this.source = source;
    this.maxRawBytes = maxRawBytes;
  }

  /** A document Elasticsearch refused; {@code json} is the document as it was sent. */
  DeadLetter refused(String id, String errorType, String reason, byte[] json) {
    return deadLetter(id, errorType + ": " + reason, errorType, json);
  }

  /** An element the mapper could not turn into a document. */
  DeadLetter unmappable(Exception error, byte[] element) {
    return deadLetter(null, "cannot map element to a document: " + error, error.getClass().getName(), element);
  }

  private DeadLetter deadLetter(String id, String reason, String errorClass, byte[] raw) {
    byte[] carried = raw.length <= maxRawBytes ? raw : Arrays.copyOf(raw, maxRawBytes);
    return DeadLetter.newBuilder()
        .setSource(source)
        .setStage(STAGE)
        .setReason(reason)
        .setErrorClass(errorClass)
        .setPublicationKey(id)
        .setRaw(ByteBuffer.wrap(carried))
        .setRawSize((long) raw.length)
        .setTime(System.currentTimeMillis())
        .build();
  }
}
