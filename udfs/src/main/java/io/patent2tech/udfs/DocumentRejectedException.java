package io.patent2tech.udfs;

/**
 * A document the pipeline refuses, with the stage ({@code parse | normalize | validate}) and a clear
 * reason. It is the only exception the USPTO parse/normalize/validate chain lets out; every other
 * failure (malformed XML, I/O errors inside the XML reader, unexpected runtime errors) is wrapped
 * into one, so a caller needs a single catch to route a document to the dead-letter topic.
 */
public class DocumentRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  public static final String STAGE_PARSE = "parse";
  public static final String STAGE_NORMALIZE = "normalize";
  public static final String STAGE_VALIDATE = "validate";

  private final String stage;
  private final String reason;
  private final String publicationKey;

  /**
   * @param stage          parse | normalize | validate (any non-null word is accepted)
   * @param reason         human readable cause; never null
   * @param publicationKey the document's publication key when already known, else null
   * @param cause          the underlying error, or null
   */
  public DocumentRejectedException(String stage, String reason, String publicationKey, Throwable cause) {
    super(message(stage, reason, publicationKey), cause);
    this.stage = stage == null ? "unknown" : stage;
    this.reason = reason == null ? "no reason given" : reason;
    this.publicationKey = publicationKey;
  }

  private static String message(String stage, String reason, String publicationKey) {
    StringBuilder sb = new StringBuilder(64);
    sb.append(stage == null ? "unknown" : stage).append(": ").append(reason == null ? "no reason given" : reason);
    if (publicationKey != null) {
      sb.append(" (").append(publicationKey).append(')');
    }
    return sb.toString();
  }

  public String stage() {
    return stage;
  }

  public String reason() {
    return reason;
  }

  /** The publication key when it was known at the time of the rejection, else null. */
  public String publicationKey() {
    return publicationKey;
  }
}
