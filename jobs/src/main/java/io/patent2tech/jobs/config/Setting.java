package io.patent2tech.jobs.config;

import java.util.Locale;

/**
 * One configuration key: its name in a properties file and on the command line
 * ({@code --kafka.bootstrap}), its environment variable ({@code P2T_KAFKA_BOOTSTRAP} unless named
 * explicitly, as the evaluation's EVAL_* variables are), a default and a line of help.
 */
public record Setting(String key, String defaultValue, String help, String env) {

  public Setting(String key, String defaultValue, String help) {
    this(key, defaultValue, help, null);
  }

  /** {@code es.bulk.max-actions} -> {@code P2T_ES_BULK_MAX_ACTIONS}, or the explicit name. */
  public String envName() {
    if (env != null) {
      return env;
    }
    return "P2T_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
