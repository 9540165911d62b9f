package io.patent2tech.connectors.epo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.connectors.collect.CollectionFailedException;
import io.patent2tech.connectors.epo.ops.OpsService;
import io.patent2tech.connectors.epo.ops.OpsSettings;
import io.patent2tech.connectors.epo.ops.OpsThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** OpsThrottle on a clock that does not move unless told: pacing and waits are exact. */
class EpoOpsThrottleTest {

  private final FakeClock clock = new FakeClock(Instant.parse("2024-05-22T10:59:59.500Z"), false);
  // no pacing headroom: the allowance's own spacing, to the millisecond (headroom: its own test)
  private final OpsSettings settings = OpsSettings.defaults().pacingHeadroom(0).defaultRetryAfter(Duration.ofSeconds(5))
      .maxRetryAfter(Duration.ofSeconds(120)).maxQuotaWait(Duration.ofMinutes(61))
      .initialBackoff(Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(30));
  private final OpsThrottle throttle = new OpsThrottle(clock, settings);

  @Test
  void readsTheCapturedThrottlingHeaders() {
    String captured = EpoFixtures.cassetteHeader("fhg-imw/all_queries.yml", "X-Throttling-Control").get(0);
    OpsThrottle.ThrottlingControl tc = OpsThrottle.parse(captured);
    assertThat(tc.systemState()).isEqualTo("idle");
    assertThat(tc.services()).containsEntry(OpsService.SEARCH, new OpsThrottle.Allowance("green", 30))
        .containsEntry(OpsService.IMAGES, new OpsThrottle.Allowance("green", 200))
        .containsEntry(OpsService.INPADOC, new OpsThrottle.Allowance("green", 60))
        .containsEntry(OpsService.OTHER, new OpsThrottle.Allowance("green", 1000))
        .containsEntry(OpsService.RETRIEVAL, new OpsThrottle.Allowance("green", 200));
    OpsThrottle.ThrottlingControl busy = OpsThrottle.parse(
        "busy (images=green:100, inpadoc=green:45, other=green:1000, retrieval=green:200, search=green:30)");
    assertThat(busy.systemState()).isEqualTo("busy");
    assertThat(busy.services()).hasSize(5);
    assertThat(OpsThrottle.parse(null)).isNull();
    assertThat(OpsThrottle.parse("(((")).isNull();
  }

