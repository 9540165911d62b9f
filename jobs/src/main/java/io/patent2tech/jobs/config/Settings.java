package io.patent2tech.jobs.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.flink.util.TimeUtils;

/**
 * Resolved configuration of one command. Each key is looked up, first match wins, in
 * <ol>
 *   <li>the command line ({@code --key value} or {@code --key=value}),</li>
 *   <li>the environment ({@code P2T_KEY}, see {@link Setting#envName()}),</li>
 *   <li>the properties file given with {@code --config FILE} (or {@code P2T_CONFIG}),</li>
 *   <li>the default of the {@link Setting}.</li>
 * </ol>
 * A secret ({@link Setting.Kind#SECRET}) may instead name a file holding it, in the same order:
 * {@code --KEY-file FILE}, {@code P2T_..._FILE}, {@code KEY-file} in the properties file; the file's
 * content without its trailing line break is the value. Unknown options are an error, so a typo never
 * silently falls back to a default.
 */
public final class Settings {

  private final Map<String, Setting> known;
  private final Map<String, String> values;
  private final List<String> positional;

  private Settings(Map<String, Setting> known, Map<String, String> values, List<String> positional) {
    this.known = known;
    this.values = values;
    this.positional = positional;
  }

  /**
   * @param flags boolean options that take no value (e.g. {@code bounded}); given on the command
   *     line they mean "true"
   */
  public static Settings parse(List<Setting> settings, List<String> flags, String[] args,
      Map<String, String> env) {
    Map<String, Setting> known = new LinkedHashMap<>();
    for (Setting s : settings) {
      known.put(s.key(), s);
    }
    Map<String, Setting> fileOf = new LinkedHashMap<>();
    for (Setting s : settings) {
      if (s.isSecret()) {
        fileOf.put(s.key() + FILE_SUFFIX, s);
      }
    }
    Map<String, String> cli = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    String configFile = env.get("P2T_CONFIG");
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        positional.add(arg);
        continue;
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (name.equals("config")) {
        configFile = value != null ? value : requireValue(args, ++i, name);
        continue;
      }
      if (!known.containsKey(name) && !fileOf.containsKey(name)) {
        throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
      }
      if (value == null) {
        value = flags.contains(name) ? "true" : requireValue(args, ++i, name);
      }
      cli.put(name, value);
    }

    Properties file = new Properties();
    if (configFile != null) {
      try (Reader r = Files.newBufferedReader(Path.of(configFile), StandardCharsets.UTF_8)) {
        file.load(r);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read config file " + configFile + ": " + e.getMessage(), e);
      }
      for (String key : file.stringPropertyNames()) {
        if (!known.containsKey(key) && !fileOf.containsKey(key)) {
          throw new IllegalArgumentException("unknown key '" + key + "' in " + configFile + " (see --help)");
        }
      }
    }

