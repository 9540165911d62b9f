package io.patent2tech.jobs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.patent2tech.connectors.postgres.PostgresSettings;
import io.patent2tech.jobs.LocalStack;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Settings;

/**
 * The stack's PostgreSQL over TLS: with pg.sslmode verify-full and the stack's CA the connection is
 * encrypted and the server's name checked; a CA that did not sign the server's certificate (the
 * Kafka listener's) is refused.
 */
class PostgresTlsIT {

  private static PostgresSettings postgres(String caFile) {
    Settings s = Settings.parse(CommonSettings.secured(List.of(CommonSettings.PG_URL, CommonSettings.PG_USER,
        CommonSettings.PG_PASSWORD, CommonSettings.PG_RECONNECT_TIMEOUT)), List.of(), new String[] {
            "--pg.url", LocalStack.PG_URL, "--pg.user", LocalStack.PG_USER, "--pg.password", LocalStack.PG_PASSWORD,
            "--pg.sslmode", "verify-full", "--pg.sslrootcert", caFile}, Map.of());
    return CommonSettings.postgres(s);
  }

  @Test
  void verifyFullWithTheStacksCaGivesAnEncryptedConnection() throws Exception {
    PostgresSettings settings = postgres(LocalStack.PG_CA_FILE);
    try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select ssl, version from pg_stat_ssl where pid = pg_backend_pid()")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean("ssl")).isTrue();
      assertThat(rs.getString("version")).startsWith("TLS");
    }
  }

  @Test
  void aServerCertificateOfAnotherCaIsRefused() {
    PostgresSettings settings = postgres(LocalStack.KAFKA_CA_FILE);
    assertThatThrownBy(() -> DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password()))
        .hasMessageContaining("SSL").hasStackTraceContaining("PKIX path");
  }
}
