package io.patent2tech.connectors.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.postgresql.Driver;

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

  /**
   * Settings for the test schema that connect to {@code 127.0.0.1:port} instead of the server (a
   * {@link io.patent2tech.connectors.TcpProxy} in front of it), with the given reconnect timeout.
   */
  PostgresSettings settingsVia(int port, Duration reconnectTimeout) {
    PostgresSettings direct = settings();
    String url = direct.jdbcUrl().replaceFirst("^jdbc:postgresql://[^/]*/", "jdbc:postgresql://127.0.0.1:" + port + "/");
    return new PostgresSettings(url, direct.user(), direct.password(), reconnectTimeout);
  }

  /** The server's host (the first, if the URL lists several). */
  String serverHost() {
    return Driver.parseURL(server.jdbcUrl(), null).getProperty("PGHOST").split(",")[0];
  }

  /** The server's port (the first, if the URL lists several). */
  int serverPort() {
    Properties parsed = Driver.parseURL(server.jdbcUrl(), null);
    return Integer.parseInt(parsed.getProperty("PGPORT").split(",")[0]);
  }

  Connection connect() throws SQLException {
    PostgresSettings settings = settings();
    return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
  }

  /**
   * The rows of a query in the test schema, each a list of column values in plain Java terms:
   * arrays as lists, dates as LocalDate, timestamptz as Instant, jsonb as its text.
   */
  List<List<Object>> rows(String sql, Object... parameters) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        List<List<Object>> rows = new ArrayList<>();
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<Object> row = new ArrayList<>();
          for (int column = 1; column <= columns; column++) {
            row.add(value(result, column));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  private static Object value(ResultSet result, int column) throws SQLException {
    String type = result.getMetaData().getColumnTypeName(column);
    if ("timestamptz".equals(type)) {
      OffsetDateTime time = result.getObject(column, OffsetDateTime.class);
      return time == null ? null : time.toInstant();
    }
    if ("jsonb".equals(type)) {
      return result.getString(column);
    }
    Object value = result.getObject(column);
    if (value instanceof Array array) {
      return List.of((Object[]) array.getArray());
    }
    if (value instanceof Date date) {
      return date.toLocalDate();
    }
    return value;
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