    Map<String, String> values = new LinkedHashMap<>();
    for (Setting s : settings) {
      String v = cli.get(s.key());
      if (v == null && s.isSecret()) {
        v = readSecret(s, cli.get(s.key() + FILE_SUFFIX));
      }
      if (v == null) {
        v = env.get(s.envName());
      }
      if (v == null && s.isSecret()) {
        v = readSecret(s, env.get(s.envName() + "_FILE"));
      }
      if (v == null) {
        v = file.getProperty(s.key());
      }
      if (v == null && s.isSecret()) {
        v = readSecret(s, file.getProperty(s.key() + FILE_SUFFIX));
      }
      if (v == null) {
        v = s.defaultValue();
      } else if (!v.isBlank() && s.kind().problem(v) != null) {
        throw new IllegalArgumentException("--" + s.key() + " (" + s.envName() + ") "
            + s.kind().problem(v) + ", got '" + v + "'");
      }
      values.put(s.key(), v);
    }
    return new Settings(known, values, Collections.unmodifiableList(positional));
  }

  /**
   * The given settings from the environment and their defaults alone: what a benchmark or tool
   * without a command line of its own reads (P2T_KAFKA_BOOTSTRAP, ..., as `scripts/stack env`
   * prints them).
   */
  public static Settings fromEnvironment(Setting... settings) {
    return parse(List.of(settings), List.of(), new String[0], System.getenv());
  }

  /** What a secret's file option adds to its key: {@code --kafka.sasl-password-file}. */
  public static final String FILE_SUFFIX = "-file";

  /** The secret in {@code path} (null when no path is given); the message names the file, never its content. */
  private static String readSecret(Setting s, String path) {
    if (path == null || path.isBlank()) {
      return null;
    }
    try {
      String content = Files.readString(Path.of(path.strip()), StandardCharsets.UTF_8);
      return content.replaceFirst("\\R\\z", "");
    } catch (IOException e) {
      throw new IllegalArgumentException("--" + s.key() + FILE_SUFFIX + ": cannot read " + path.strip()
          + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Every setting with its value, one {@code key=value} a line, secrets as {@code ***}: what a
   * command logs at start, so that a run's log says what it ran with and nothing it must not.
   */
  public String effective() {
    StringBuilder sb = new StringBuilder();
    for (Setting s : known.values()) {
      String v = values.get(s.key());
      if (v != null) {
        sb.append("  ").append(s.key()).append('=').append(s.shown(v)).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * {@code args} with the values of secret options replaced by {@code ***}: for messages that
   * quote a command line.
   */
  public static String redactArgs(List<Setting> settings, String[] args) {
    java.util.Set<String> secret = new java.util.HashSet<>();
    for (Setting s : settings) {
      if (s.isSecret()) {
        secret.add(s.key());
      }
    }
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.startsWith("--") ? arg.substring(2) : null;
      int eq = name == null ? -1 : name.indexOf('=');
      if (name != null && eq >= 0 && secret.contains(name.substring(0, eq))) {
        shown.add("--" + name.substring(0, eq) + "=***");
      } else if (name != null && secret.contains(name) && i + 1 < args.length) {
        shown.add(arg);
        shown.add("***");
        i++;
      } else {
        shown.add(arg);
      }
    }
    return String.join(" ", shown);
  }

  private static String requireValue(String[] args, int i, String name) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException("option --" + name + " needs a value");
    }
    return args[i];
  }

  /** A command's settings: its own, then groups shared with other commands (e.g. {@link CommonSettings#RUNTIME}). */
  @SafeVarargs
  public static List<Setting> join(List<Setting>... groups) {
    List<Setting> all = new java.util.ArrayList<>();
    for (List<Setting> g : groups) {
      all.addAll(g);
    }
    return List.copyOf(all);
  }

  public List<String> positional() {
    return positional;
  }

  public String get(String key) {
    if (!known.containsKey(key)) {
      throw new IllegalStateException("no such setting: " + key);
    }
    return values.get(key);
  }

  public String require(String key) {
    String v = get(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("--" + key + " (or " + known.get(key).envName() + ") is required");
    }
    return v;
  }

  public int getInt(String key) {
    try {
      return Integer.parseInt(require(key).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be a whole number, got '" + get(key) + "'");
    }
  }

  public long getLong(String key) {
    try {
      return Long.parseLong(require(key).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be a whole number, got '" + get(key) + "'");
    }
  }

  public double getDouble(String key) {
    try {
      double d = Double.parseDouble(require(key).trim());
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be a number, got '" + get(key) + "'");
    }
  }

  public boolean getBoolean(String key) {
    String v = require(key).trim();
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("--" + key + " must be true or false, got '" + v + "'");
  }

  /** Durations as Flink writes them: "10 s", "500ms", "30 d", "1 min". */
  public Duration getDuration(String key) {
    try {
      return TimeUtils.parseDuration(require(key));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + key + " must be a duration like '10 s' or '30 d', got '"
          + get(key) + "'");
    }
  }

  /** The help text: one line per setting with its environment variable and default. */
  public static String describe(List<Setting> settings, List<String> flags) {
    StringBuilder sb = new StringBuilder();
    int width = settings.stream().mapToInt(s -> s.key().length()).max().orElse(10) + 4;
    for (Setting s : settings) {
      String opt = "--" + s.key() + (flags.contains(s.key()) ? "" : " " + s.kind().placeholder());
      sb.append("  ").append(String.format("%-" + (width + 2) + "s", opt)).append(s.help());
      sb.append("\n  ").append(" ".repeat(width + 2)).append("env ").append(s.envName());
      if (s.isSecret()) {
        sb.append(", or a file: --").append(s.key()).append(FILE_SUFFIX).append(" FILE, ")
            .append(s.envName()).append("_FILE");
      }
      if (s.defaultValue() != null) {
        sb.append(", default ").append(s.shown(s.defaultValue()));
      }
      sb.append('\n');
    }
    sb.append("  ").append(String.format("%-" + (width + 2) + "s", "--config FILE"))
        .append("properties file with any of the keys above (env P2T_CONFIG)\n");
    return sb.toString();
  }
}
