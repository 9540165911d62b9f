package io.patent2tech.connectors.epo.ops;

import io.patent2tech.connectors.collect.CollectionFailedException;
import io.patent2tech.connectors.collect.RunStats;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OPS 3.2 REST calls the EPO collector needs, over the JDK HTTP client, with everything OPS
 * demands of a well-behaved consumer on every request: a Bearer token ({@link OpsAuth}), pacing to
 * the announced allowance ({@link OpsThrottle}), one re-authentication when OPS calls the token
 * invalid (400 {@code invalid_access_token} or 401), waiting out a quota window on 403 with {@code
 * X-Rejection-Reason}, Retry-After on 429/503, bounded exponential back-off on other 5xx and
 * network errors. Quota headers are copied into the caller's {@link RunStats}.
 *
 * <p>Returns 2xx and 404 responses; any other final status is a {@link CollectionFailedException}
 * whose message has the request line and a redacted snippet of the body, never a credential.
 */
public final class OpsClient {

  private static final Logger LOG = LoggerFactory.getLogger(OpsClient.class);
  private static final String REST = "/3.2/rest-services/";
  private static final int SNIPPET_CHARS = 300;

  /** Quota headers recorded into {@link RunStats#quota}, by their lower-case names. */
  static final String[] QUOTA_HEADERS = {
    "x-throttling-control", "x-individualquotaperhour-used", "x-registeredquotaperweek-used"
  };

  private final HttpClient http;
  private final OpsSettings settings;
  private final OpsAuth auth;
  private final OpsThrottle throttle;
  private final OpsClock clock;

  public OpsClient(OpsSettings settings, OpsCredentials credentials, OpsThrottle throttle, OpsClock clock) {
    this.settings = settings.copy();
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.auth = new OpsAuth(http, this.settings, credentials, clock);
    this.throttle = throttle;
    this.clock = clock;
  }

  public OpsAuth auth() {
    return auth;
  }

  public OpsThrottle throttle() {
    return throttle;
  }

  /** {@code published-data/search?q=CQL&Range=from-to}: publication references and the total count. */
  public OpsResponse search(String cql, int from, int to, RunStats stats) throws IOException, InterruptedException {
    return get(OpsService.SEARCH, "published-data/search?q=" + encode(cql) + "&Range=" + from + "-" + to, stats);
  }

  /** {@code published-data/search/biblio?q=CQL&Range=from-to}: biblio and abstract of up to 100 documents. */
  public OpsResponse searchBiblio(String cql, int from, int to, RunStats stats)
      throws IOException, InterruptedException {
    return get(OpsService.SEARCH, "published-data/search/biblio?q=" + encode(cql) + "&Range=" + from + "-" + to, stats);
  }

  /**
   * {@code published-data/publication/docdb/{CC}.{NUMBER}.{KIND}/{constituent}} for claims or
   * description (OPS has them for EP and WO only); a 404 means the document has none.
   */
  public OpsResponse fulltext(String country, String number, String kind, String constituent, RunStats stats)
      throws IOException, InterruptedException {
    return get(OpsService.RETRIEVAL, "published-data/publication/docdb/" + segment(country) + "."
        + segment(number) + "." + segment(kind) + "/" + constituent, stats);
  }

  /** GET {@code {base}/3.2/rest-services/{resource}} with all the OPS etiquette (see class doc). */
  public OpsResponse get(OpsService service, String resource, RunStats stats)
      throws IOException, InterruptedException {
    return get(service, resource, "application/xml", stats);
  }

