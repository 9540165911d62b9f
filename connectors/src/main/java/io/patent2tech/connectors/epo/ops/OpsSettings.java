package io.patent2tech.connectors.epo.ops;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything about talking to OPS that an operator may want to change: where OPS is, how long to
 * wait, how often to retry, how far to page. Serializable so that a collector factory can carry it
 * to the task that builds the client. Setters chain; {@link #copy()} gives an independent copy.
 * Holds no credentials (see {@link OpsCredentials}).
 */
public final class OpsSettings implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The production service. */
  public static final String DEFAULT_BASE_URL = "https://ops.epo.org";

  /** OPS answers at most this many results of one query (Range begin must stay <= 2000). */
  public static final int OPS_MAX_RESULTS_PER_QUERY = 2000;

  /** OPS answers at most this many results per request. */
  public static final int OPS_MAX_PAGE_SIZE = 100;

  private String baseUrl = DEFAULT_BASE_URL;
  private Duration connectTimeout = Duration.ofSeconds(20);
  private Duration requestTimeout = Duration.ofSeconds(90);
  private int maxRetries = 4;
  private Duration initialBackoff = Duration.ofSeconds(2);
  private Duration maxBackoff = Duration.ofSeconds(60);
  private Duration defaultRetryAfter = Duration.ofSeconds(30);
  private Duration maxRetryAfter = Duration.ofMinutes(10);
  private Duration maxQuotaWait = Duration.ofMinutes(61);
  private int maxQuotaWaits = 3;
  private Duration tokenRefreshMargin = Duration.ofSeconds(60);
  private double pacingHeadroom = 0.05;
  private int pageSize = OPS_MAX_PAGE_SIZE;
  private int maxResultsPerQuery = OPS_MAX_RESULTS_PER_QUERY;
  private boolean fetchFulltext = true;
  private TreeSet<String> fulltextCountries = new TreeSet<>(Set.of("EP", "WO"));
  private String defaultFilter;

  public OpsSettings() {}

  public static OpsSettings defaults() {
    return new OpsSettings();
  }

  public OpsSettings copy() {
    OpsSettings c = new OpsSettings();
    c.baseUrl = baseUrl;
    c.connectTimeout = connectTimeout;
    c.requestTimeout = requestTimeout;
    c.maxRetries = maxRetries;
    c.initialBackoff = initialBackoff;
    c.maxBackoff = maxBackoff;
    c.defaultRetryAfter = defaultRetryAfter;
    c.maxRetryAfter = maxRetryAfter;
    c.maxQuotaWait = maxQuotaWait;
    c.maxQuotaWaits = maxQuotaWaits;
    c.tokenRefreshMargin = tokenRefreshMargin;
    c.pacingHeadroom = pacingHeadroom;
    c.pageSize = pageSize;
    c.maxResultsPerQuery = maxResultsPerQuery;
    c.fetchFulltext = fetchFulltext;
    c.fulltextCountries = new TreeSet<>(fulltextCountries);
    c.defaultFilter = defaultFilter;
    return c;
  }

  /** Base URL without the {@code /3.2} path, e.g. {@code https://ops.epo.org}. */
  public String baseUrl() {
    return baseUrl;
  }

  public OpsSettings baseUrl(String url) {
    String u = Objects.requireNonNull(url, "baseUrl").strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    URI parsed = URI.create(u);
    if (parsed.getScheme() == null || parsed.getHost() == null || parsed.getUserInfo() != null) {
      // user info would put credentials into every logged URL
      throw new IllegalArgumentException("base URL must be scheme://host[:port] without user info");
    }
    this.baseUrl = u;
    return this;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public OpsSettings connectTimeout(Duration d) {
    this.connectTimeout = positive(d, "connectTimeout");
    return this;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public OpsSettings requestTimeout(Duration d) {
    this.requestTimeout = positive(d, "requestTimeout");
    return this;
  }

  /** Retries of one request after 5xx, 429 or a network error. */
  public int maxRetries() {
    return maxRetries;
  }

  public OpsSettings maxRetries(int n) {
    this.maxRetries = Math.max(0, n);
    return this;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public OpsSettings initialBackoff(Duration d) {
    this.initialBackoff = nonNegative(d, "initialBackoff");
    return this;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public OpsSettings maxBackoff(Duration d) {
    this.maxBackoff = nonNegative(d, "maxBackoff");
    return this;
  }

  /** Wait used when a Retry-After is needed but missing or unreadable. */
  public Duration defaultRetryAfter() {
    return defaultRetryAfter;
  }

  public OpsSettings defaultRetryAfter(Duration d) {
    this.defaultRetryAfter = nonNegative(d, "defaultRetryAfter");
    return this;
  }

  /** Longest Retry-After honoured; longer ones are clamped to it. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  public OpsSettings maxRetryAfter(Duration d) {
    this.maxRetryAfter = nonNegative(d, "maxRetryAfter");
    return this;
  }

  /** Longest wait for a quota window (403 X-Rejection-Reason); a longer one fails the run. */
  public Duration maxQuotaWait() {
    return maxQuotaWait;
  }

  public OpsSettings maxQuotaWait(Duration d) {
    this.maxQuotaWait = nonNegative(d, "maxQuotaWait");
    return this;
  }

  /** Quota rejections of one request waited out before the run fails. */
  public int maxQuotaWaits() {
    return maxQuotaWaits;
  }

  public OpsSettings maxQuotaWaits(int n) {
    this.maxQuotaWaits = Math.max(0, n);
    return this;
  }

  /** A token is renewed this long before OPS says it expires. */
  public Duration tokenRefreshMargin() {
    return tokenRefreshMargin;
  }

  public OpsSettings tokenRefreshMargin(Duration d) {
    this.tokenRefreshMargin = nonNegative(d, "tokenRefreshMargin");
    return this;
  }

  /**
   * Requests are spaced {@code (1 + headroom) × 60 s / allowance} apart: OPS counts a sliding
   * minute and rejects the first request over it, so spacing at exactly the allowance leaves no room
   * for a late request or clock jitter (scripts/bench-collect measured one 403 a minute at 0). The
   * default 0.05 gives about 95 % of the allowance.
   */
  public double pacingHeadroom() {
    return pacingHeadroom;
  }

  public OpsSettings pacingHeadroom(double fraction) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("pacingHeadroom must be in [0, 1), got " + fraction);
    }
    this.pacingHeadroom = fraction;
    return this;
  }

  public int pageSize() {
    return pageSize;
  }

  public OpsSettings pageSize(int n) {
    if (n < 1 || n > OPS_MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page size must be 1.." + OPS_MAX_PAGE_SIZE + ", got " + n);
    }
    this.pageSize = n;
    return this;
  }

  public int maxResultsPerQuery() {
    return maxResultsPerQuery;
  }

  public OpsSettings maxResultsPerQuery(int n) {
    if (n < 1 || n > OPS_MAX_RESULTS_PER_QUERY) {
      throw new IllegalArgumentException("results per query must be 1.." + OPS_MAX_RESULTS_PER_QUERY);
    }
    this.maxResultsPerQuery = n;
    return this;
  }

  /** Whether claims and description are fetched for documents of {@link #fulltextCountries()}. */
  public boolean fetchFulltext() {
    return fetchFulltext;
  }

  public OpsSettings fetchFulltext(boolean b) {
    this.fetchFulltext = b;
    return this;
  }

  /** Countries OPS holds full text for (EP, WO). */
  public Set<String> fulltextCountries() {
    return Set.copyOf(fulltextCountries);
  }

  public OpsSettings fulltextCountries(Set<String> countries) {
    TreeSet<String> c = new TreeSet<>();
    countries.forEach(x -> c.add(x.strip().toUpperCase(Locale.ROOT)));
    this.fulltextCountries = c;
    return this;
  }

  /** CQL filter used for windows that carry none, e.g. {@code cpc=H04L}; null for none. */
  public String defaultFilter() {
    return defaultFilter;
  }

  public OpsSettings defaultFilter(String cql) {
    this.defaultFilter = cql == null || cql.isBlank() ? null : cql.strip();
    return this;
  }

  private static Duration positive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return d;
  }

  private static Duration nonNegative(Duration d, String name) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    return d;
  }

  @Override
  public String toString() {
    return "OpsSettings{baseUrl=" + baseUrl + ", maxRetries=" + maxRetries + ", maxQuotaWait="
        + maxQuotaWait + ", pageSize=" + pageSize + ", maxResultsPerQuery=" + maxResultsPerQuery
        + ", fulltext=" + (fetchFulltext ? fulltextCountries : "off")
        + (defaultFilter == null ? "" : ", defaultFilter=" + defaultFilter) + '}';
  }
}
