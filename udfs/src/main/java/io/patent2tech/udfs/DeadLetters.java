package io.patent2tech.udfs;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Set;

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

  /**
   * The stages a document is rejected at, as its dead letter names them: the reason classes of the
   * {@code documentsRejected} metric by {@code stage} (the reason itself is free text, never a label).
   * split: the input file could not be cut into documents; fetch: the office sent it damaged.
   */
  public static final Set<String> STAGES = Set.of("split", "fetch", DocumentRejectedException.STAGE_PARSE,
      DocumentRejectedException.STAGE_NORMALIZE, DocumentRejectedException.STAGE_VALIDATE);

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
    return builder(sourceName, stage)
        .reason(reason)
        .error(error)
        .where(where)
        .publicationKey(publicationKey)
        .raw(raw, maxRawBytes)
        .time(timeMillis)
        .build();
  }

  /**
   * The one way to build a dead letter; {@link #of} and {@link #rejected} are shorthands for the
   * parsing stages. Stages whose input has no file position use it directly: a sink names the
   * refused document ({@link Builder#rawPrefix}), a topic reader the record's place in Kafka
   * ({@link Builder#rawAt}).
   *
   * @param sourceName uspto | epo | kipris | patents.normalized | a topic; null becomes "unknown"
   * @param stage      split | parse | ... | landing-elasticsearch; null becomes "unknown"
   */
  public static Builder builder(String sourceName, String stage) {
    return new Builder(sourceName, stage);
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

  /** Collects a dead letter's fields; {@link #build} fills the defaults. Not thread-safe, use once. */
  public static final class Builder {

    private final DeadLetter d = new DeadLetter();
    private String reason;
    private Throwable error;
    private Source where;
    private Long time;

    private Builder(String sourceName, String stage) {
      d.setSource(sourceName == null ? "unknown" : sourceName);
      d.setStage(stage == null ? "unknown" : stage);
    }

    /** Human readable cause; without one the error's message, else "unknown". */
    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    /**
     * The failure, or null; {@code error_class} becomes its class name, or for a
     * {@link DocumentRejectedException} with a cause, the cause's.
     */
    public Builder error(Throwable error) {
      this.error = error;
      d.setErrorClass(DeadLetters.errorClass(error));
      return this;
    }

    /** An error class that is not a Java exception, e.g. Elasticsearch's {@code document_parsing_exception}. */
    public Builder errorClass(String errorClass) {
      d.setErrorClass(errorClass);
      return this;
    }

    /** File, entry, position and offset of the input; null when unknown. */
    public Builder where(Source where) {
      this.where = where;
      if (where != null) {
        d.setSourceFile(where.getFile());
        d.setEntry(where.getEntry());
        d.setPosition(where.getPosition());
        d.setOffset(where.getOffset());
      }
      return this;
    }

    public Builder publicationKey(String publicationKey) {
      d.setPublicationKey(publicationKey);
      return this;
    }

    /**
     * The raw input (null: none): embedded when {@code raw.length <= maxRawBytes}, otherwise
     * {@code raw_pointer = "file#entry@offset+length"} from {@link #where}, which must come first.
     */
    public Builder raw(byte[] raw, int maxRawBytes) {
      if (raw != null) {
        d.setRawSize((long) raw.length);
        if (raw.length <= maxRawBytes) {
          d.setRaw(ByteBuffer.wrap(raw));
        } else {
          d.setRawPointer(pointer(where, raw.length));
        }
      }
      return this;
    }

    /**
     * The raw input cut to its first {@code maxRawBytes} bytes, for inputs that cannot be read again
     * (a document a sink built): the start usually shows what it was; {@code raw_size} keeps the
     * whole size.
     */
    public Builder rawPrefix(byte[] raw, int maxRawBytes) {
      d.setRaw(ByteBuffer.wrap(raw.length <= maxRawBytes ? raw : Arrays.copyOf(raw, maxRawBytes)));
      d.setRawSize((long) raw.length);
      return this;
    }

    /**
     * The raw input whole, and where it can be read again (a topic record: {@code topic/partition@offset});
     * a null input (a tombstone) has size 0.
     */
    public Builder rawAt(byte[] raw, String pointer) {
      d.setRaw(raw == null ? null : ByteBuffer.wrap(raw));
      d.setRawSize(raw == null ? 0L : (long) raw.length);
      d.setRawPointer(pointer);
      return this;
    }

    /** Epoch milliseconds; the time of {@link #build} when not set. */
    public Builder time(long timeMillis) {
      this.time = timeMillis;
      return this;
    }

    public DeadLetter build() {
      String r = reason;
      if (r == null && error != null) {
        r = error.getMessage();
      }
      d.setReason(r == null ? "unknown" : r);
      d.setTime(time == null ? System.currentTimeMillis() : time);
      return d;
    }
  }
}
