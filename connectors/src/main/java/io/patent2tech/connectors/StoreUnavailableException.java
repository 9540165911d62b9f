package io.patent2tech.connectors;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * A store (PostgreSQL, Elasticsearch) stayed out of reach for as long as its sink was told to wait
 * for it. The message is the line an operator reads first, in the task manager's log and at the top
 * of the job's exceptions in Flink's REST API and web UI, so it says which store, where, how long
 * the sink waited and what the last attempt ran into:
 *
 * <pre>PostgreSQL at localhost:5432/patent2tech refused the connection (waited 60 s): Connection refused</pre>
 *
 * <p>Thrown from a sink writer's {@code write}, its flush at the end of the input, or a mail it put
 * in the task's mailbox, it is the task's failure as it is (the sinks hand their batch timer's
 * sends to the mailbox for that reason: Flink wraps what a timer callback throws). Thrown from the
 * flush before a checkpoint, Flink wraps it, as anything thrown there, in "IOException: Could not
 * perform checkpoint N for operator ...", and this message is the first "Caused by"; the
 * Elasticsearch sink never gives up there (it waits between attempts on a timer, keeping the unsent
 * documents in its checkpointed state), the PostgreSQL sink still can. An {@link IOException}
 * because that is what a sink writer may throw.
 */
public class StoreUnavailableException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String store;
  private final String endpoint;

  /**
   * @param store what is unreachable, as operators call it: {@code PostgreSQL}, {@code Elasticsearch}
   * @param endpoint where, without credentials: {@code localhost:5432/patent2tech}
   * @param waited how long the sink tried
   * @param cause the last attempt's failure; its message must not carry records (it is printed)
   */
  public StoreUnavailableException(String store, String endpoint, Duration waited, Throwable cause) {
    super(store + " at " + endpoint + " " + problem(cause) + " (waited " + seconds(waited) + " s): "
        + reason(cause), cause);
    this.store = store;
    this.endpoint = endpoint;
  }

  public String store() {
    return store;
  }

  public String endpoint() {
    return endpoint;
  }

  /** What the failure means for the store, in words: "refused the connection", "is unreachable", ... */
  static String problem(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (t instanceof ConnectException && message.contains("refused")) {
        return "refused the connection";
      }
      if (t instanceof InterruptedIOException) {
        // SocketTimeoutException, and the HTTP client's ConnectTimeoutException
        return "did not answer in time";
      }
      if (t instanceof UnknownHostException) {
        return "has a host name that does not resolve";
      }
    }
    return "is unreachable";
  }

  /**
   * The innermost cause's message ("Connection refused", "Connection reset"), which is what went
   * wrong on the wire; the outer exceptions only say which client noticed. One line of it.
   */
  static String reason(Throwable failure) {
    Throwable innermost = failure;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    String message = firstLine(innermost.getMessage());
    if (!message.isEmpty()) {
      return message;
    }
    // e.g. an EOFException without a message: its name, and what the client made of it
    String outer = innermost == failure ? "" : firstLine(failure.getMessage());
    return innermost.getClass().getSimpleName() + (outer.isEmpty() ? "" : " (" + outer + ")");
  }

  /** Whole seconds, as operators count an outage. */
  static long seconds(Duration waited) {
    return Math.round(waited.toMillis() / 1000.0);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
