package io.patent2tech.connectors.postgres;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Where the landing database is, how to log in, and how long a sink waits for it when it is away.
 *
 * @param reconnectTimeout how long a sink's writer retries a batch after losing its connection
 *     (server down or restarting, network cut) before it fails the task; see
 *     {@link #DEFAULT_RECONNECT_TIMEOUT}
 */
public record PostgresSettings(String jdbcUrl, String user, String password, Duration reconnectTimeout)
    implements Serializable {

  /**
   * Long enough to ride out a server restart or a fail-over without the job noticing; short enough
   * that a longer outage goes to the job's restart strategy (exponential back-off, each restart
   * from the last checkpoint; more than an hour in all with the defaults). It must stay bounded:
   * a waiting writer blocks its task thread, barriers queue behind it and no checkpoint completes,
   * so an endless wait would leave the job hanging, neither writing nor restarting, until
   * checkpoints had timed out (10 min each) more often than tolerated (5).
   */
  public static final Duration DEFAULT_RECONNECT_TIMEOUT = Duration.ofSeconds(60);

  public PostgresSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(reconnectTimeout, "reconnectTimeout");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      // quoted without its parameters, which may hold a password
      int query = jdbcUrl.indexOf('?');
      throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query)));
    }
    if (reconnectTimeout.isNegative()) {
      throw new IllegalArgumentException("reconnectTimeout must not be negative, got " + reconnectTimeout);
    }
  }

  /** With the {@link #DEFAULT_RECONNECT_TIMEOUT}: for lookups, migrations and tests that do not sink. */
  public PostgresSettings(String jdbcUrl, String user, String password) {
    this(jdbcUrl, user, password, DEFAULT_RECONNECT_TIMEOUT);
  }

  /**
   * {@code host:port/database} for messages: the URL without its parameters, which may hold a
   * password. Several hosts are listed comma-separated.
   */
  public String endpoint() {
    Properties parsed = Driver.parseURL(jdbcUrl, null);
    if (parsed == null) {
      // the driver will refuse it too; name what we can without the parameters
      String withoutPrefix = jdbcUrl.substring("jdbc:postgresql:".length()).replaceFirst("^//", "");
      int query = withoutPrefix.indexOf('?');
      return query < 0 ? withoutPrefix : withoutPrefix.substring(0, query);
    }
    String[] hosts = parsed.getProperty("PGHOST", "localhost").split(",");
    String[] ports = parsed.getProperty("PGPORT", "5432").split(",");
    StringBuilder endpoint = new StringBuilder();
    for (int i = 0; i < hosts.length; i++) {
      endpoint.append(i == 0 ? "" : ",").append(hosts[i]).append(':').append(ports[Math.min(i, ports.length - 1)]);
    }
    return endpoint.append('/').append(parsed.getProperty("PGDBNAME", "")).toString();
  }

  /** Keeps the password out of logs and exception messages. */
  @Override
  public String toString() {
    // endpoint(), not the URL: its parameters may carry a password
    return "PostgresSettings[endpoint=" + endpoint() + ", user=" + user + ", reconnectTimeout=" + reconnectTimeout + "]";
  }
}