  @Test
  void pacesEachServiceToItsAllowance() {
    assertThat(throttle.reserve(OpsService.SEARCH)).isZero(); // nothing announced yet
    throttle.observe("busy (search=yellow:120, retrieval=red:6)", null);
    assertThat(List.of(throttle.reserve(OpsService.SEARCH), throttle.reserve(OpsService.SEARCH),
        throttle.reserve(OpsService.SEARCH))).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000),
        Duration.ofMillis(1500));
    assertThat(throttle.reserve(OpsService.RETRIEVAL)).isZero();
    assertThat(throttle.reserve(OpsService.RETRIEVAL)).isEqualTo(Duration.ofSeconds(10));
    assertThat(throttle.reserve(OpsService.IMAGES)).isZero();
    clock.advance(Duration.ofSeconds(60));
    assertThat(throttle.reserve(OpsService.SEARCH)).isZero(); // idle long enough: no debt carried
  }

  @Test
  void parallelCallersAreSpacedOutNotReleasedTogether() throws Exception {
    throttle.observe("idle (search=green:60)", null);
    throttle.reserve(OpsService.SEARCH);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Duration>> futures = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      futures.add(pool.submit(() -> {
        go.await();
        return throttle.reserve(OpsService.SEARCH);
      }));
    }
    go.countDown();
    List<Duration> waits = new ArrayList<>();
    for (Future<Duration> f : futures) {
      waits.add(f.get());
    }
    pool.shutdown();
    Collections.sort(waits);
    for (int i = 0; i < 8; i++) {
      assertThat(waits.get(i)).isEqualTo(Duration.ofSeconds(i + 1));
    }
  }

  @Test
  void blackServiceIsBlockedUntilRetryAfter() {
    throttle.observe("overloaded (search=black:0, retrieval=green:200)", "30");
    assertThat(throttle.reserve(OpsService.SEARCH)).isEqualTo(Duration.ofSeconds(30));
    assertThat(throttle.reserve(OpsService.RETRIEVAL)).isZero();
    assertThat(throttle.systemState()).isEqualTo("overloaded");
    assertThat(throttle.allowances().get(OpsService.SEARCH).black()).isTrue();

    OpsThrottle other = new OpsThrottle(clock, settings);
    other.observe("overloaded (images=black:0)", "in a while");
    assertThat(other.reserve(OpsService.IMAGES)).isEqualTo(Duration.ofSeconds(5)); // garbage -> default
    other.observe("overloaded (inpadoc=black:0)", "999999999");
    assertThat(other.reserve(OpsService.INPADOC)).isEqualTo(Duration.ofSeconds(120)); // clamped
  }

  @Test
  void retryAfterIsNeverNegativeNorUnbounded() {
    assertThat(throttle.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(throttle.retryAfter("-3")).isEqualTo(Duration.ofSeconds(5));
    assertThat(throttle.retryAfter("")).isEqualTo(Duration.ofSeconds(5));
    assertThat(throttle.retryAfter(null)).isEqualTo(Duration.ofSeconds(5));
    assertThat(throttle.retryAfter("99999999999999")).isEqualTo(Duration.ofSeconds(5));
    assertThat(throttle.retryAfter("86400")).isEqualTo(Duration.ofSeconds(120));
    assertThat(throttle.retryAfter("Wed, 22 May 2024 11:00:09 GMT")).isEqualTo(Duration.ofMillis(9500));
    assertThat(throttle.retryAfter("Wed, 22 May 2024 10:00:00 GMT")).isZero(); // in the past
  }

  @Test
  void byDefaultRequestsAreSpacedWithHeadroomUnderTheAllowance() {
    OpsThrottle withHeadroom = new OpsThrottle(clock, OpsSettings.defaults());
    withHeadroom.observe("busy (search=yellow:120)", null);
    withHeadroom.reserve(OpsService.SEARCH);
    // 60 s / 120 = 500 ms, plus 5 %: 121 requests can never fall inside one sliding minute
    assertThat(withHeadroom.reserve(OpsService.SEARCH)).isEqualTo(Duration.ofMillis(525));
  }

  @Test
  void onlyQuotaWindowReasonsAreWaitedOutForEveryService() {
    assertThat(OpsThrottle.isQuotaWindow("IndividualQuotaPerHour")).isTrue();
    assertThat(OpsThrottle.isQuotaWindow("RegisteredQuotaPerWeek")).isTrue();
    assertThat(OpsThrottle.isQuotaWindow("ThrottlingControlQuota")).isFalse();
    assertThat(OpsThrottle.isQuotaWindow(null)).isFalse();
  }

  @Test
  void quotaRejectionsWaitForTheirWindowOrFail() throws Exception {
    assertThat(throttle.quotaWait("IndividualQuotaPerHour")).isEqualTo(Duration.ofMillis(500));
    assertThat(throttle.quotaWait("AnonymousQuotaPerMinute")).isEqualTo(Duration.ofMillis(500));
    assertThat(throttle.quotaWait("SomethingNew")).isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> throttle.quotaWait("RegisteredQuotaPerWeek"))
        .isInstanceOf(CollectionFailedException.class).hasMessageContaining("weekly");
    assertThatThrownBy(() -> throttle.quotaWait("AnonymousQuotaPerDay"))
        .isInstanceOf(CollectionFailedException.class).hasMessageContaining("more than the 61 min");
    clock.advance(Duration.ofSeconds(1)); // 11:00:00.500: the next hour is 59 min 59.5 s away
    assertThat(throttle.quotaWait("IndividualQuotaPerHour")).isEqualTo(Duration.ofMinutes(60).minusMillis(500));

    throttle.blockAll(Duration.ofSeconds(3));
    assertThat(throttle.reserve(OpsService.RETRIEVAL)).isEqualTo(Duration.ofSeconds(3));
    assertThat(throttle.reserve(OpsService.SEARCH)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void backoffDoublesAndIsCapped() {
    assertThat(throttle.backoff(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(throttle.backoff(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.backoff(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(throttle.backoff(60)).isEqualTo(Duration.ofSeconds(30));
    assertThat(throttle.backoff(0)).isEqualTo(Duration.ofMillis(500));
  }
}
