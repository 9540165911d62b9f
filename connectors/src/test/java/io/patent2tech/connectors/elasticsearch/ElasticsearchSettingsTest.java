package io.patent2tech.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ElasticsearchSettingsTest {

  @Test
  void namesTheVersionedIndexAfterTheAlias() {
    ElasticsearchSettings settings = ElasticsearchSettings.defaults("http://localhost:9200", "patents");

    assertThat(settings.versionedIndex(1)).isEqualTo("patents-v1");
    assertThat(settings.maxBulkActions()).isEqualTo(500);
    assertThat(settings.maxBulkBytes()).isEqualTo(8L * 1024 * 1024);
    assertThat(settings.initialBackoffMs()).isEqualTo(200);
    assertThat(settings.unavailableTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void refusesWhatElasticsearchWouldRefuseLater() {
    assertThatThrownBy(() -> ElasticsearchSettings.defaults("http://localhost:9200", "Patents"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> new ElasticsearchSettings("http://localhost:9200", "patents", 0, 1, 0, 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBulkActions");
    assertThatThrownBy(() -> new ElasticsearchSettings(" ", "patents", 1, 1, 0, 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("url");
    assertThatThrownBy(() -> new ElasticsearchSettings("http://localhost:9200", "patents", 1, 1, 0, 0,
        Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unavailableTimeout");
  }
}
