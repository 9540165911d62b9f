package io.patent2tech.connectors;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.llm.LlmProvider;
import io.patent2tech.connectors.llm.LlmSettings;
import io.patent2tech.connectors.postgres.PostgresSettings;
import org.junit.jupiter.api.Test;

/** A service URL with credentials in it is refused, and the refusal does not quote them. */
class CredentialFreeUrlsTest {

  @Test
  void urlsWithUserInfoAreRefusedWithoutBeingQuoted() {
    assertThatThrownBy(() -> ElasticsearchSettings.defaults("http://es:9200,https://elastic:pw-123@es2:9200", "patents"))
        .hasMessageContaining("es.username and es.password").hasMessageNotContaining("pw-123");
    assertThatThrownBy(() -> LlmSettings.of(LlmProvider.OPENAI, "https://u:key-456@api.example/v1", "m"))
        .hasMessageContaining("llm.api-key").hasMessageNotContaining("key-456");
    assertThatThrownBy(() -> new PostgresSettings("postgresql://db/p?password=pg-789", "u", null))
        .hasMessageNotContaining("pg-789");
    assertThatCode(() -> ElasticsearchSettings.defaults("https://es:9200/path@x", "patents")).doesNotThrowAnyException();
  }

  @Test
  void thePostgresDescriptionShowsTheEndpointNotTheParameters() {
    org.assertj.core.api.Assertions.assertThat(
        new PostgresSettings("jdbc:postgresql://db:5432/p2t?password=pg-789", "u", "pw").toString())
        .contains("db:5432/p2t").doesNotContain("pg-789").doesNotContain("pw");
  }
}
