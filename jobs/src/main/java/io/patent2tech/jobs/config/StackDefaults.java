package io.patent2tech.jobs.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The local stack's settings as {@code infra/stack.defaults} declares them (the jar carries a copy):
 * ports, the PostgreSQL account and database. {@code scripts/stack} starts the services with the same
 * file, so a job's connection settings default to the stack a user starts without options, and the
 * two cannot drift apart.
 */
public final class StackDefaults {

  private static final String RESOURCE = "stack.defaults";
  private static final Properties VALUES = read();

  private StackDefaults() {}

  /** {@code localhost:9092}: the stack's Kafka broker. */
  public static String kafkaBootstrap() {
    return "localhost:" + get("P2T_KAFKA_PORT");
  }

  /** {@code http://localhost:9200}: the stack's Elasticsearch. */
  public static String elasticsearchUrl() {
    return "http://localhost:" + get("P2T_ES_PORT");
  }

  /** {@code jdbc:postgresql://localhost:5432/patent2tech}: the stack's database. */
  public static String postgresUrl() {
    return "jdbc:postgresql://localhost:" + get("P2T_PG_PORT") + "/" + get("P2T_PG_DB");
  }

  /** The stack's schema registry, its Confluent-compatible API (scripts/stack env: P2T_REGISTRY_URL). */
  public static String registryUrl() {
    return "http://localhost:" + get("P2T_REGISTRY_PORT") + "/apis/ccompat/v7";
  }

  public static String postgresUser() {
    return get("P2T_PG_USER");
  }

  public static String postgresPassword() {
    return get("P2T_PG_PASSWORD");
  }

  /** The value of one variable of the file, e.g. {@code P2T_KAFKA_PORT}. */
  public static String get(String name) {
    String value = VALUES.getProperty(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(name + " has no value in infra/stack.defaults");
    }
    return value;
  }

  private static Properties read() {
    // NAME=value lines without quoting or escapes, which java.util.Properties reads as they are
    try (InputStream in = StackDefaults.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar (built from infra/"
            + RESOURCE + ")");
      }
      Properties values = new Properties();
      values.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
