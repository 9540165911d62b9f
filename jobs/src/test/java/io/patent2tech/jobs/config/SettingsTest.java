package io.patent2tech.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  private static final Setting HOST = new Setting("kafka.bootstrap", "localhost:9092", "h");
  private static final Setting INTERVAL = new Setting("checkpoint.interval", "10 s", "i");
  private static final Setting BOUNDED = new Setting("bounded", "false", "b");
  private static final List<Setting> ALL = List.of(HOST, INTERVAL, BOUNDED);

  @Test
  void commandLineBeatsEnvironmentBeatsFileBeatsDefault(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p2t.properties");
    Files.writeString(file, "kafka.bootstrap=file:1\ncheckpoint.interval=3 s\n");

    Settings fromFile = Settings.parse(ALL, List.of("bounded"), new String[] {"--config", file.toString()}, Map.of());
    assertThat(fromFile.get("kafka.bootstrap")).isEqualTo("file:1");
    assertThat(fromFile.getDuration("checkpoint.interval")).isEqualTo(Duration.ofSeconds(3));

    Settings fromEnv = Settings.parse(ALL, List.of("bounded"), new String[] {"--config", file.toString()},
        Map.of("P2T_KAFKA_BOOTSTRAP", "env:2"));
    assertThat(fromEnv.get("kafka.bootstrap")).isEqualTo("env:2");

    Settings fromCli = Settings.parse(ALL, List.of("bounded"),
        new String[] {"--kafka.bootstrap=cli:3", "--bounded", "in.zip"}, Map.of("P2T_KAFKA_BOOTSTRAP", "env:2"));
    assertThat(fromCli.get("kafka.bootstrap")).isEqualTo("cli:3");
    assertThat(fromCli.getBoolean("bounded")).isTrue();
    assertThat(fromCli.positional()).containsExactly("in.zip");
    assertThat(fromCli.getDuration("checkpoint.interval")).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void typosAndBadValuesAreErrorsNotDefaults(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> Settings.parse(ALL, List.of(), new String[] {"--kafka.bootstap", "x"}, Map.of()))
        .hasMessageContaining("unknown option --kafka.bootstap");
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "kafka.bootstap=x\n");
    assertThatThrownBy(() -> Settings.parse(ALL, List.of(), new String[] {"--config", file.toString()}, Map.of()))
        .hasMessageContaining("unknown key 'kafka.bootstap'");
    Settings s = Settings.parse(ALL, List.of(), new String[] {"--checkpoint.interval", "soon"}, Map.of());
    assertThatThrownBy(() -> s.getDuration("checkpoint.interval")).hasMessageContaining("duration");
    assertThatThrownBy(() -> Settings.parse(ALL, List.of(), new String[] {"--kafka.bootstrap"}, Map.of()))
        .hasMessageContaining("needs a value");
  }

  @Test
  void typedSettingsRefuseABadValueAtStartNamingWhereItCameFrom() {
    List<Setting> typed = List.of(Setting.wholeNumber("parallelism", 2L, "p"),
        Setting.duration("restart.delay", Duration.ofSeconds(1), "d"), Setting.bool("watch", false, "w"),
        Setting.number("eval.min-similarity", 0.6, "m").withEnv("EVAL_MIN_SIMILARITY"));

    assertThatThrownBy(() -> Settings.parse(typed, List.of(), new String[] {"--parallelism", "two"}, Map.of()))
        .hasMessage("--parallelism (P2T_PARALLELISM) must be a whole number, got 'two'");
    assertThatThrownBy(() -> Settings.parse(typed, List.of(), new String[0], Map.of("P2T_RESTART_DELAY", "soon")))
        .hasMessageContaining("--restart.delay (P2T_RESTART_DELAY) must be a duration");
    assertThatThrownBy(() -> Settings.parse(typed, List.of(), new String[0], Map.of("EVAL_MIN_SIMILARITY", "high")))
        .hasMessageContaining("must be a number");
    assertThatThrownBy(() -> Settings.parse(typed, List.of(), new String[] {"--watch", "yes"}, Map.of()))
        .hasMessageContaining("must be true or false");

    Settings good = Settings.parse(typed, List.of(), new String[] {"--restart.delay", "250ms"}, Map.of());
    assertThat(good.getDuration("restart.delay")).isEqualTo(Duration.ofMillis(250));
    assertThat(good.getInt("parallelism")).isEqualTo(2);
    assertThat(Settings.describe(typed, List.of())).contains("--parallelism N", "--restart.delay DURATION",
        "default 1 s", "--watch true|false", "--eval.min-similarity X", "EVAL_MIN_SIMILARITY");
  }

  @Test
  void aTypedDefaultMustBeOfItsKindAndReadsAsHelpWritesIt() {
    assertThatThrownBy(() -> new Setting("parallelism", "two", "p", null, Setting.Kind.WHOLE_NUMBER))
        .hasMessageContaining("default of parallelism must be a whole number");
    assertThat(Setting.duration("d", Duration.ofDays(30), "").defaultValue()).isEqualTo("30 d");
    assertThat(Setting.duration("d", Duration.ofMinutes(10), "").defaultValue()).isEqualTo("10 min");
    assertThat(Setting.duration("d", Duration.ofSeconds(90), "").defaultValue()).isEqualTo("90 s");
    assertThat(Setting.duration("d", Duration.ofMillis(200), "").defaultValue()).isEqualTo("200 ms");
  }

  @Test
  void environmentNamesFollowKeys() {
    assertThat(new Setting("es.bulk.max-actions", null, "").envName()).isEqualTo("P2T_ES_BULK_MAX_ACTIONS");
    assertThat(new Setting("eval.novelty-threshold", "0.7", "", "EVAL_NOVELTY_THRESHOLD").envName())
        .isEqualTo("EVAL_NOVELTY_THRESHOLD");
  }

  @Test
  void helpListsEveryOptionWithItsVariableAndDefault() {
    String help = Settings.describe(ALL, List.of("bounded"));
    assertThat(help).contains("--kafka.bootstrap V", "P2T_KAFKA_BOOTSTRAP", "default localhost:9092",
        "--bounded ", "--config FILE");
  }
}
