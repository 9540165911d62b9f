package io.patent2tech.connectors.epo.ops;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Time as the OPS client sees it: a monotonic clock for pacing, wall-clock time for quota windows
 * (an hourly quota resets at the full hour), and sleeping. An interface so that tests can check
 * pacing and quota waits deterministically without waiting for real.
 */
public interface OpsClock {

  /** Monotonic time in nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** Wall-clock time in epoch milliseconds, as {@link System#currentTimeMillis()}. */
  long epochMillis();

  /** Sleeps for {@code duration}; a zero or negative duration returns at once. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real clock. */
  OpsClock SYSTEM = new OpsClock() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public long epochMillis() {
      return System.currentTimeMillis();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      if (!duration.isNegative() && !duration.isZero()) {
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
      }
    }
  };
}
