package io.patent2tech.jobs.config;

import java.time.Duration;
import java.util.Locale;
import org.apache.flink.util.TimeUtils;

/**
 * One configuration key: its name in a properties file and on the command line
 * ({@code --kafka.bootstrap}), its environment variable ({@code P2T_KAFKA_BOOTSTRAP} unless named
 * explicitly, as the evaluation's EVAL_* variables are), a default, a line of help, and the kind of
 * value it takes. {@link Settings#parse} checks every given value against its kind, so a mistyped
 * value fails at start with the option's name, not later inside a running job.
 */
public record Setting(String key, String defaultValue, String help, String env, Kind kind) {

  /** What a value must look like; {@link #TEXT} takes anything. */
  public enum Kind {
    TEXT("V"),
    WHOLE_NUMBER("N"),
    NUMBER("X"),
    BOOLEAN("true|false"),
    DURATION("DURATION"),
    /**
     * A password or key: any text, but printed as {@code ***} wherever settings are shown (--help,
     * the effective settings a command logs at start), and also read from a file, {@code
     * --KEY-file FILE} or {@code P2T_..._FILE}, so that it need not sit in argv or the environment
     * (a Kubernetes Secret mounted as a file, docs/security.md).
     */
    SECRET("SECRET");

    /** How --help shows the value. */
    private final String placeholder;

    Kind(String placeholder) {
      this.placeholder = placeholder;
    }

    public String placeholder() {
      return placeholder;
    }

    /** Why {@code value} is not of this kind, or null when it is. */
    String problem(String value) {
      String v = value.trim();
      switch (this) {
        case WHOLE_NUMBER:
          try {
            Long.parseLong(v);
            return null;
          } catch (NumberFormatException e) {
            return "must be a whole number";
          }
        case NUMBER:
          try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? null : "must be a finite number";
          } catch (NumberFormatException e) {
            return "must be a number";
          }
        case BOOLEAN:
          return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? null
              : "must be true or false";
        case DURATION:
          try {
            TimeUtils.parseDuration(v);
            return null;
          } catch (IllegalArgumentException e) {
            return "must be a duration like '10 s', '500 ms' or '30 d'";
          }
        default:
          return null;
      }
    }
  }

  public Setting {
    if (kind == null) {
      kind = Kind.TEXT;
    }
    if (defaultValue != null && kind.problem(defaultValue) != null) {
      throw new IllegalArgumentException("default of " + key + " " + kind.problem(defaultValue)
          + ", got '" + defaultValue + "'");
    }
  }

  public Setting(String key, String defaultValue, String help, String env) {
    this(key, defaultValue, help, env, Kind.TEXT);
  }

  public Setting(String key, String defaultValue, String help) {
    this(key, defaultValue, help, null, Kind.TEXT);
  }

  /** A whole-number setting; {@code defaultValue} null for none. */
  public static Setting wholeNumber(String key, Long defaultValue, String help) {
    return new Setting(key, defaultValue == null ? null : defaultValue.toString(), help, null,
        Kind.WHOLE_NUMBER);
  }

  public static Setting number(String key, double defaultValue, String help) {
    return new Setting(key, write(defaultValue), help, null, Kind.NUMBER);
  }

  /** A number as --help writes it and the parser reads it back: 0.3 as "0.3", 10.0 as "10". */
  public static String write(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value)
        ? String.valueOf((long) value) : String.valueOf(value);
  }

  public static Setting bool(String key, boolean defaultValue, String help) {
    return new Setting(key, Boolean.toString(defaultValue), help, null, Kind.BOOLEAN);
  }

  /** A duration setting, its default written the way --help shows durations ("10 s", "200 ms"). */
  public static Setting duration(String key, Duration defaultValue, String help) {
    return new Setting(key, defaultValue == null ? null : format(defaultValue), help, null,
        Kind.DURATION);
  }

  /** A password or key; see {@link Kind#SECRET}. */
  public static Setting secret(String key, String defaultValue, String help) {
    return new Setting(key, defaultValue, help, null, Kind.SECRET);
  }

  public boolean isSecret() {
    return kind == Kind.SECRET;
  }

  /** What may be shown of {@code value}: {@code ***} for a secret that is set. */
  public String shown(String value) {
    return isSecret() && value != null && !value.isEmpty() ? "***" : value;
  }

  /** The same setting read from another environment variable (the seed's EVAL_* names). */
  public Setting withEnv(String variable) {
    return new Setting(key, defaultValue, help, variable, kind);
  }

  /** {@code es.bulk.max-actions} -> {@code P2T_ES_BULK_MAX_ACTIONS}, or the explicit name. */
  public String envName() {
    if (env != null) {
      return env;
    }
    return "P2T_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The largest unit that writes the duration exactly: 30 d, 10 min, 60 s, 200 ms. */
  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0 s";
    }
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1000L};
    String[] units = {"d", "h", "min", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (ms % sizes[i] == 0) {
        return ms / sizes[i] + " " + units[i];
      }
    }
    return ms + " ms";
  }
}
