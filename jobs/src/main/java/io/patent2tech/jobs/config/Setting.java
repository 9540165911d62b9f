package io.patent2tech.jobs.config;

import java.util.Locale;

/**
 * One configuration key: its name in a properties file and on the command line
 * ({@code --kafka.bootstrap}), its environment variable ({@code P2T_KAFKA_BOOTSTRAP}), a default
 * and a line of help.
 */
public record Setting(String key, String defaultValue, String help) {

  /** {@code es.bulk.max-actions} -> {@code P2T_ES_BULK_MAX_ACTIONS}. */
  public String envName() {
    return "P2T_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
