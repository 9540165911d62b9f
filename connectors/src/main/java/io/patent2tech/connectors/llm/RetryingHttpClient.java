package io.patent2tech.connectors.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client under langchain4j's chat models (its {@link HttpClient} SPI over the JDK's {@link
 * java.net.http.HttpClient}), adding what the LLM stage needs on every request: the provider's rate
 * limit, and retries with exponential back-off on HTTP 429, 5xx and timeouts that honour the
 * server's {@code Retry-After}. langchain4j's own client cannot do the latter: it drops the
 * response headers when it turns an error status into an exception, so the models are built with
 * their own retries off and this client retries instead.
 *
 * <p>After the last retry a status error is thrown as langchain4j's {@link HttpException} (which
 * the model maps to RateLimitException, InternalServerException, ...) and a timeout as its {@link
 * TimeoutException}. Only the blocking call is implemented: the LLM stage never streams.
 */
final class RetryingHttpClient implements HttpClient {

  private static final Logger LOG = LoggerFactory.getLogger(RetryingHttpClient.class);

  /** Longest wait between two attempts that back-off alone produces. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** A server asking for a longer wait than this is not retried: the failure is recorded now. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private static final int MAX_BODY_CHARS = 300;

  private final java.net.http.HttpClient http;
  private final Duration readTimeout;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final TokenBucket rateLimit;

  private RetryingHttpClient(Builder b) {
    java.net.http.HttpClient.Builder jdk =
        java.net.http.HttpClient.newBuilder()
            // HTTP/1.1: over plain http the JDK would otherwise try an h2c upgrade on every new
            // connection, which some inference servers mishandle; one answer per request anyway
            .version(java.net.http.HttpClient.Version.HTTP_1_1);
    if (b.connectTimeout != null) {
      jdk.connectTimeout(b.connectTimeout);
    }
    this.http = jdk.build();
    this.readTimeout = b.readTimeout;
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.rateLimit = b.rateLimit;
  }

  static Builder builder(int maxRetries, Duration initialBackoff, TokenBucket rateLimit) {
    return new Builder(maxRetries, initialBackoff, rateLimit);
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    java.net.http.HttpRequest jdkRequest = toJdk(request);
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        rateLimit.acquire();
        response = http.send(jdkRequest, HttpResponse.BodyHandlers.ofString());
      } catch (HttpTimeoutException e) {
        if (attempt > maxRetries) {
          throw new TimeoutException(
              new HttpTimeoutException(
                  "no answer from "
                      + request.url()
                      + " within "
                      + readTimeout
                      + " ("
                      + attempt
                      + " attempt(s))"));
        }
        pause(request, "a timeout", attempt, backoff(attempt));
        continue;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot reach " + request.url() + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while calling " + request.url(), e);
      }

      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return SuccessfulHttpResponse.builder()
            .statusCode(status)
            .headers(response.headers().map())
            .body(response.body())
            .build();
      }
      String failure =
          "HTTP "
              + status
              + " from "
              + request.url()
              + " ("
              + attempt
              + " attempt(s)): "
              + shorten(response.body());
      if (!isRetryable(status) || attempt > maxRetries) {
        throw new HttpException(status, failure);
      }
      Optional<Duration> retryAfter =
          RetryAfter.parse(
              response.headers().firstValue("Retry-After").orElse(null), Instant.now());
      if (retryAfter.isPresent() && retryAfter.get().compareTo(MAX_RETRY_AFTER) > 0) {
        throw new HttpException(
            status, failure + " (Retry-After " + retryAfter.get() + " is too long)");
      }
      Duration wait = backoff(attempt);
      if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
        wait = retryAfter.get();
      }
      pause(request, "HTTP " + status, attempt, wait);
    }
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    throw new UnsupportedOperationException(
        "the LLM stage makes blocking calls; streaming is not supported");
  }

  static boolean isRetryable(int status) {
    return status == 429 || (status >= 500 && status < 600);
  }

  /** initialBackoff * 2^(attempt-1), at most {@link #MAX_BACKOFF}, plus up to 25% jitter. */
  Duration backoff(int attempt) {
    long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, MAX_BACKOFF.toMillis());
    long jitter = capped == 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 4 + 1);
    return Duration.ofMillis(capped + jitter);
  }

  private void pause(HttpRequest request, String why, int attempt, Duration wait) {
    LOG.warn(
        "LLM request to {} failed with {}; retry {} of {} in {} ms",
        request.url(),
        why,
        attempt,
        maxRetries,
        wait.toMillis());
    try {
      TimeUnit.MILLISECONDS.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry " + request.url(), e);
    }
  }

  private java.net.http.HttpRequest toJdk(HttpRequest request) {
    if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
      throw new IllegalArgumentException("multipart requests are not used by the LLM stage");
    }
    java.net.http.HttpRequest.Builder b =
        java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
            .method(
                request.method().name(),
                request.body() == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (values != null) {
                values.forEach(v -> b.header(name, v));
              }
            });
    if (readTimeout != null) {
      b.timeout(readTimeout);
    }
    return b.build();
  }

  private static String shorten(String body) {
    if (body == null) {
      return "";
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX_BODY_CHARS ? flat : flat.substring(0, MAX_BODY_CHARS) + "...";
  }

  /** What langchain4j's models configure: the timeouts; the rest is fixed by the connector. */
  static final class Builder implements HttpClientBuilder {

    private final int maxRetries;
    private final Duration initialBackoff;
    private final TokenBucket rateLimit;
    private Duration connectTimeout;
    private Duration readTimeout;

    private Builder(int maxRetries, Duration initialBackoff, TokenBucket rateLimit) {
      this.maxRetries = maxRetries;
      this.initialBackoff = initialBackoff;
      this.rateLimit = rateLimit;
    }

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    @Override
    public RetryingHttpClient build() {
      return new RetryingHttpClient(this);
    }
  }
}
