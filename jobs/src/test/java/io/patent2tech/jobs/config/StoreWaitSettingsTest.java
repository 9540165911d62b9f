package io.patent2tech.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.jobs.collect.CollectSettings;
import io.patent2tech.jobs.enrich.EnrichJob;
import io.patent2tech.jobs.landing.LandingJob;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How long the sinks wait for PostgreSQL and Elasticsearch: one option each, read by every job that sinks. */
class StoreWaitSettingsTest {

  @Test
  void everyJobThatSinksToPostgresTakesTheReconnectTimeout() {
    for (List<Setting> job : List.of(LandingJob.SETTINGS, EnrichJob.SETTINGS, CollectSettings.SETTINGS)) {
      Settings defaults = Settings.parse(job, List.of(), new String[0], Map.of());
      assertThat(CommonSettings.postgres(defaults).reconnectTimeout()).isEqualTo(Duration.ofSeconds(60));

      Settings given = Settings.parse(job, List.of(), new String[] {"--pg.reconnect-timeout", "5 s"}, Map.of());
      assertThat(CommonSettings.postgres(given).reconnectTimeout()).isEqualTo(Duration.ofSeconds(5));
    }
  }

  @Test
  void everyJobThatSinksToElasticsearchTakesTheUnavailableTimeout() {
    for (List<Setting> job : List.of(LandingJob.SETTINGS, EnrichJob.SETTINGS)) {
      Settings defaults = Settings.parse(job, List.of(), new String[0], Map.of());
      assertThat(CommonSettings.elasticsearch(defaults).unavailableTimeout()).isEqualTo(Duration.ofSeconds(60));

      Settings given = Settings.parse(job, List.of(), new String[0], Map.of("P2T_ES_UNAVAILABLE_TIMEOUT", "2 min"));
      assertThat(CommonSettings.elasticsearch(given).unavailableTimeout()).isEqualTo(Duration.ofMinutes(2));
    }
  }
}
