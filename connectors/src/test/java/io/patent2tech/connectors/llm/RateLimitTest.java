package io.patent2tech.connectors.llm;

import static io.patent2tech.connectors.llm.ReplayLlmServer.answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.connectors.llm.ReplayLlmServer.Recorded;
import io.patent2tech.udfs.eval.llm.LlmAnswers;
import io.patent2tech.udfs.eval.llm.LlmEvaluator;
import io.patent2tech.udfs.eval.llm.LlmOutcome;
import io.patent2tech.udfs.eval.llm.LlmStatus;
import io.patent2tech.udfs.eval.llm.NoveltyAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  @Test
  void tokenBucketSpacesRequestsAfterTheBurst() throws Exception {
    TokenBucket bucket = new TokenBucket(5, 2);
    long start = System.nanoTime();
    bucket.acquire();
    bucket.acquire();
    long burst = System.nanoTime() - start;
    for (int i = 0; i < 4; i++) {
      bucket.acquire();
    }
    long total = System.nanoTime() - start;
    // two tokens in the bucket: no wait (a third would have waited 200 ms)
    assertThat(burst / 1_000_000).isLessThan(150);
    // 4 more tokens at 5/s: at least 4 * 200 ms (a hair less, for the refill during the burst)
    assertThat(total / 1_000_000).isBetween(790L, 3000L);
  }

  @Test
  void backoffDoublesAndIsCapped() {
    RetryingHttpClient client =
        RetryingHttpClient.builder(5, Duration.ofMillis(100), new TokenBucket(1, 1)).build();
    assertThat(client.backoff(1).toMillis()).isBetween(100L, 125L);
    assertThat(client.backoff(3).toMillis()).isBetween(400L, 500L);
    assertThat(client.backoff(40).toMillis()).isBetween(30_000L, 37_500L);
    assertThat(RetryingHttpClient.isRetryable(429)).isTrue();
    assertThat(RetryingHttpClient.isRetryable(503)).isTrue();
    assertThat(RetryingHttpClient.isRetryable(400)).isFalse();
    assertThat(RetryingHttpClient.isRetryable(401)).isFalse();
  }

  /**
   * Four threads and two clients built from the same settings, 15 requests, 5 per second: the
   * clients share one bucket, so after the first second's burst of 5 the other 10 come at 5/s.
   */
  @Test
  void clientsWithEqualSettingsShareTheProvidersRateLimit() throws Exception {
    try (ReplayLlmServer server = new ReplayLlmServer()) {
      server.otherwise(answer(LlmChatClientTest.VALID));
      LlmSettings settings =
          LlmSettings.of(LlmProvider.OPENAI, server.openAiBaseUrl(), "replay-gpt")
              .withTimeout(Duration.ofSeconds(10))
              .withRequestsPerSecond(5);
      List<LlmEvaluator> evaluators =
          List.of(
              new LlmEvaluator(LlmChatClient.create(settings), settings.model()),
              new LlmEvaluator(LlmChatClient.create(settings), settings.model()));
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<LlmOutcome<NoveltyAnswer>>> results = new ArrayList<>();
      long start = System.nanoTime();
      try {
        for (int i = 0; i < 15; i++) {
          LlmEvaluator e = evaluators.get(i % 2);
          results.add(
              pool.submit(() -> e.evaluate(LlmChatClientTest.NOVELTY, LlmAnswers::parseNovelty)));
        }
        for (Future<LlmOutcome<NoveltyAnswer>> f : results) {
          assertThat(f.get().status()).isEqualTo(LlmStatus.OK);
        }
      } finally {
        pool.shutdownNow();
      }
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;

      List<Recorded> arrivals = new ArrayList<>(server.requests());
      arrivals.sort(Comparator.comparingLong(Recorded::arrivalNanos));
      assertThat(arrivals).hasSize(15);
      // request k (from 0) cannot leave before (k + 1 - 5) / 5 s after the bucket was made
      for (int k = 5; k < 15; k++) {
        long sinceStartMs = (arrivals.get(k).arrivalNanos() - start) / 1_000_000;
        assertThat(sinceStartMs).as("request %d", k).isGreaterThanOrEqualTo((k - 4) * 200L - 20);
      }
      assertThat(elapsedMs).isBetween(1980L, 6000L);
    }
  }
}
