package io.patent2tech.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresMigrationsIT {

  private PostgresTestDatabase database;

  @BeforeEach
  void createSchema() throws SQLException {
    database = new PostgresTestDatabase();
  }

  @AfterEach
  void dropSchema() throws SQLException {
    database.close();
  }

  @Test
  void createsTheLandingTablesFromTheClasspath() throws SQLException {
    PostgresMigrations.migrate(database.settings());

    assertThat(strings("SELECT table_name FROM information_schema.tables "
            + "WHERE table_schema = current_schema() ORDER BY table_name"))
        .containsExactly("citations", "claims", "classifications", "collection_runs", "dead_letters", "figures",
            "flyway_schema_history", "llm_answer_cache", "models_3d", "parties", "patent_analyses", "patent_evaluations",
            "patent_link_ends", "patent_links", "patents", "related_documents");
    assertThat(strings("SELECT routine_name FROM information_schema.routines "
            + "WHERE routine_schema = current_schema() ORDER BY routine_name"))
        .containsExactly("p2t_family", "p2t_localized_text", "p2t_text_array", "p2t_upsert_enrichment",
            "p2t_upsert_link", "p2t_upsert_model3d", "p2t_upsert_patent");
  }

  @Test
  void runningAgainAppliesNothing() throws SQLException {
    PostgresMigrations.migrate(database.settings());
    PostgresMigrations.migrate(database.settings());

    assertThat(strings("SELECT coalesce(version, 'R') || ' ' || description FROM flyway_schema_history "
            + "WHERE success ORDER BY installed_rank"))
        .containsExactly("1 patents", "2 llm answer cache", "3 enrichment", "4 collection runs", "5 patent links",
            "6 models 3d", "R p2t upsert enrichment", "R p2t upsert link", "R p2t upsert model3d",
            "R p2t upsert patent");
  }

  private List<String> strings(String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (result.next()) {
        values.add(result.getString(1));
      }
      return values;
    }
  }
}
