package io.patent2tech.connectors.epo.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patent2tech.connectors.collect.CollectionFailedException;
import io.patent2tech.connectors.collect.http.Redactor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OPS OAuth2 client-credentials tokens: {@code POST {base}/3.2/auth/accesstoken} with HTTP Basic
 * {@code key:secret} and {@code grant_type=client_credentials}. OPS answers JSON whose {@code
 * expires_in} is a string of seconds ("1199"). The token is cached and renewed {@code
 * tokenRefreshMargin} before it expires, or at once after OPS called it invalid ({@link
 * #invalidate}). Thread-safe: parallel callers share one token.
 *
 * <p>The key, secret and token never appear in a log line or exception message; {@link #redact}
 * removes them from text that came back from the server.
 */
public final class OpsAuth {

  private static final Logger LOG = LoggerFactory.getLogger(OpsAuth.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Used when OPS sends no or an unreadable expires_in: short, so a wrong guess costs little. */
  static final Duration FALLBACK_LIFETIME = Duration.ofMinutes(5);

  private final HttpClient http;
  private final OpsSettings settings;
  private final OpsCredentials credentials;
  private final OpsClock clock;
  private OpsCredentials.Key key;
  private String token;
  private long renewAtNanos;
  private long tokenRequests;

  public OpsAuth(HttpClient http, OpsSettings settings, OpsCredentials credentials, OpsClock clock) {
    this.http = http;
    this.settings = settings;
    this.credentials = credentials;
    this.clock = clock;
  }

  /** A valid token, fetching a new one when there is none or it is about to expire. */
  public synchronized String token() throws IOException, InterruptedException {
    if (token != null && renewAtNanos - clock.nanoTime() > 0) {
      return token;
    }
    token = null;
    fetch();
    return token;
  }

  /** Forgets {@code rejected} (OPS said it is invalid) so that the next {@link #token()} fetches anew. */
  public synchronized void invalidate(String rejected) {
    if (rejected != null && rejected.equals(token)) {
      token = null;
    }
  }

  /** Token requests made so far. */
  public synchronized long tokenRequests() {
    return tokenRequests;
  }

  /**
   * {@code text} with the key, secret, Basic value and current token replaced by {@code ***} (in
   * every form {@link Redactor} knows: raw, percent-encoded, decoded).
   */
  public synchronized String redact(String text) {
    if (text == null) {
      return null;
    }
    return key == null ? new Redactor(token).redact(text)
        : new Redactor(key.secret(), key.key(), basic(key), token).redact(text);
  }

  private void fetch() throws IOException, InterruptedException {
    if (key == null) {
      key = credentials.get();
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/3.2/auth/accesstoken"))
        .timeout(settings.requestTimeout())
        .header("Authorization", "Basic " + basic(key))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
        .build();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<byte[]> response;
      try {
        tokenRequests++;
        response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (attempt > settings.maxRetries()) {
          throw new CollectionFailedException("cannot reach EPO OPS for a token: " + e.getClass().getSimpleName());
        }
        clock.sleep(backoff(attempt));
        continue;
      }
      int status = response.statusCode();
      if (status == 200) {
        accept(response.body());
        return;
      }
      if ((status >= 500 || status == 429) && attempt <= settings.maxRetries()) {
        LOG.warn("EPO OPS token request answered HTTP {}; retry {} of {}", status, attempt, settings.maxRetries());
        clock.sleep(backoff(attempt));
        continue;
      }
      // the body is not quoted: an auth error may echo the client id
      throw new CollectionFailedException("EPO OPS refused the access token request (HTTP " + status
          + "); check the consumer key and secret");
    }
  }

  private void accept(byte[] body) throws CollectionFailedException {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      throw new CollectionFailedException("EPO OPS token response is not JSON");
    }
    String t = json == null ? "" : json.path("access_token").asText("");
    if (t.isBlank()) {
      throw new CollectionFailedException("EPO OPS token response has no access_token");
    }
    Duration lifetime = lifetime(json.path("expires_in").asText(""));
    Duration margin = settings.tokenRefreshMargin();
    if (margin.compareTo(lifetime.dividedBy(2)) > 0) {
      margin = lifetime.dividedBy(2);
    }
    token = t;
    renewAtNanos = clock.nanoTime() + lifetime.minus(margin).toNanos();
    LOG.debug("EPO OPS access token obtained, valid for {} s", lifetime.toSeconds());
  }

  /** expires_in, sent as a string of seconds; unreadable or non-positive: {@link #FALLBACK_LIFETIME}. */
  static Duration lifetime(String expiresIn) {
    try {
      long s = Long.parseLong(expiresIn.strip());
      return s > 0 ? Duration.ofSeconds(Math.min(s, Duration.ofDays(1).toSeconds())) : FALLBACK_LIFETIME;
    } catch (NumberFormatException e) {
      return FALLBACK_LIFETIME;
    }
  }

  private Duration backoff(int attempt) {
    long ms = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(ms, settings.maxBackoff().toMillis()));
  }

  private static String basic(OpsCredentials.Key key) {
    return Base64.getEncoder().encodeToString((key.key() + ":" + key.secret()).getBytes(StandardCharsets.UTF_8));
  }
}
