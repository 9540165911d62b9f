package io.patent2tech.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresSettingsTest {

  @Test
  void keepsThePasswordOutOfItsText() {
    PostgresSettings settings =
        new PostgresSettings("jdbc:postgresql://localhost:5432/patent2tech", "patent2tech", "s3cret");

    assertThat(settings.toString()).contains("localhost:5432/patent2tech", "patent2tech").doesNotContain("s3cret");
  }

  @Test
  void acceptsOnlyPostgresUrls() {
    assertThatThrownBy(() -> new PostgresSettings("jdbc:mysql://localhost/patent2tech", "u", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:mysql://localhost/patent2tech");
  }
}
