package io.patent2tech.jobs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import io.patent2tech.connectors.http.CapturedLogs;
import io.patent2tech.jobs.CountsCommand;
import io.patent2tech.jobs.LocalStack;
import io.patent2tech.jobs.Main;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.enrich.EnrichJob;

/**
 * Distinctive secrets for every connection (the Kafka SCRAM password, the Elasticsearch password,
 * the PostgreSQL password, the chat model's key) go through a command whose connection fails, and
 * through the job graph Flink names its metrics after; none of them may show up in a log line, an
 * exception, stdout or a metric scope. The dead letters are searched in {@link SecureKafkaIT}.
 */
class SecretsStayOutIT {

  private static final String RUN = LocalStack.runName("secrets");
  private static final String KAFKA_SECRET = "kafka-" + RUN + "-Zq1";
  private static final String ES_SECRET = "es-" + RUN + "-Wx2";
  private static final String PG_SECRET = "pg-" + RUN + "-Vy3";
  private static final String LLM_SECRET = "llm-" + RUN + "-Ux4";
  private static final List<String> SECRETS = List.of(KAFKA_SECRET, ES_SECRET, PG_SECRET, LLM_SECRET);
  /** Where the services and the clients we configure log. */
  private static final List<String> LOGGERS =
      List.of("io.patent2tech", "org.apache.kafka", "org.apache.flink", "org.postgresql", "org.elasticsearch");

  /** The enrich job's options with every secret set; Kafka through the secure listener. */
  private static String[] enrich(String kafkaPassword) {
    return new String[] {
        "--kafka.bootstrap", LocalStack.KAFKA_SECURE, "--registry.url", LocalStack.REGISTRY, "--kafka.security-protocol", "SASL_SSL",
        "--kafka.sasl-username", LocalStack.KAFKA_SCRAM_USER, "--kafka.sasl-password", kafkaPassword,
        "--kafka.ssl-truststore", LocalStack.KAFKA_CA_FILE,
        "--topic.normalized", RUN + ".normalized", "--topic.enriched", RUN + ".enriched", "--topic.dlq", RUN + ".dlq",
        "--es.url", LocalStack.ES, "--es.username", "elastic", "--es.password", ES_SECRET,
        "--es.alias", RUN + "-patents", "--pg.url", LocalStack.pgUrlInSchema(RUN), "--pg.password", PG_SECRET,
        "--llm.api-key", LLM_SECRET};
  }

  private static List<CapturedLogs> capture() {
    List<CapturedLogs> logs = new ArrayList<>();
    LOGGERS.forEach(name -> logs.add(new CapturedLogs(name)));
    return logs;
  }

  private static String release(List<CapturedLogs> logs) {
    StringBuilder all = new StringBuilder();
    for (CapturedLogs l : logs) {
      l.lines().forEach(line -> all.append(line).append('\n'));
      l.close();
    }
    return all.toString();
  }

  private static void assertNoSecretIn(String what, String text) {
    for (String secret : SECRETS) {
      assertThat(text).as("%s must not hold a secret", what).doesNotContain(secret);
    }
  }

  @Test
  void aJobWhoseKafkaLoginFailsNamesNoSecret() throws Exception {
    List<CapturedLogs> logs = capture();
    Throwable failure;
    try {
      // through Main, which logs the settings it runs with
      List<String> args = new ArrayList<>(List.of("enrich"));
      args.addAll(List.of(enrich(KAFKA_SECRET)));
      failure = catchThrowable(() -> Main.main(args.toArray(String[]::new)));
    } finally {
      String logged = release(logs);
      assertThat(logged).as("the Kafka clients logged their start").contains("SASL_SSL");
      assertThat(logged).as("Main logged the settings").contains("kafka.sasl-password=***", "pg.password=***");
      assertNoSecretIn("the logs", logged);
    }
    assertThat(failure).isNotNull();
    assertThat(Secrets.describe(failure)).contains("Authentication failed");
    assertNoSecretIn("the failure", Secrets.describe(failure));
  }

  @Test
  void theSettingsACommandLogsAtStartShowSecretsAsStars() {
    Settings s = Settings.parse(EnrichJob.SETTINGS, EnrichJob.FLAGS, enrich(KAFKA_SECRET), Map.of());
    String effective = s.effective();
    assertThat(effective).contains("kafka.sasl-password=***", "es.password=***", "pg.password=***",
        "llm.api-key=***", "es.username=elastic");
    assertNoSecretIn("the effective settings", effective);
  }

  @Test
  void aCommandWhosePostgresLoginFailsNamesNoSecret() throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    List<CapturedLogs> logs = capture();
    Throwable failure;
    try {
      failure = catchThrowable(() -> CountsCommand.run(Settings.parse(CountsCommand.SETTINGS, List.of(), new String[] {
          "--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY, "--topic.normalized", RUN + ".a", "--topic.links", RUN + ".b",
          "--topic.enriched", RUN + ".c", "--topic.models3d", RUN + ".d", "--topic.dlq", RUN + ".e",
          "--es.url", LocalStack.ES, "--es.username", "elastic", "--es.password", ES_SECRET,
          "--es.alias", RUN + "-none", "--pg.url", LocalStack.PG_URL, "--pg.password", PG_SECRET}, Map.of()),
          new PrintStream(stdout, true, StandardCharsets.UTF_8)));
    } finally {
      assertNoSecretIn("the logs", release(logs));
    }
    assertThat(failure).isNotNull();
    assertThat(Secrets.describe(failure)).contains("password authentication failed");
    assertNoSecretIn("the failure", Secrets.describe(failure));
    assertNoSecretIn("stdout", stdout.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theJobGraphFlinkNamesMetricsAfterHoldsNoSecret() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    EnrichJob.build(env, Settings.parse(EnrichJob.SETTINGS, EnrichJob.FLAGS, enrich(KAFKA_SECRET), Map.of()));
    StreamGraph graph = env.getStreamGraph();
    StringBuilder scopes = new StringBuilder(graph.getJobName()).append('\n');
    for (StreamNode node : graph.getStreamNodes()) {
      scopes.append(node.getOperatorName()).append(' ').append(node.getTransformationUID()).append('\n');
    }
    scopes.append(env.getConfig().toString()).append(env.getConfiguration().toString());
    assertThat(graph.getStreamNodes()).isNotEmpty();
    assertNoSecretIn("operator names, uids and the job configuration", scopes.toString());
  }
}
