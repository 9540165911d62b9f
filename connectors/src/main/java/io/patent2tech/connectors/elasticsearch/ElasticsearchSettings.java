package io.patent2tech.connectors.elasticsearch;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import io.patent2tech.connectors.CredentialFreeUrls;

/**
 * Where Elasticsearch is and how the bulk sink talks to it.
 *
 * @param url one or more base URLs, comma separated ({@code http://localhost:9200})
 * @param alias the alias documents are written to and read from ({@code patents}); the index
 *     behind it is {@code <alias>-v<N>}
 * @param maxBulkActions documents per bulk request at most
 * @param maxBulkBytes approximate request body size at which a bulk request is sent; a single
 *     larger document is sent alone
 * @param maxRetries how often a request Elasticsearch rejects for load (429), or documents it asks
 *     to be sent again (429, 409, 503 per document), are tried again before the sink gives up and
 *     fails the task
 * @param initialBackoffMs wait before the first of those retries; doubles with every further retry
 * @param unavailableTimeout how long the sink keeps trying when Elasticsearch cannot be reached at
 *     all (connection refused or reset, timeouts, HTTP 502/503/504 for the request) before it
 *     fails the task; see {@link #DEFAULT_UNAVAILABLE_TIMEOUT}
 * @param auth credentials and the CA to trust ({@link ElasticsearchAuth#NONE} for the local stack)
 */
public record ElasticsearchSettings(
    String url, String alias, int maxBulkActions, long maxBulkBytes, int maxRetries, long initialBackoffMs,
    Duration unavailableTimeout, ElasticsearchAuth auth)
    implements Serializable {

  public static final String DEFAULT_ALIAS = "patents";
  public static final int DEFAULT_MAX_BULK_ACTIONS = 500;
  public static final long DEFAULT_MAX_BULK_BYTES = 8L << 20;
  /** With {@link #DEFAULT_INITIAL_BACKOFF} doubling: about 50 s of load before the sink gives up. */
  public static final int DEFAULT_MAX_RETRIES = 8;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);

  /**
   * Long enough to ride out a node restart without the job noticing; short enough that a longer
   * outage goes to the job's restart strategy (exponential back-off, each restart from the last
   * checkpoint). It must stay bounded although the writer waits on a timer (checkpoints go through,
   * holding the unsent documents): its input backs up once a second request has queued, so an
   * endless wait would leave the job stalled without a failure anyone sees.
   */
  public static final Duration DEFAULT_UNAVAILABLE_TIMEOUT = Duration.ofSeconds(60);

  public ElasticsearchSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(alias, "alias");
    if (url.isBlank()) {
      throw new IllegalArgumentException("url must not be blank");
    }
    CredentialFreeUrls.require(url, "the Elasticsearch URL", "es.username and es.password, or es.api-key");
    if (!alias.equals(alias.toLowerCase(Locale.ROOT)) || alias.isBlank()) {
      throw new IllegalArgumentException("alias must be a non-empty lower-case name, got '" + alias + "'");
    }
    if (maxBulkActions < 1) {
      throw new IllegalArgumentException("maxBulkActions must be at least 1, got " + maxBulkActions);
    }
    if (maxBulkBytes < 1) {
      throw new IllegalArgumentException("maxBulkBytes must be at least 1, got " + maxBulkBytes);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
    }
    if (initialBackoffMs < 0) {
      throw new IllegalArgumentException("initialBackoffMs must not be negative, got " + initialBackoffMs);
    }
    Objects.requireNonNull(unavailableTimeout, "unavailableTimeout");
    if (auth == null) {
      auth = ElasticsearchAuth.NONE;
    }
    if (unavailableTimeout.isNegative()) {
      throw new IllegalArgumentException("unavailableTimeout must not be negative, got " + unavailableTimeout);
    }
  }

  /** Without credentials ({@link ElasticsearchAuth#NONE}). */
  public ElasticsearchSettings(String url, String alias, int maxBulkActions, long maxBulkBytes, int maxRetries,
      long initialBackoffMs, Duration unavailableTimeout) {
    this(url, alias, maxBulkActions, maxBulkBytes, maxRetries, initialBackoffMs, unavailableTimeout,
        ElasticsearchAuth.NONE);
  }

  /** The same settings with these credentials. */
  public ElasticsearchSettings withAuth(ElasticsearchAuth newAuth) {
    return new ElasticsearchSettings(url, alias, maxBulkActions, maxBulkBytes, maxRetries, initialBackoffMs,
        unavailableTimeout, newAuth);
  }

  /** The DEFAULT_* values above: the ones the jobs' es.* settings default to. */
  public static ElasticsearchSettings defaults(String url, String alias) {
    return new ElasticsearchSettings(url, alias, DEFAULT_MAX_BULK_ACTIONS, DEFAULT_MAX_BULK_BYTES,
        DEFAULT_MAX_RETRIES, DEFAULT_INITIAL_BACKOFF.toMillis(), DEFAULT_UNAVAILABLE_TIMEOUT);
  }

  /** The concrete index of the given mapping generation, e.g. {@code patents-v1}. */
  public String versionedIndex(int generation) {
    return alias + "-v" + generation;
  }
}
