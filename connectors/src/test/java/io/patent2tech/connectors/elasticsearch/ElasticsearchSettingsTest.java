package io.patent2tech.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ElasticsearchSettingsTest {

  @Test
  void namesTheVersionedIndexAfterTheAlias() {
    ElasticsearchSettings settings = ElasticsearchSettings.defaults("http://localhost:9200", "patents");

    assertThat(settings.versionedIndex(1)).isEqualTo("patents-v1");
    assertThat(settings.maxBulkActions()).isEqualTo(1000);
    assertThat(settings.maxBulkBytes()).isEqualTo(5L * 1024 * 1024);
  }

  @Test
  void refusesWhatElasticsearchWouldRefuseLater() {
    assertThatThrownBy(() -> ElasticsearchSettings.defaults("http://localhost:9200", "Patents"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> new ElasticsearchSettings("http://localhost:9200", "patents", 0, 1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBulkActions");
    assertThatThrownBy(() -> new ElasticsearchSettings(" ", "patents", 1, 1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("url");
  }
}
