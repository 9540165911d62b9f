package io.patent2tech.udfs.drawings.image;

import io.patent2tech.udfs.DocumentRejectedException;

/**
 * A drawing image the pipeline refuses: too large, corrupt or truncated, or in a format it does not
 * read. A {@link DocumentRejectedException} with stage {@value #STAGE_DECODE}, so the drawings job
 * routes it to the dead-letter topic with {@code DeadLetters.rejected(e, ...)} like any rejected
 * document; {@link #why()} says which of the three it was for metrics and tests.
 */
public final class DrawingImageRejectedException extends DocumentRejectedException {

  private static final long serialVersionUID = 1L;

  /** The stage a drawing image is rejected in. */
  public static final String STAGE_DECODE = "decode-drawing";

  /** Why an image was refused. */
  public enum Why {
    /** More bytes, pixels, width, height or pages than {@link ImageLimits} allow. */
    TOO_LARGE,
    /** The reader failed: truncated, corrupt, or not what its header says. */
    CORRUPT,
    /** No reader for the format (neither TIFF, PNG nor JPEG). */
    UNSUPPORTED
  }

  private final Why why;
  private final String detail;

  public DrawingImageRejectedException(Why why, String reason, String publicationKey, Throwable cause) {
    super(STAGE_DECODE, why.name().toLowerCase(java.util.Locale.ROOT) + ": " + reason, publicationKey, cause);
    this.why = why;
    this.detail = reason;
  }

  public Why why() {
    return why;
  }

  /**
   * The same rejection naming the document: the decoder sees only bytes, the caller knows whose
   * drawing they were.
   */
  public DrawingImageRejectedException forPublication(String publicationKey) {
    return new DrawingImageRejectedException(why, detail, publicationKey, getCause());
  }
}
