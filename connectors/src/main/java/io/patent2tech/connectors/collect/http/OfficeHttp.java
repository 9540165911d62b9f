package io.patent2tech.connectors.collect.http;

import io.patent2tech.connectors.collect.CollectionFailedException;
import io.patent2tech.connectors.collect.RunStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET requests to an office API over the JDK client, as the collectors need them: retries with
 * exponential back-off on HTTP 429, 5xx and I/O errors (honouring {@code Retry-After}), redirects
 * followed by hand so that credential headers are only sent to the host they were meant for (a
 * bulk download redirects to a storage host that must not see the API key), every request and
 * received byte counted in the run's {@link RunStats}, and every URL and message that leaves it
 * passed through the {@link Redactor}. One instance per cursor (it holds the cursor's stats).
 */
public final class OfficeHttp {

  private static final Logger LOG = LoggerFactory.getLogger(OfficeHttp.class);

  private static final int MAX_REDIRECTS = 5;
  private static final int MAX_BODY_CHARS = 200;

  /** Retry and timeout settings; serializable, part of a collector factory. */
  public record Settings(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
      Duration maxRetryAfter, Duration connectTimeout, Duration requestTimeout) implements Serializable {

    public Settings {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
      }
      Objects.requireNonNull(initialBackoff, "initialBackoff");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
      Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** 5 attempts, 1 s .. 60 s back-off, Retry-After up to 5 min, 30 s connect, 5 min per request. */
    public static Settings defaults() {
      return new Settings(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5),
          Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /** Fast retries for tests. */
    public Settings withBackoff(Duration initial, int attempts) {
      return new Settings(attempts, initial, initial.multipliedBy(4), maxRetryAfter, connectTimeout,
          requestTimeout);
    }
  }

  private final HttpClient http;
  private final Settings settings;
  private final RunStats stats;
  private final Redactor redactor;
  private final String office;

  public OfficeHttp(HttpClient http, Settings settings, RunStats stats, Redactor redactor, String office) {
    this.http = Objects.requireNonNull(http, "http");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.office = Objects.requireNonNull(office, "office");
  }

  /** A JDK client as the collectors use it: HTTP/1.1, redirects left to {@link OfficeHttp}. */
  public static HttpClient newClient(Settings settings) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(settings.connectTimeout())
        .build();
  }

  public Settings settings() {
    return settings;
  }

  public RunStats stats() {
    return stats;
  }

  public String redact(String text) {
    return redactor.redact(text);
  }

  /**
   * GETs {@code uri} and returns the first answer that is neither a redirect nor retryable (any
   * status: the caller knows what a 4xx means for its API).
   *
   * @param originOnly header names sent only to the host of {@code uri}, not to redirect targets
   * @throws CollectionFailedException when the attempts are spent or a Retry-After is too long
   */
  public HttpResponse<byte[]> get(URI uri, Map<String, String> headers, Set<String> originOnly)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<byte[]> response;
      try {
        response = send(uri, headers, originOnly, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (attempt >= settings.maxAttempts()) {
          throw new CollectionFailedException(office + " request " + describe(uri) + " failed after "
              + attempt + " attempt(s): " + redact(e.toString()));
        }
        pause(uri, redact(e.getClass().getSimpleName()), attempt, backoff(attempt));
        continue;
      }
      byte[] body = response.body() == null ? new byte[0] : response.body();
      synchronized (stats) {
        stats.bytes += body.length;
      }
      int status = response.statusCode();
      if (!isRetryable(status)) {
        return response;
      }
      String failure = "HTTP " + status + " from " + office + " for " + describe(uri) + " ("
          + attempt + " attempt(s)): " + shorten(body);
      Optional<Duration> retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
      if (retryAfter.isPresent() && retryAfter.get().compareTo(settings.maxRetryAfter()) > 0) {
        throw new CollectionFailedException(failure + "; Retry-After " + retryAfter.get() + " is too long");
      }
      if (attempt >= settings.maxAttempts()) {
        throw new CollectionFailedException(failure);
      }
      Duration wait = backoff(attempt);
      if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
        wait = retryAfter.get();
        synchronized (stats) {
          stats.throttledMillis += wait.toMillis();
        }
      }
      pause(uri, "HTTP " + status, attempt, wait);
    }
  }

  /**
   * One GET, following redirects (each hop counted as a request), without retries; for streaming
   * downloads that resume instead of retrying from scratch. The caller counts the body's bytes.
   */
  public <T> HttpResponse<T> send(URI uri, Map<String, String> headers, Set<String> originOnly,
      HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
    Set<String> dropOnRedirect = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    dropOnRedirect.addAll(originOnly);
    Map<String, String> sent = new LinkedHashMap<>(headers);
    URI current = uri;
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(current).GET().timeout(settings.requestTimeout());
      sent.forEach(request::header);
      synchronized (stats) {
        stats.requests++;
      }
      HttpResponse<T> response = http.send(request.build(), handler);
      int status = response.statusCode();
      Optional<String> location = response.headers().firstValue("Location");
      if (!isRedirect(status) || location.isEmpty()) {
        return response;
      }
      discard(response.body());
      if (hop >= MAX_REDIRECTS) {
        throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + describe(uri));
      }
      URI next = current.resolve(location.get());
      if (!sameOrigin(uri, next)) {
        sent.keySet().removeIf(dropOnRedirect::contains);
      }
      LOG.debug("{} redirects {} to {}", office, describe(current), describe(next));
      current = next;
    }
  }

  /** initialBackoff * 2^(attempt-1), at most maxBackoff, plus up to 25% jitter. */
  public Duration backoff(int attempt) {
    long base = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, settings.maxBackoff().toMillis());
    long jitter = capped == 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 4 + 1);
    return Duration.ofMillis(capped + jitter);
  }

  /** Logs and sleeps before retry {@code attempt}. */
  public void pause(URI uri, String why, int attempt, Duration wait) throws InterruptedException {
    LOG.warn("{} request {} failed with {}; retry {} of {} in {} ms", office, describe(uri), why,
        attempt, settings.maxAttempts() - 1, wait.toMillis());
    TimeUnit.MILLISECONDS.sleep(wait.toMillis());
  }

  /** Host and path of a URI without its query, redacted: what log lines and messages show. */
  public String describe(URI uri) {
    return redact(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
  }

  public static boolean isRetryable(int status) {
    return status == 429 || (status >= 500 && status < 600);
  }

  static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(a.getScheme(), b.getScheme()) && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
  }

  /** Retry-After as delay-seconds or an HTTP date; empty when absent or unreadable. */
  static Optional<Duration> retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException unreadable) {
        return Optional.empty();
      }
    }
  }

  /** The start of a response body for a message, redacted (an error page may echo the request). */
  public String shorten(byte[] body) {
    // redact before cutting: a key cut in half by the cut would no longer be recognised
    String flat = redact(new String(body, 0, Math.min(body.length, 64 << 10),
        java.nio.charset.StandardCharsets.UTF_8)).strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX_BODY_CHARS ? flat : flat.substring(0, MAX_BODY_CHARS) + "...";
  }

  private static void discard(Object body) {
    if (body instanceof InputStream in) {
      try (in) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException ignored) {
        // the redirect's body is of no interest
      }
    }
  }
}
