package io.patent2tech.connectors.llm;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket: {@code permitsPerSecond} tokens a second, holding at most {@code capacity}.
 * {@link #acquire()} takes one, waiting for it when the bucket is empty. Waiters reserve their
 * token before they sleep (the count may go below zero), so concurrent callers are served in turn
 * at the configured rate, never all at once when a token comes back.
 */
final class TokenBucket {

  private final double permitsPerNano;
  private final double capacity;
  private double tokens;
  private long lastRefill;

  TokenBucket(double permitsPerSecond, double capacity) {
    if (!(permitsPerSecond > 0) || !(capacity >= 1)) {
      throw new IllegalArgumentException(
          "need a positive rate and a capacity >= 1, got " + permitsPerSecond + ", " + capacity);
    }
    this.permitsPerNano = permitsPerSecond / 1e9;
    this.capacity = capacity;
    this.tokens = capacity;
    this.lastRefill = System.nanoTime();
  }

  /** Takes one token, sleeping until it is there. */
  void acquire() throws InterruptedException {
    long waitNanos;
    synchronized (this) {
      long now = System.nanoTime();
      tokens = Math.min(capacity, tokens + (now - lastRefill) * permitsPerNano);
      lastRefill = now;
      tokens -= 1;
      waitNanos = tokens >= 0 ? 0 : (long) Math.ceil(-tokens / permitsPerNano);
    }
    if (waitNanos > 0) {
      TimeUnit.NANOSECONDS.sleep(waitNanos);
    }
  }
}
