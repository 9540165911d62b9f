package io.patent2tech.connectors.postgres;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the landing schema up to date with the Flyway migrations the connectors jar carries
 * (infra/postgres/migrations, packaged as classpath {@code db/migration}). Safe to run on every
 * job start and from several processes at once: Flyway applies each migration once and takes a
 * lock while it does.
 */
public final class PostgresMigrations {

  static final String LOCATION = "classpath:db/migration";

  private PostgresMigrations() {}

  public static void migrate(PostgresSettings settings) {
    MigrateResult result = Flyway.configure(PostgresMigrations.class.getClassLoader())
        .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
        .locations(LOCATION)
        .failOnMissingLocations(true)
        .load()
        .migrate();
    if (!result.success) {
      throw new IllegalStateException("PostgreSQL migrations failed on " + settings.endpoint() + ": "
          + String.join("; ", result.warnings));
    }
  }
}
