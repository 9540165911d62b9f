package io.patent2tech.jobs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.patent2tech.connectors.postgres.PostgresMigrations;
import io.patent2tech.connectors.postgres.PostgresSettings;

/**
 * Where the integration tests find the services of {@code scripts/stack up}: the same P2T_*
 * variables the jobs read, with the stack's defaults. Also the clean-up every test run needs,
 * since each run works in topics, aliases and schemas of its own.
 */
public final class LocalStack {

  public static final String KAFKA = env("P2T_KAFKA_BOOTSTRAP", "localhost:9092");
  public static final String ES = env("P2T_ES_URL", "http://localhost:9200").replaceAll("/+$", "");
  public static final String PG_URL = env("P2T_PG_URL", "jdbc:postgresql://localhost:5432/patent2tech");
  public static final String PG_USER = env("P2T_PG_USER", "patent2tech");
  public static final String PG_PASSWORD = env("P2T_PG_PASSWORD", "patent2tech");

  private LocalStack() {}

  /** A name unique to this test run, usable as topic prefix, alias prefix and schema name. */
  public static String runName(String prefix) {
    return prefix + System.currentTimeMillis();
  }

  /** The JDBC URL whose connections work in {@code schema} only. */
  public static String pgUrlInSchema(String schema) {
    return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  public static void createSchema(String schema) throws Exception {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement st = c.createStatement()) {
      st.execute("create schema " + schema);
    }
  }

  /**
   * Creates {@code schema} and applies the Flyway migrations in it.
   *
   * @return settings whose connections work in that schema only
   */
  public static PostgresSettings migratedSchema(String schema) throws Exception {
    createSchema(schema);
    PostgresSettings settings = new PostgresSettings(pgUrlInSchema(schema), PG_USER, PG_PASSWORD);
    PostgresMigrations.migrate(settings);
    return settings;
  }

  public static void dropSchema(String schema) throws Exception {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement st = c.createStatement()) {
      st.execute("drop schema if exists " + schema + " cascade");
    }
  }

  public static void deleteTopics(List<String> topics) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    try (Admin admin = Admin.create(props)) {
      admin.deleteTopics(topics).all().get();
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
