package io.patent2tech.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StoreOutageTest {

  /** Time that passes only when the outage sleeps (and when the test says an attempt took long). */
  private static final class FakeClock implements StoreOutage.Clock {
    long nanos;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
      return nanos;
    }

    @Override
    public void sleep(long millis) {
      sleeps.add(millis);
      nanos += millis * 1_000_000;
    }
  }

  private final FakeClock clock = new FakeClock();

  private StoreOutage outage(Duration timeout) {
    return new StoreOutage("PostgreSQL", "localhost:5432/p2t", timeout,
        LoggerFactory.getLogger(StoreOutageTest.class), clock);
  }

  @Test
  void waitsHalfASecondDoublingUpToTenSecondsAndTheLastWaitEndsAtTheTimeout() throws Exception {
    StoreOutage outage = outage(Duration.ofSeconds(30));
    ConnectException refused = new ConnectException("Connection refused");

    assertThatThrownBy(() -> {
      while (true) {
        outage.retryAfter(refused);
      }
    }).isInstanceOf(StoreUnavailableException.class)
        .hasMessage("PostgreSQL at localhost:5432/p2t refused the connection (waited 30 s): Connection refused")
        .hasCause(refused);

    // 0.5 + 1 + 2 + 4 + 8 + 10 = 25.5 s, then what is left of 30 s, then the attempt that gives up
    assertThat(clock.sleeps).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 10_000L, 4500L);
    assertThat(outage.failedAttempts()).isEqualTo(8);
  }

  @Test
  void attemptsThatTakeLongCountAgainstTheTimeout() throws Exception {
    StoreOutage outage = outage(Duration.ofSeconds(3));
    outage.retryAfter(new ConnectException("Connection refused"));
    clock.nanos += Duration.ofSeconds(10).toNanos(); // e.g. a connect timeout

    assertThatThrownBy(() -> outage.retryAfter(new java.net.SocketTimeoutException("Connect timed out")))
        .hasMessage("PostgreSQL at localhost:5432/p2t did not answer in time (waited 11 s): Connect timed out");
    assertThat(clock.sleeps).containsExactly(500L);
  }

  @Test
  void aZeroTimeoutGivesUpAtTheFirstFailure() {
    StoreOutage outage = outage(Duration.ZERO);

    assertThatThrownBy(() -> outage.retryAfter(new ConnectException("Connection refused")))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith("PostgreSQL at localhost:5432/p2t refused the connection (waited 0 s)");
    assertThat(clock.sleeps).isEmpty();
  }
}
