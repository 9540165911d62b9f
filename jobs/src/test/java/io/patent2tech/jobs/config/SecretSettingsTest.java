package io.patent2tech.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.patent2tech.connectors.kafka.KafkaClientSettings;
import io.patent2tech.jobs.ingest.IngestJob;

/** Secrets: read from a file as well as given directly, never shown. */
class SecretSettingsTest {

  private static final Setting PASSWORD = Setting.secret("kafka.sasl-password", null, "p");
  private static final Setting USER = new Setting("kafka.sasl-username", null, "u");
  private static final List<Setting> ALL = List.of(USER, PASSWORD);

  @Test
  void aSecretComesFromAFileNamedOnTheCommandLineInTheEnvironmentOrTheConfigFile(@TempDir Path dir)
      throws Exception {
    Path secret = Files.writeString(dir.resolve("pw"), "from-file-1\n");
    assertThat(Settings.parse(ALL, List.of(), new String[] {"--kafka.sasl-password-file", secret.toString()},
        Map.of()).get("kafka.sasl-password")).isEqualTo("from-file-1");
    assertThat(Settings.parse(ALL, List.of(), new String[0],
        Map.of("P2T_KAFKA_SASL_PASSWORD_FILE", secret.toString())).get("kafka.sasl-password")).isEqualTo("from-file-1");
    Path config = Files.writeString(dir.resolve("p2t.properties"), "kafka.sasl-password-file=" + secret + "\n");
    assertThat(Settings.parse(ALL, List.of(), new String[] {"--config", config.toString()}, Map.of())
        .get("kafka.sasl-password")).isEqualTo("from-file-1");
    // the value itself on the same level wins over a file
    assertThat(Settings.parse(ALL, List.of(), new String[0], Map.of("P2T_KAFKA_SASL_PASSWORD", "env-2",
        "P2T_KAFKA_SASL_PASSWORD_FILE", secret.toString())).get("kafka.sasl-password")).isEqualTo("env-2");
  }

  @Test
  void anUnreadableFileIsNamedAndOnlyASecretTakesOne(@TempDir Path dir) {
    assertThatThrownBy(() -> Settings.parse(ALL, List.of(),
        new String[] {"--kafka.sasl-password-file", dir.resolve("missing").toString()}, Map.of()))
        .hasMessageContaining("--kafka.sasl-password-file: cannot read").hasMessageContaining("missing");
    assertThatThrownBy(() -> Settings.parse(ALL, List.of(), new String[] {"--kafka.sasl-username-file", "x"}, Map.of()))
        .hasMessageContaining("unknown option --kafka.sasl-username-file");
  }

  @Test
  void helpTheLoggedSettingsAndQuotedCommandLinesShowSecretsAsStars() {
    Setting withDefault = Setting.secret("pg.password", "default-pw", "p");
    String help = Settings.describe(List.of(USER, PASSWORD, withDefault), List.of());
    assertThat(help).contains("P2T_KAFKA_SASL_PASSWORD_FILE", "--kafka.sasl-password-file FILE", "default ***")
        .doesNotContain("default-pw");

    Settings s = Settings.parse(List.of(USER, PASSWORD, withDefault), List.of(),
        new String[] {"--kafka.sasl-username", "app", "--kafka.sasl-password", "top-secret-1"}, Map.of());
    assertThat(s.effective()).contains("kafka.sasl-username=app", "kafka.sasl-password=***", "pg.password=***")
        .doesNotContain("top-secret-1").doesNotContain("default-pw");

    assertThat(Settings.redactArgs(ALL, new String[] {"ingest", "--kafka.sasl-password", "top-secret-1",
        "--kafka.sasl-password=top-secret-2", "--kafka.sasl-username", "app"}))
        .isEqualTo("ingest --kafka.sasl-password *** --kafka.sasl-password=*** --kafka.sasl-username app");
  }

  @Test
  void everyCommandThatReachesKafkaTakesItsSecuritySettings() {
    Settings s = Settings.parse(IngestJob.SETTINGS, IngestJob.FLAGS, new String[] {"--kafka.bootstrap", "b:9094",
        "--kafka.security-protocol", "SASL_SSL", "--kafka.sasl-username", "app", "--kafka.sasl-password", "pw",
        "--kafka.ssl-truststore", "/ca.pem", "--registry.url", "http://registry:8085/apis/ccompat/v7"}, Map.of());
    assertThat(CommonSettings.kafka(s)).isEqualTo(new KafkaClientSettings("b:9094", "SASL_SSL", "SCRAM-SHA-512",
        "app", "pw", "/ca.pem", "http://registry:8085/apis/ccompat/v7"));
  }

  @Test
  void postgresTlsSettingsBecomeJdbcParameters() {
    Settings s = Settings.parse(CommonSettings.secured(List.of(CommonSettings.PG_URL, CommonSettings.PG_USER,
        CommonSettings.PG_PASSWORD)), List.of(), new String[] {"--pg.url", "jdbc:postgresql://db:5432/p2t",
        "--pg.sslmode", "verify-full", "--pg.sslrootcert", "/etc/pg ca.pem"}, Map.of());
    assertThat(CommonSettings.postgresUrl(s))
        .isEqualTo("jdbc:postgresql://db:5432/p2t?sslmode=verify-full&sslrootcert=%2Fetc%2Fpg+ca.pem");
  }
}
