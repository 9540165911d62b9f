package io.patent2tech.udfs.kipris;

/**
 * KIPRIS Plus answered the request with an error envelope (HTTP 200 with an error code in the
 * body): {@code resultCode} other than empty / {@code 00} (e.g. {@code 30} "AccessKey&ServiceID Is
 * Not Registerd Error", {@code 10} ...), {@code successYN} {@code N}, or the data.go.kr gateway's
 * {@code cmmMsgHeader/returnReasonCode}. Also thrown by {@link KiprisEnvelope#searchPage} when a
 * search response cannot be read at all ({@link #unreadable()}).
 *
 * <p>It is deliberately not a {@link io.patent2tech.udfs.DocumentRejectedException}: the whole
 * request failed (bad key, blocked user, quota, gateway error), not one document, so the collector
 * turns it into a failed run instead of dead-lettering a document.
 */
public class KiprisApiException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String resultCode;
  private final String resultMessage;
  private final boolean unreadable;

  /**
   * @param resultCode    the office's code as given ({@code 30}); null when the envelope had none
   * @param resultMessage the office's message as given; null when none
   */
  public KiprisApiException(String resultCode, String resultMessage) {
    this(resultCode, resultMessage, false, null);
  }

  private KiprisApiException(String resultCode, String resultMessage, boolean unreadable, Throwable cause) {
    super(message(resultCode, resultMessage, unreadable), cause);
    this.resultCode = resultCode;
    this.resultMessage = resultMessage;
    this.unreadable = unreadable;
  }

  /** A response that is not a readable KIPRIS envelope (malformed XML, an HTML page, empty body). */
  public static KiprisApiException unreadable(String reason, Throwable cause) {
    return new KiprisApiException(null, reason, true, cause);
  }

  private static String message(String code, String msg, boolean unreadable) {
    if (unreadable) {
      return "unreadable KIPRIS response: " + msg;
    }
    return "KIPRIS error resultCode=" + (code == null ? "(none)" : code) + ": "
        + (msg == null ? "(no message)" : msg);
  }

  /** The office's result code ({@code 30}), or null (unreadable response, or only successYN N). */
  public String resultCode() {
    return resultCode;
  }

  /** The office's result message, or for an unreadable response the reason it could not be read. */
  public String resultMessage() {
    return resultMessage;
  }

  /** True when the response was not a readable envelope at all (no result code to report). */
  public boolean unreadable() {
    return unreadable;
  }
}
