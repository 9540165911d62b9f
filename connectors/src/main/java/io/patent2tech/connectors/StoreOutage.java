package io.patent2tech.connectors;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * One stretch of time in which a sink cannot reach its store, from the first failed attempt on.
 * Between attempts it waits 0.5 s, doubling up to 10 s; it logs one WARN line per failed attempt
 * (no stack trace: the line names store, endpoint and cause, and the next attempt follows in
 * seconds); once the timeout is spent it gives up with a {@link StoreUnavailableException}.
 *
 * <p>The last wait is cut short to end at the timeout, so the final attempt happens when the
 * timeout is up rather than up to 10 s later or not at all.
 *
 * <pre>{@code
 * StoreOutage outage = null;
 * while (true) {
 *   try { write(); if (outage != null) outage.recovered(); return; }
 *   catch (IOException e) {
 *     if (outage == null) outage = StoreOutage.begin("Elasticsearch", url, timeout, LOG);
 *     outage.retryAfter(e);  // waits, or throws StoreUnavailableException
 *   }
 * }
 * }</pre>
 */
public final class StoreOutage {

  static final long FIRST_WAIT_MS = 500;
  static final long MAX_WAIT_MS = 10_000;

  /** Time as the outage sees it; tests pass a fake one. */
  interface Clock {
    long nanoTime();

    void sleep(long millis) throws InterruptedException;
  }

  private static final Clock SYSTEM = new Clock() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
      Thread.sleep(millis);
    }
  };

  private final String store;
  private final String endpoint;
  private final Duration timeout;
  private final Logger log;
  private final Clock clock;
  private final long startNanos;
  private long nextWaitMs = FIRST_WAIT_MS;
  private int failedAttempts;

  StoreOutage(String store, String endpoint, Duration timeout, Logger log, Clock clock) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
    }
    this.store = store;
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.log = log;
    this.clock = clock;
    this.startNanos = clock.nanoTime();
  }

  /** Starts counting now, at the first failure. */
  public static StoreOutage begin(String store, String endpoint, Duration timeout, Logger log) {
    return new StoreOutage(store, endpoint, timeout, log, SYSTEM);
  }

  /**
   * After a failed attempt: waits until the next one, or throws once the timeout is spent.
   *
   * @param failure what the attempt ran into; its message is logged and becomes the cause
   */
  public void retryAfter(Throwable failure) throws StoreUnavailableException, InterruptedException {
    clock.sleep(waitAfter(failure));
  }

  /**
   * After a failed attempt: how long to wait before the next one, for a caller that waits without
   * sleeping (on a timer, so its thread stays free for checkpoints and cancellation); or throws once
   * the timeout is spent. Logs and counts as {@link #retryAfter} does.
   *
   * @param failure what the attempt ran into; its message is logged and becomes the cause
   */
  public long waitAfter(Throwable failure) throws StoreUnavailableException {
    failedAttempts++;
    long waitedMs = waitedMs();
    long leftMs = timeout.toMillis() - waitedMs;
    if (leftMs <= 0) {
      throw new StoreUnavailableException(store, endpoint, Duration.ofMillis(waitedMs), failure);
    }
    long waitMs = Math.min(nextWaitMs, leftMs);
    log.warn("{} at {} {} (attempt {}, {} s of {} s waited), trying again in {} ms: {}", store, endpoint,
        StoreUnavailableException.problem(failure), failedAttempts, StoreUnavailableException.seconds(
            Duration.ofMillis(waitedMs)), timeout.toSeconds(), waitMs, StoreUnavailableException.reason(failure));
    nextWaitMs = Math.min(nextWaitMs * 2, MAX_WAIT_MS);
    return waitMs;
  }

  /** The attempt after the failed ones went through: one INFO line, so the WARN lines have an end. */
  public void recovered() {
    log.info("{} at {} is back after {} failed attempts and {} s", store, endpoint, failedAttempts,
        StoreUnavailableException.seconds(Duration.ofMillis(waitedMs())));
  }

  int failedAttempts() {
    return failedAttempts;
  }

  private long waitedMs() {
    return (clock.nanoTime() - startNanos) / 1_000_000;
  }
}
