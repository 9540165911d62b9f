package io.patent2tech.connectors.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What earlier collect jobs finished, from collection_runs: per office the publication-day windows
 * of runs with status 'finished'. Read once when a collect job starts, so a new job (a backfill
 * over days already collected, or a redeployment without a checkpoint) fetches no day twice.
 */
public final class CollectionRunHistory {

  private CollectionRunHistory() {}

  /** A finished run's window, with the filter (query) it was collected under, or null. */
  public record FinishedWindow(String office, String query, LocalDate from, LocalDate to) {
    /** Whether it counts for a schedule with {@code filter}: only a window collected under the same filter does. */
    public boolean covers(String office, String filter) {
      return this.office.equals(office) && java.util.Objects.equals(this.query, filter);
    }
  }

  /** The finished windows, oldest first; empty before the first run. */
  public static List<FinishedWindow> finishedWindows(PostgresSettings settings) throws SQLException {
    List<FinishedWindow> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        Statement st = c.createStatement()) {
      try (ResultSet exists = st.executeQuery("select to_regclass('collection_runs') is not null")) {
        exists.next();
        if (!exists.getBoolean(1)) {
          return out;
        }
      }
      try (ResultSet rs = st.executeQuery("select office, query, window_from, window_to from collection_runs "
          + "where status = 'finished' order by window_from")) {
        while (rs.next()) {
          out.add(new FinishedWindow(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
              rs.getDate(4).toLocalDate()));
        }
      }
    }
    return out;
  }
}
