package io.patent2tech.connectors.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A throw-away schema in the PostgreSQL the integration tests run against, so tests neither see
 * nor disturb the data of a stack that is in use. The server comes from system properties or the
 * environment: P2T_PG_URL, P2T_PG_USER, P2T_PG_PASSWORD (defaults: the local stack).
 */
final class PostgresTestDatabase implements AutoCloseable {

  private final PostgresSettings server;
  private final String schema;

  PostgresTestDatabase() throws SQLException {
    this.server = new PostgresSettings(
        setting("P2T_PG_URL", "jdbc:postgresql://localhost:5432/patent2tech"),
        setting("P2T_PG_USER", "patent2tech"),
        setting("P2T_PG_PASSWORD", "patent2tech"));
    this.schema = "p2t_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
  }

  /** Settings whose connections work in the test schema only. */
  PostgresSettings settings() {
    String separator = server.jdbcUrl().contains("?") ? "&" : "?";
    return new PostgresSettings(
        server.jdbcUrl() + separator + "currentSchema=" + schema, server.user(), server.password());
  }

  Connection connect() throws SQLException {
    PostgresSettings settings = settings();
    return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
  }

  @Override
  public void close() throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  /** System property (p2t.pg.url for P2T_PG_URL) first, then the environment, then the default. */
  static String setting(String name, String fallback) {
    String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
    if (property != null && !property.isBlank()) {
      return property;
    }
    String env = System.getenv(name);
    return env == null || env.isBlank() ? fallback : env;
  }
}
