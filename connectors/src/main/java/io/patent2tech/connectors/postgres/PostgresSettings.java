package io.patent2tech.connectors.postgres;

import java.io.Serializable;
import java.util.Objects;

/** Where the landing database is and how to log in. */
public record PostgresSettings(String jdbcUrl, String user, String password) implements Serializable {

  public PostgresSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
  }

  /** Keeps the password out of logs and exception messages. */
  @Override
  public String toString() {
    return "PostgresSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
  }
}
