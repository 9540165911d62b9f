package io.patent2tech.connectors.epo.ops;

import io.patent2tech.connectors.collect.CollectionFailedException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps one OPS consumer within what OPS allows, shared by every caller that uses the same
 * credentials (OPS throttles per consumer, not per connection).
 *
 * <p>OPS announces on every response, in {@code X-Throttling-Control: busy (images=green:100,
 * inpadoc=green:45, other=green:1000, retrieval=green:200, search=green:30)}, how many requests a
 * minute each service group accepts now; exceeding it earns 403s and eventually a black (blocked)
 * service. So each service is paced to its latest allowance: a request may start no earlier than
 * {@code 60 s / allowance} after the previous request of the same service. Callers reserve their
 * start time atomically before they sleep, so parallel callers are spaced out rather than released
 * together. A black service, a 429/503 with Retry-After, and a 403 quota rejection block the
 * service (or all of them) until the given time. The spacing keeps a little headroom under the
 * allowance ({@link OpsSettings#pacingHeadroom()}).
 *
 * <p>Every wait is clamped to {@code [0, settings.maxRetryAfter]} (quota waits to {@code
 * maxQuotaWait}, beyond which the run fails instead): a garbage or negative Retry-After is read as
 * {@code defaultRetryAfter}, never as "no wait" or "forever".
 */
public final class OpsThrottle {

  /** A service's announced state: colour (green, yellow, red, black) and requests a minute. */
  public record Allowance(String colour, int perMinute) {
    public boolean black() {
      return "black".equals(colour);
    }
  }

  /** A parsed {@code X-Throttling-Control}: system state (idle, busy, overloaded) and allowances. */
  public record ThrottlingControl(String systemState, Map<OpsService, Allowance> services) {}

  private static final Pattern HEADER =
      Pattern.compile("^\\s*([A-Za-z]+)\\s*(?:\\((.*)\\))?\\s*$");
  private static final Pattern ENTRY =
      Pattern.compile("\\s*([A-Za-z-]+)\\s*=\\s*([A-Za-z]+)\\s*:\\s*(\\d{1,9})\\s*");
  private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

  private final OpsClock clock;
  private final OpsSettings settings;
  private final Map<OpsService, Long> lastStart = new EnumMap<>(OpsService.class);
  private final Map<OpsService, Long> intervalNanos = new EnumMap<>(OpsService.class);
  private final Map<OpsService, Long> blockedUntil = new EnumMap<>(OpsService.class);
  private final Map<OpsService, Allowance> allowances = new EnumMap<>(OpsService.class);
  private String systemState;

  public OpsThrottle(OpsClock clock, OpsSettings settings) {
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Reserves the next start time for a request of {@code service} and returns how long the caller
   * must wait for it (zero or more). Until OPS has announced an allowance the service is not paced.
   */
  public synchronized Duration reserve(OpsService service) {
    long now = clock.nanoTime();
    long start = now;
    Long blocked = blockedUntil.get(service);
    if (blocked != null && blocked - now > 0) {
      start = blocked;
    }
    Long last = lastStart.get(service);
    Long interval = intervalNanos.get(service);
    if (last != null && interval != null && last + interval - start > 0) {
      start = last + interval;
    }
    lastStart.put(service, start);
    return Duration.ofNanos(Math.max(0, start - now));
  }

  /** {@link #reserve} and sleep; returns the time waited. */
  public Duration acquire(OpsService service) throws InterruptedException {
    Duration wait = reserve(service);
    clock.sleep(wait);
    return wait;
  }

  /**
   * Takes in the throttling state of a response: new allowances, and a block until {@code
   * retryAfter} for every service announced black.
   */
  public synchronized void observe(String throttlingControl, String retryAfter) {
    ThrottlingControl tc = parse(throttlingControl);
    if (tc == null) {
      return;
    }
    systemState = tc.systemState();
    for (Map.Entry<OpsService, Allowance> e : tc.services().entrySet()) {
      Allowance a = e.getValue();
      allowances.put(e.getKey(), a);
      if (a.black()) {
        block(e.getKey(), retryAfter(retryAfter));
      } else {
        intervalNanos.put(e.getKey(),
            (long) (MINUTE_NANOS * (1 + settings.pacingHeadroom()) / Math.max(1, a.perMinute())));
      }
    }
  }

  /** Blocks {@code service} for {@code wait} (clamped) from now. */
  public synchronized void block(OpsService service, Duration wait) {
    long until = clock.nanoTime() + clamp(wait, settings.maxRetryAfter()).toNanos();
    Long current = blockedUntil.get(service);
    if (current == null || until - current > 0) {
      blockedUntil.put(service, until);
    }
  }

  /** Blocks every service for {@code wait}, clamped to {@code maxQuotaWait} (quota windows). */
  public synchronized void blockAll(Duration wait) {
    long until = clock.nanoTime() + clamp(wait, settings.maxQuotaWait()).toNanos();
    for (OpsService s : OpsService.values()) {
      Long current = blockedUntil.get(s);
      if (current == null || until - current > 0) {
        blockedUntil.put(s, until);
      }
    }
  }

  /** The latest allowances announced, by service. */
  public synchronized Map<OpsService, Allowance> allowances() {
    return Collections.unmodifiableMap(new EnumMap<>(allowances));
  }

  /** The latest system state announced (idle, busy, overloaded), or null. */
  public synchronized String systemState() {
    return systemState;
  }

  /**
   * How long to wait after a 403 with {@code X-Rejection-Reason}: until the quota's window can
   * allow the request again (a per-minute quota: the next full minute; per hour: the next full
   * hour; per day: the next midnight UTC). Weekly quotas and waits longer than {@code maxQuotaWait}
   * fail the run: waiting days inside a collection run is not sensible, the window is retried on
   * a later run.
   */
  /**
   * Whether a 403's {@code X-Rejection-Reason} names a quota window (per minute, hour, day, week),
   * which {@link #quotaWait} waits out for every service; other reasons (OPS's {@code
   * ThrottlingControlQuota}: one service was asked faster than its allowance) block only that
   * service for the response's Retry-After.
   */
  public static boolean isQuotaWindow(String reason) {
    String lower = reason == null ? "" : reason.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith("perminute") || lower.endsWith("perhour") || lower.endsWith("perday")
        || lower.endsWith("perweek");
  }

  public Duration quotaWait(String reason) throws CollectionFailedException {
    String r = reason == null ? "" : reason.strip();
    String lower = r.toLowerCase(Locale.ROOT);
    ZonedDateTime now = Instant.ofEpochMilli(clock.epochMillis()).atZone(ZoneOffset.UTC);
    ZonedDateTime until;
    if (lower.endsWith("perweek")) {
      throw new CollectionFailedException("EPO OPS weekly quota exhausted (" + r
          + "); the window is retried on a later run");
    } else if (lower.endsWith("perday")) {
      until = now.truncatedTo(ChronoUnit.DAYS).plusDays(1);
    } else if (lower.endsWith("perhour")) {
      until = now.truncatedTo(ChronoUnit.HOURS).plusHours(1);
    } else if (lower.endsWith("perminute")) {
      until = now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    } else {
      return clamp(settings.defaultRetryAfter(), settings.maxQuotaWait());
    }
    Duration wait = Duration.between(now, until);
    if (wait.compareTo(settings.maxQuotaWait()) > 0) {
      throw new CollectionFailedException("EPO OPS quota exhausted (" + r + "); it resets in "
          + wait.toMinutes() + " min, more than the " + settings.maxQuotaWait().toMinutes()
          + " min allowed to wait");
    }
    return clamp(wait, settings.maxQuotaWait());
  }

  /**
   * A Retry-After value (seconds or an HTTP date) as a wait in {@code [0, maxRetryAfter]};
   * missing, negative or unreadable values give {@code defaultRetryAfter}.
   */
  public Duration retryAfter(String header) {
    Duration d = parseRetryAfter(header, clock.epochMillis());
    return clamp(d == null ? settings.defaultRetryAfter() : d, settings.maxRetryAfter());
  }

  /** Back-off before retry {@code attempt} (1-based): initial * 2^(attempt-1), at most maxBackoff. */
  public Duration backoff(int attempt) {
    long base = settings.initialBackoff().toMillis();
    long shifted = base << Math.min(Math.max(attempt - 1, 0), 20);
    return Duration.ofMillis(Math.min(Math.max(shifted, 0), settings.maxBackoff().toMillis()));
  }

  /** Parses {@code X-Throttling-Control}; null when absent or unreadable. Unknown services are ignored. */
  public static ThrottlingControl parse(String header) {
    if (header == null) {
      return null;
    }
    Matcher m = HEADER.matcher(header);
    if (!m.matches()) {
      return null;
    }
    Map<OpsService, Allowance> services = new EnumMap<>(OpsService.class);
    if (m.group(2) != null) {
      for (String part : m.group(2).split(",")) {
        Matcher e = ENTRY.matcher(part);
        if (e.matches()) {
          OpsService s = OpsService.fromHeaderName(e.group(1));
          if (s != null) {
            services.put(s, new Allowance(e.group(2).toLowerCase(Locale.ROOT), Integer.parseInt(e.group(3))));
          }
        }
      }
    }
    return new ThrottlingControl(m.group(1).toLowerCase(Locale.ROOT), services);
  }

  /** Seconds or an RFC 1123 date, as a duration from {@code nowMillis}; null when unreadable or negative. */
  static Duration parseRetryAfter(String header, long nowMillis) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.strip();
    if (h.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(h));
    }
    try {
      Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      long millis = at.toEpochMilli() - nowMillis;
      return millis < 0 ? Duration.ZERO : Duration.ofMillis(millis);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Duration clamp(Duration d, Duration max) {
    if (d == null || d.isNegative()) {
      return Duration.ZERO;
    }
    return d.compareTo(max) > 0 ? max : d;
  }
}
