package io.patent2tech.udfs;

import java.nio.ByteBuffer;

import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Source;

/**
 * Builds {@link DeadLetter} records (topic {@code patents.dlq}) so every stage reports failures the
 * same way: source, stage, reason, error class, where the input came from, and the raw input itself
 * (or, when it is larger than the limit, a pointer to read it again).
 */
public final class DeadLetters {

  /** Raw inputs up to 1 MiB travel inside the dead letter; larger ones get a pointer. */
  public static final int DEFAULT_MAX_RAW_BYTES = 1 << 20;

  private DeadLetters() {}

  /**
   * One dead letter.
   *
   * @param sourceName     uspto | epo | kipris | patents.normalized
   * @param stage          split | parse | normalize | validate | landing-...
   * @param reason         human readable cause (null becomes the error's message, or "unknown")
   * @param error          the failure, or null; {@code error_class} is its class name, or for a
   *                       {@link DocumentRejectedException} with a cause, the cause's class name
   * @param where          file/entry/position/offset of the input, or null
   * @param raw            the raw input, or null
   * @param publicationKey when known, else null
   * @param maxRawBytes    raw is embedded when {@code raw.length <= maxRawBytes}; otherwise
   *                       {@code raw} is null and {@code raw_pointer = "file#entry@offset+length"}
   * @param timeMillis     epoch milliseconds
   */
  public static DeadLetter of(String sourceName, String stage, String reason, Throwable error,
                              Source where, byte[] raw, String publicationKey, int maxRawBytes,
                              long timeMillis) {
    DeadLetter d = new DeadLetter();
    d.setSource(sourceName == null ? "unknown" : sourceName);
    d.setStage(stage == null ? "unknown" : stage);
    String r = reason;
    if (r == null && error != null) {
      r = error.getMessage();
    }
    d.setReason(r == null ? "unknown" : r);
    d.setErrorClass(errorClass(error));
    if (where != null) {
      d.setSourceFile(where.getFile());
      d.setEntry(where.getEntry());
      d.setPosition(where.getPosition());
      d.setOffset(where.getOffset());
    }
    d.setPublicationKey(publicationKey);
    if (raw != null) {
      d.setRawSize((long) raw.length);
      if (raw.length <= maxRawBytes) {
        d.setRaw(ByteBuffer.wrap(raw));
      } else {
        d.setRawPointer(pointer(where, raw.length));
      }
    }
    d.setTime(timeMillis);
    return d;
  }

  /** The dead letter for a rejected document: stage, reason and key come from the exception. */
  public static DeadLetter rejected(DocumentRejectedException e, String sourceName, Source where,
                                    byte[] raw, int maxRawBytes, long timeMillis) {
    return of(sourceName, e.stage(), e.reason(), e, where, raw, e.publicationKey(), maxRawBytes, timeMillis);
  }

  private static String errorClass(Throwable error) {
    if (error == null) {
      return null;
    }
    if (error instanceof DocumentRejectedException && error.getCause() != null) {
      return error.getCause().getClass().getName();
    }
    return error.getClass().getName();
  }

  /**
   * {@code file#entry@offset+length}; without an entry {@code file@offset+length}; with an unknown
   * offset the offset reads {@code ?} (the record's position field still says which document it was).
   */
  static String pointer(Source where, int length) {
    StringBuilder sb = new StringBuilder(96);
    sb.append(where == null || where.getFile() == null ? "unknown" : where.getFile());
    if (where != null && where.getEntry() != null) {
      sb.append('#').append(where.getEntry());
    }
    sb.append('@');
    if (where != null && where.getOffset() != null) {
      sb.append(where.getOffset().longValue());
    } else {
      sb.append('?');
    }
    sb.append('+').append(length);
    return sb.toString();
  }
}
