package io.patent2tech.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The jobs and scripts/stack read the local stack's settings from one file, infra/stack.defaults:
 * the jobs' connection defaults are what `scripts/stack env` prints for a stack started without
 * options, and the Elasticsearch defaults of the jobs are those of the connector.
 */
class StackDefaultsTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @Test
  void jobConnectionDefaultsAreWhatTheStackScriptPrints() throws Exception {
    Map<String, String> stackEnv = stackEnv(Map.of());
    Settings defaults = Settings.parse(List.of(CommonSettings.KAFKA_BOOTSTRAP, CommonSettings.ES_URL,
        CommonSettings.PG_URL, CommonSettings.PG_USER, CommonSettings.PG_PASSWORD), List.of(),
        new String[0], Map.of());

    assertThat(defaults.get("kafka.bootstrap")).isEqualTo(stackEnv.get("P2T_KAFKA_BOOTSTRAP"));
    assertThat(defaults.get("es.url")).isEqualTo(stackEnv.get("P2T_ES_URL"));
    assertThat(defaults.get("pg.url")).isEqualTo(stackEnv.get("P2T_PG_URL"));
    assertThat(defaults.get("pg.user")).isEqualTo(stackEnv.get("P2T_PG_USER"));
    assertThat(defaults.get("pg.password")).isEqualTo(stackEnv.get("P2T_PG_PASSWORD"));
    // every value the file declares reaches the script (a name the script no longer prints would
    // be a setting nobody reads)
    for (String name : List.of("P2T_KAFKA_PORT", "P2T_ES_PORT", "P2T_PG_PORT", "P2T_PG_DB",
        "P2T_FLINK_PORT", "P2T_KAFKA_VERSION", "P2T_ES_VERSION", "P2T_FLINK_VERSION")) {
      assertThat(stackEnv.get(name)).as(name).isEqualTo(StackDefaults.get(name));
    }
  }

  @Test
  void theEnvironmentStillOverridesTheFile() throws Exception {
    Map<String, String> stackEnv = stackEnv(Map.of("P2T_ES_PORT", "19200"));

    assertThat(stackEnv.get("P2T_ES_URL")).isEqualTo("http://localhost:19200");
    assertThat(stackEnv.get("P2T_KAFKA_PORT")).isEqualTo(StackDefaults.get("P2T_KAFKA_PORT"));
  }

  @Test
  void elasticsearchDefaultsAreDeclaredOnceInTheConnector() {
    Settings defaults = Settings.parse(CommonSettings.secured(List.of(CommonSettings.ES_URL, CommonSettings.ES_ALIAS,
            CommonSettings.ES_BULK_MAX_ACTIONS, CommonSettings.ES_BULK_MAX_BYTES, CommonSettings.ES_MAX_RETRIES,
            CommonSettings.ES_INITIAL_BACKOFF, CommonSettings.ES_UNAVAILABLE_TIMEOUT)),
        List.of(), new String[0], Map.of());

    assertThat(CommonSettings.elasticsearch(defaults)).isEqualTo(
        ElasticsearchSettings.defaults(StackDefaults.elasticsearchUrl(), ElasticsearchSettings.DEFAULT_ALIAS));
  }

  /** What `scripts/stack env` prints, run with none of the caller's P2T_* variables but {@code env}. */
  private static Map<String, String> stackEnv(Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", REPO.resolve("scripts/stack").toString(), "env");
    pb.environment().keySet().removeIf(name -> name.startsWith("P2T_"));
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Process process = pb.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = process.getInputStream()) {
      in.transferTo(out);
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isZero();
    Map<String, String> values = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("export ")) {
        String assignment = line.substring("export ".length());
        int eq = assignment.indexOf('=');
        values.put(assignment.substring(0, eq), unquote(assignment.substring(eq + 1)));
      }
    }
    return values;
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
        ? value.substring(1, value.length() - 1) : value;
  }
}
