package io.patent2tech.connectors.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One JDBC connection for a long-lived lookup object, opened on first use and opened again after it
 * broke. Calls are serialized on it: the lookups it serves are single-row reads that cost far less
 * than the work they save, so a pool would add nothing but settings.
 */
final class ReconnectingConnection implements AutoCloseable {

  /** Work on the connection; it must be safe to run twice (it is retried once on a lost connection). */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final PostgresSettings settings;
  private Connection connection;

  ReconnectingConnection(PostgresSettings settings) {
    this.settings = settings;
  }

  /**
   * Runs the work. When the connection turns out to be lost (the server restarted, an idle
   * connection was cut) the work runs once more on a new one, so a database restart between two
   * calls costs no failed call; any other error, or a second failure, is thrown and the connection
   * is replaced on the next call.
   */
  synchronized <T> T call(Work<T> work) throws SQLException {
    try {
      return work.run(connection());
    } catch (SQLException e) {
      reset();
      if (!isConnectionLost(e)) {
        throw e;
      }
    }
    try {
      return work.run(connection());
    } catch (SQLException e) {
      reset();
      throw e;
    }
  }

  /** SQLSTATE class 08 (connection exception) or 57P01-57P03 (server shut down, cannot connect now). */
  static boolean isConnectionLost(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("57P0"));
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }
    return connection;
  }

  private void reset() {
    closeQuietly(connection);
    connection = null;
  }

  /**
   * Closes a connection that is thrown away (it failed, or its user closes); its close failing
   * changes nothing, so that is ignored.
   */
  static void closeQuietly(Connection connection) {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // see above
    }
  }

  @Override
  public synchronized void close() {
    reset();
  }
}
