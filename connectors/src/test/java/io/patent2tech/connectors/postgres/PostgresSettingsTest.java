package io.patent2tech.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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

  @Test
  void namesTheEndpointWithoutTheUrlParameters() {
    assertThat(new PostgresSettings("jdbc:postgresql://db.example:5433/landing?password=s3cret&ssl=true", "u", "p")
        .endpoint()).isEqualTo("db.example:5433/landing");
    assertThat(new PostgresSettings("jdbc:postgresql://localhost/patent2tech", "u", "p").endpoint())
        .isEqualTo("localhost:5432/patent2tech");
    assertThat(new PostgresSettings("jdbc:postgresql://a:5432,b:5433/p2t?targetServerType=primary", "u", "p")
        .endpoint()).isEqualTo("a:5432,b:5433/p2t");
  }

  @Test
  void waitsAMinuteForALostConnectionUnlessToldOtherwise() {
    assertThat(new PostgresSettings("jdbc:postgresql://localhost/p2t", "u", "p").reconnectTimeout())
        .isEqualTo(Duration.ofSeconds(60));
    assertThatThrownBy(() -> new PostgresSettings("jdbc:postgresql://localhost/p2t", "u", "p", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reconnectTimeout");
  }
}
