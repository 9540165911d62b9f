package io.patent2tech.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.udfs.eval.llm.AnswerCache;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LlmAnswerCacheIT {

  @Test
  void storesValidAnswersOncePerKey() throws Exception {
    try (PostgresTestDatabase db = new PostgresTestDatabase()) {
      PostgresMigrations.migrate(db.settings());
      try (LlmAnswerCache cache = new LlmAnswerCache(db.settings())) {
        assertThat(cache.get("novelty", "mistral", "novelty-v1", "h1")).isEmpty();

        cache.put("novelty", "mistral", "novelty-v1", "h1",
            new AnswerCache.Entry("{\"is_novel\": true, \"confidence\": 0.8}", 812, 95, 1234));
        // a second answer for the same key (e.g. two subtasks racing) does not replace the first
        cache.put("novelty", "mistral", "novelty-v1", "h1",
            new AnswerCache.Entry("{\"is_novel\": false, \"confidence\": 0.1}", null, null, 10));

        Optional<AnswerCache.Entry> hit = cache.get("novelty", "mistral", "novelty-v1", "h1");
        assertThat(hit).isPresent();
        assertThat(hit.get().answerJson()).contains("\"is_novel\": true");
        assertThat(hit.get().promptTokens()).isEqualTo(812);
        assertThat(hit.get().latencyMs()).isEqualTo(1234);

        // every part of the key matters
        assertThat(cache.get("novelty", "mistral", "novelty-v2", "h1")).isEmpty();
        assertThat(cache.get("novelty", "llama3", "novelty-v1", "h1")).isEmpty();
        assertThat(cache.get("analysis", "mistral", "novelty-v1", "h1")).isEmpty();
        assertThat(cache.get("novelty", "mistral", "novelty-v1", "h2")).isEmpty();
      }
    }
  }
}