  /**
   * {@link #get(OpsService, String, RunStats)} asking for {@code accept} instead of XML, e.g. {@code
   * application/tiff} for a page of {@code published-data/images}.
   */
  public OpsResponse get(OpsService service, String resource, String accept, RunStats stats)
      throws IOException, InterruptedException {
    String pathAndQuery = REST + resource;
    String requestLine = "GET " + pathAndQuery;
    URI uri = URI.create(settings.baseUrl() + pathAndQuery);
    boolean reauthenticated = false;
    int failures = 0;
    int quotaWaits = 0;
    while (true) {
      // the token first: a token request must not eat into the time the throttle reserved
      String token = auth.token();
      Duration waited = throttle.acquire(service);
      add(stats, waited);
      HttpRequest request = HttpRequest.newBuilder(uri)
          .timeout(settings.requestTimeout())
          .header("Authorization", "Bearer " + token)
          .header("Accept", accept)
          .GET()
          .build();
      HttpResponse<byte[]> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        failures++;
        if (failures > settings.maxRetries()) {
          throw new CollectionFailedException(requestLine + " failed after " + failures + " attempt(s): "
              + auth.redact(String.valueOf(e.getMessage())));
        }
        pause(stats, requestLine, e.getClass().getSimpleName(), failures, throttle.backoff(failures));
        continue;
      }
      int status = response.statusCode();
      byte[] body = response.body() == null ? new byte[0] : response.body();
      HttpHeaders headers = response.headers();
      record(stats, headers, body.length);
      throttle.observe(headers.firstValue("X-Throttling-Control").orElse(null),
          headers.firstValue("Retry-After").orElse(null));
      if ((status >= 200 && status < 300) || status == 404) {
        return new OpsResponse(status, body, requestLine);
      }
      String text = new String(body, StandardCharsets.UTF_8);
      if (status == 401 || (status == 400 && text.contains("invalid_access_token"))) {
        if (reauthenticated) {
          throw failure(requestLine, status, text, "the access token was refused again after re-authentication");
        }
        LOG.info("EPO OPS called the access token invalid on {}; re-authenticating once", requestLine);
        auth.invalidate(token);
        reauthenticated = true;
        continue;
      }
      String rejection = headers.firstValue("X-Rejection-Reason").orElse(null);
      if (status == 403 && rejection != null && !rejection.isBlank()) {
        stats.quota("x-rejection-reason", rejection);
        quotaWaits++;
        if (quotaWaits > settings.maxQuotaWaits()) {
          throw failure(requestLine, status, text, "quota " + rejection + " still exhausted after "
              + settings.maxQuotaWaits() + " wait(s)");
        }
        if (!OpsThrottle.isQuotaWindow(rejection)) {
          // asked faster than the service's allowance: that service waits its Retry-After
          Duration wait = throttle.retryAfter(headers.firstValue("Retry-After").orElse(null));
          LOG.warn("EPO OPS rejected {} ({}); {} waits {} ms", requestLine, rejection, service, wait.toMillis());
          throttle.block(service, wait);
          continue;
        }
        Duration wait = throttle.quotaWait(rejection);
        LOG.warn("EPO OPS rejected {} ({}); waiting {} s for the quota window", requestLine, rejection,
            wait.toSeconds());
        throttle.blockAll(wait);
        continue;
      }
      if (status == 429 || status >= 500) {
        failures++;
        if (failures > settings.maxRetries()) {
          throw failure(requestLine, status, text, "retries spent (" + settings.maxRetries() + ")");
        }
        Duration wait = throttle.backoff(failures);
        String retryAfter = headers.firstValue("Retry-After").orElse(null);
        if (status == 429 || status == 503 || retryAfter != null) {
          Duration announced = throttle.retryAfter(retryAfter);
          if (announced.compareTo(wait) > 0) {
            wait = announced;
          }
        }
        throttle.block(service, wait);
        LOG.warn("EPO OPS answered HTTP {} to {}; retry {} of {} in {} ms", status, requestLine, failures,
            settings.maxRetries(), wait.toMillis());
        continue;
      }
      throw failure(requestLine, status, text, null);
    }
  }

  private CollectionFailedException failure(String requestLine, int status, String body, String why) {
    String flat = auth.redact(body).strip().replaceAll("\\s+", " ");
    if (flat.length() > SNIPPET_CHARS) {
      flat = flat.substring(0, SNIPPET_CHARS) + "...";
    }
    return new CollectionFailedException("EPO OPS answered HTTP " + status + " to " + requestLine
        + (why == null ? "" : " (" + why + ")") + (flat.isEmpty() ? "" : ": " + flat));
  }

  private void pause(RunStats stats, String requestLine, String why, int attempt, Duration wait)
      throws InterruptedException {
    LOG.warn("EPO OPS request {} failed ({}); retry {} of {} in {} ms", requestLine, why, attempt,
        settings.maxRetries(), wait.toMillis());
    clock.sleep(wait);
    add(stats, wait);
  }

  private static void add(RunStats stats, Duration waited) {
    if (stats != null && !waited.isZero()) {
      synchronized (stats) {
        stats.throttledMillis += waited.toMillis();
      }
    }
  }

  private static void record(RunStats stats, HttpHeaders headers, int bytes) {
    if (stats == null) {
      return;
    }
    synchronized (stats) {
      stats.requests++;
      stats.bytes += bytes;
    }
    for (String name : QUOTA_HEADERS) {
      stats.quota(name, headers.firstValue(name).orElse(null));
    }
  }

  /** CQL as a query parameter: percent-encoded, spaces as %20 (not +). */
  static String encode(String cql) {
    return URLEncoder.encode(cql, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String segment(String s) {
    String v = s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    if (!v.matches("[A-Z0-9]+")) {
      throw new IllegalArgumentException("not a docdb number part: " + s);
    }
    return v;
  }
}
