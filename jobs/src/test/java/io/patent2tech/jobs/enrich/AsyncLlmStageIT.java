package io.patent2tech.jobs.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.connectors.llm.LlmProvider;
import io.patent2tech.connectors.llm.LlmChatClient;
import io.patent2tech.connectors.llm.LlmSettings;
import io.patent2tech.connectors.postgres.LlmAnswerCache;
import io.patent2tech.connectors.llm.ReplayLlmServer;
import io.patent2tech.connectors.postgres.PostgresSettings;
import io.patent2tech.jobs.LocalStack;
import io.patent2tech.udfs.eval.llm.AsyncLlmStage;
import io.patent2tech.udfs.eval.llm.LlmAnswers;
import io.patent2tech.udfs.eval.llm.LlmRequest;
import io.patent2tech.udfs.eval.llm.LlmOutcome;
import io.patent2tech.udfs.eval.llm.PromptLanguage;
import io.patent2tech.udfs.eval.llm.PromptTemplates;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The LLM stage on a MiniCluster against the replay server (OpenAI wire format, the real
 * langchain4j client) and the answer cache in a throw-away schema of the stack's PostgreSQL.
 * Inputs are {@code "id:contentHash"}; each asks one novelty question keyed by its hash, and the
 * output is {@code "id|status|cached|attempts"}.
 */
class AsyncLlmStageIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final String NOVEL =
      "{\"is_novel\": true, \"confidence\": 0.8, \"reasoning\": \"no reference shows the latch\","
          + " \"key_differences\": [\"latch\"]}";
  private static final int MAX_IN_FLIGHT = 4;
  private static final String SCHEMA =
      "p2t_it_llm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

  private static PostgresSettings postgres;
  private ReplayLlmServer server;

  @BeforeAll
  static void createSchema() throws Exception {
    postgres = LocalStack.migratedSchema(SCHEMA);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    LocalStack.dropSchema(SCHEMA);
  }

  @BeforeEach
  void startServer() throws Exception {
    server = new ReplayLlmServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void asksEachContentOnceWithBoundedConcurrencyAndServesRepeatsFromTheCache() throws Exception {
    server.otherwise(ReplayLlmServer.slow(Duration.ofMillis(150), NOVEL));
    List<String> distinct = inputs("a", 20, 0);

    List<String> first = run(distinct, 60_000);

    assertThat(first).hasSize(20).allMatch(out -> out.endsWith("|ok|false|1"));
    assertThat(ids(first)).isEqualTo(ids(distinct));
    assertThat(server.requestCount()).isEqualTo(20);
    assertThat(server.maxConcurrentRequests()).isBetween(2, MAX_IN_FLIGHT);
    assertThat(cachedRows()).isEqualTo(20);

    // the same inputs again, plus 5 new inputs whose content repeats earlier ones
    List<String> again = new ArrayList<>(distinct);
    again.addAll(inputs("dup", 5, 3));

    List<String> second = run(again, 60_000);

    assertThat(second).hasSize(25).allMatch(out -> out.endsWith("|ok|true|0"));
    assertThat(ids(second)).isEqualTo(ids(again));
    assertThat(server.requestCount()).as("no request in the second run").isEqualTo(20);
    assertThat(cachedRows()).isEqualTo(20);
  }

  @Test
  void aRateLimitThenSuccessStillGivesOkOutcomes() throws Exception {
    server
        .script(ReplayLlmServer.status(429, "0"), ReplayLlmServer.status(429))
        .otherwise(ReplayLlmServer.answer(NOVEL));
    List<String> inputs = inputs("rl", 3, 100);

    List<String> out = run(inputs, 60_000);

    assertThat(out).hasSize(3).allMatch(o -> o.endsWith("|ok|false|1"));
    assertThat(server.requestCount()).isEqualTo(3 + 2);
  }

  @Test
  void anInputPastTheStageTimeoutIsRecordedAsTimedOutAndTheJobGoesOn() throws Exception {
    server.otherwise(ReplayLlmServer.slow(Duration.ofSeconds(3), NOVEL));
    List<String> inputs = inputs("slow", 2, 200);

    List<String> out = run(inputs, 500);

    assertThat(out).hasSize(2).allMatch(o -> o.endsWith("|timeout|false|0"));
  }

  private List<String> run(List<String> inputs, long timeoutMs) throws Exception {
    LlmSettings llm =
        LlmSettings.of(LlmProvider.OPENAI, server.openAiBaseUrl(), "replay-model")
            .withTimeout(Duration.ofSeconds(10))
            .withRetries(3, Duration.ofMillis(20))
            .withRequestsPerSecond(1000);
    AsyncLlmStage<String, String> stage =
        new AsyncLlmStage<>(
            LlmChatClient.factory(llm),
            llm.model(),
            LlmAnswerCache.factory(postgres),
            MAX_IN_FLIGHT,
            timeoutMs,
            AsyncLlmStageIT::noveltyQuestion,
            AsyncLlmStageIT::describe,
            Types.STRING);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    List<String> out = new ArrayList<>();
    try (CloseableIterator<String> it =
        AsyncLlmStage.apply(env.fromData(inputs), stage).executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  private static List<LlmRequest<?>> noveltyQuestion(String input) {
    String hash = input.substring(input.indexOf(':') + 1);
    return List.of(
        new LlmRequest<>(
            PromptTemplates.NOVELTY,
            hash,
            PromptTemplates.novelty(
                PromptLanguage.EN,
                "A lid with a latch, content " + hash,
                List.of(),
                List.of()),
            LlmAnswers::parseNovelty));
  }

  private static String describe(String input, List<LlmOutcome<?>> outcomes) {
    LlmOutcome<?> o = outcomes.get(0);
    return input.substring(0, input.indexOf(':'))
        + "|" + o.status().wireName() + "|" + o.cached() + "|" + o.attempts();
  }

  /** {@code count} inputs "prefix-i:hash-(firstHash + i)". */
  private static List<String> inputs(String prefix, int count, int firstHash) {
    return IntStream.range(0, count)
        .mapToObj(i -> prefix + "-" + i + ":hash-" + (firstHash + i))
        .collect(Collectors.toList());
  }

  private static List<String> ids(List<String> values) {
    return values.stream().map(v -> v.split("[|:]")[0]).sorted().collect(Collectors.toList());
  }

  private static long cachedRows() throws Exception {
    try (Connection c =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM llm_answer_cache")) {
      rs.next();
      return rs.getLong(1);
    }
  }


}
