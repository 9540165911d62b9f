package io.patent2tech.connectors.epo;

import io.patent2tech.connectors.epo.ops.OpsClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A clock whose sleeps return at once, advance its time and are recorded: pacing without waiting. */
final class FakeClock implements OpsClock {

  private long nanos = 1_000_000_000L;
  private final long epochBase;
  private final boolean advanceOnSleep;
  private final List<Duration> sleeps = new ArrayList<>();

  FakeClock(Instant wallClock, boolean advanceOnSleep) {
    this.epochBase = wallClock.toEpochMilli() - nanos / 1_000_000;
    this.advanceOnSleep = advanceOnSleep;
  }

  FakeClock() {
    this(Instant.parse("2024-05-22T10:15:00Z"), true);
  }

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized long epochMillis() {
    return epochBase + nanos / 1_000_000;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    sleeps.add(duration);
    if (advanceOnSleep) {
      nanos += duration.toNanos();
    }
  }

  synchronized void advance(Duration d) {
    nanos += d.toNanos();
  }

  synchronized List<Duration> sleeps() {
    return new ArrayList<>(sleeps);
  }
}
