package io.patent2tech.bench;

import io.patent2tech.connectors.llm.LlmProvider;
import io.patent2tech.connectors.llm.LlmChatClient;
import io.patent2tech.connectors.llm.LlmSettings;
import io.patent2tech.connectors.postgres.LlmAnswerCache;
import io.patent2tech.connectors.postgres.PostgresMigrations;
import io.patent2tech.connectors.postgres.PostgresSettings;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.udfs.eval.llm.AsyncLlmStage;
import io.patent2tech.udfs.eval.llm.LlmAnswers;
import io.patent2tech.udfs.eval.llm.LlmRequest;
import io.patent2tech.udfs.eval.llm.LlmOutcome;
import io.patent2tech.udfs.eval.llm.PromptLanguage;
import io.patent2tech.udfs.eval.llm.PromptTemplates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.accumulators.LongMinimum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The LLM stage's throughput at 1, 8 and 32 requests in flight (issue 3, point 12): {@link
 * AsyncLlmStage} on a local MiniCluster (parallelism 1) over {@code N} inputs, each asking one
 * novelty question about its own content hash, against {@link FixedLatencyChatServer} (a model
 * server with a fixed latency and unlimited parallelism), with the answer cache in a throw-away
 * schema of the stack's PostgreSQL (Flyway migrations applied, dropped at the end).
 *
 * <p>Each in-flight setting gets its own content hashes, so none is answered from the cache; a last
 * run repeats the 32-in-flight inputs, which are then all cache hits and must reach the server zero
 * times. Timed inside the job, from the first input entering the stage to the last output leaving
 * it (System.nanoTime: the MiniCluster runs in this JVM), so the MiniCluster's start and stop are
 * left out. A small warm-up run comes first. Every output must be an OK outcome, or the run fails.
 *
 * <p>Usage: {@code LlmStageBenchmark OUT_MD N LATENCY_MS}; Postgres from P2T_PG_URL, P2T_PG_USER,
 * P2T_PG_PASSWORD.
 */
public final class LlmStageBenchmark {

  private static final int[] IN_FLIGHT = {1, 8, 32};
  private static final String NOVEL =
      "{\"is_novel\": true, \"confidence\": 0.8, \"reasoning\": \"no reference shows the latch\","
          + " \"key_differences\": [\"latch\"]}";

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    long latencyMs = Long.parseLong(args[2]);
    Settings stack = Settings.fromEnvironment(CommonSettings.PG_URL, CommonSettings.PG_USER,
        CommonSettings.PG_PASSWORD);
    String pgUrl = stack.require(CommonSettings.PG_URL.key());
    String pgUser = stack.require(CommonSettings.PG_USER.key());
    String pgPassword = stack.get(CommonSettings.PG_PASSWORD.key());
    String schema = "p2t_bench_llm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    sql(pgUrl, pgUser, pgPassword, "CREATE SCHEMA " + schema);
    try (FixedLatencyChatServer server = new FixedLatencyChatServer(latencyMs, NOVEL)) {
      PostgresSettings postgres =
          new PostgresSettings(
              pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
              pgUser,
              pgPassword);
      PostgresMigrations.migrate(postgres);
      LlmSettings llm =
          LlmSettings.of(LlmProvider.OPENAI, server.openAiBaseUrl(), "bench-model")
              .withTimeout(LlmSettings.DEFAULT_TIMEOUT)
              .withRetries(0, Duration.ofMillis(100))
              // far above what 32 in flight can ask for: the stage, not the limiter, is measured
              .withRequestsPerSecond(100_000);

      run(server, llm, postgres, 8, inputs("warm", 16), false);
      StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
          "| in flight | inputs | seconds | requests/s | speed-up vs 1 | ideal requests/s "
              + "(in flight / latency) | server calls | server max concurrency |%n"
              + "|---:|---:|---:|---:|---:|---:|---:|---:|%n"));
      double base = 0;
      double oneInFlightMs = 0;
      for (int inFlight : IN_FLIGHT) {
        Result r = run(server, llm, postgres, inFlight, inputs("f" + inFlight, n), false);
        double rate = n / r.seconds;
        if (inFlight == 1) {
          base = rate;
          oneInFlightMs = r.seconds * 1000 / n;
        }
        md.append(String.format(Locale.ROOT, "| %d | %d | %.2f | %.1f | %.1f x | %.1f | %d | %d |%n",
            inFlight, n, r.seconds, rate, rate / base, inFlight * 1000.0 / latencyMs,
            r.calls, r.maxConcurrent));
        System.err.printf(Locale.ROOT, "in flight %d: %.2f s, %.1f requests/s%n",
            inFlight, r.seconds, rate);
      }
      int last = IN_FLIGHT[IN_FLIGHT.length - 1];
      Result again = run(server, llm, postgres, last, inputs("f" + last, n), true);
      md.append(String.format(Locale.ROOT,
          "| %d, same inputs again (all cache hits) | %d | %.2f | %.1f | %.1f x | - | %d | %d |%n",
          last, n, again.seconds, n / again.seconds, n / again.seconds / base,
          again.calls, again.maxConcurrent));
      md.append(String.format(Locale.ROOT,
          "%nReplay server: OpenAI chat completions, a fixed %d ms per request, one thread per "
              + "request (unlimited parallelism). %d inputs per run, one novelty question each, "
              + "distinct content hashes per run (no cache hits) except the last row; answer cache "
              + "in a fresh Postgres schema. Seconds from the first input entering the stage to the "
              + "last output, after a 16-input warm-up; one run each. MiniCluster parallelism 1, "
              + "Java %s, %d cores, %s. At 1 in flight an input took %.0f ms, the %d ms latency "
              + "plus the client, the answer parsing and the cache look-up and store; with %d "
              + "inputs, %d in flight needs at least %d rounds, so its best is %.1f requests/s, "
              + "not the ideal.%n",
          latencyMs, n, System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(), LocalDate.now(), oneInFlightMs, latencyMs,
          n, last, rounds(n, last), n * 1000.0 / (rounds(n, last) * latencyMs)));
      Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
      System.out.print(md);
    } finally {
      sql(pgUrl, pgUser, pgPassword, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  /** Rounds of requests {@code n} inputs take at {@code inFlight} at a time. */
  private static int rounds(int n, int inFlight) {
    return (n + inFlight - 1) / inFlight;
  }

  private record Result(double seconds, int calls, int maxConcurrent) {}

  private static Result run(
      FixedLatencyChatServer server,
      LlmSettings llm,
      PostgresSettings postgres,
      int inFlight,
      List<String> inputs,
      boolean cached)
      throws Exception {
    server.reset();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    AsyncLlmStage<String, String> stage =
        new AsyncLlmStage<>(
            LlmChatClient.factory(llm),
            llm.model(),
            LlmAnswerCache.factory(postgres),
            inFlight,
            120_000,
            LlmStageBenchmark::noveltyQuestion,
            LlmStageBenchmark::describe,
            Types.STRING);
    AsyncLlmStage.apply(env.fromData(inputs).map(new MarkFirst()), stage)
        .map(new CheckOutcome(cached ? "ok|true" : "ok|false"))
        .sinkTo(new DiscardingSink<>());
    JobExecutionResult result = env.execute("llm-stage-benchmark");
    long done = result.<Long>getAccumulatorResult("done");
    if (done != inputs.size()) {
      throw new IllegalStateException("only " + done + " of " + inputs.size() + " inputs came out");
    }
    int expectedCalls = cached ? 0 : inputs.size();
    if (server.requestCount() != expectedCalls) {
      throw new IllegalStateException(
          "the server saw " + server.requestCount() + " requests, expected " + expectedCalls);
    }
    long first = result.<Long>getAccumulatorResult("first");
    long lastOut = result.<Long>getAccumulatorResult("last");
    return new Result(
        (lastOut - first) / 1e9, server.requestCount(), server.maxConcurrentRequests());
  }

  /** {@code count} inputs "prefix-i:prefix-hash-i": every one a distinct content hash. */
  private static List<String> inputs(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i + ":" + prefix + "-hash-" + i)
        .toList();
  }

  private static List<LlmRequest<?>> noveltyQuestion(String input) {
    String hash = input.substring(input.indexOf(':') + 1);
    return List.of(
        new LlmRequest<>(
            PromptTemplates.NOVELTY,
            hash,
            PromptTemplates.novelty(
                PromptLanguage.EN, "A lid with a latch, content " + hash, List.of(), List.of()),
            LlmAnswers::parseNovelty));
  }

  /** "status|cached" of the input's one outcome. */
  private static String describe(String input, List<LlmOutcome<?>> outcomes) {
    LlmOutcome<?> o = outcomes.get(0);
    return o.status().wireName() + "|" + o.cached();
  }

  /** Notes when the first input reaches the stage. */
  private static final class MarkFirst extends RichMapFunction<String, String> {
    private final LongMinimum first = new LongMinimum();

    @Override
    public void open(OpenContext openContext) {
      getRuntimeContext().addAccumulator("first", first);
    }

    @Override
    public String map(String input) {
      first.add(System.nanoTime());
      return input;
    }
  }

  /**
   * Fails the run on an output other than the expected one, so a run of errors cannot look fast;
   * counts the outputs and notes when the last came out.
   */
  private static final class CheckOutcome extends RichMapFunction<String, Integer> {
    private final String expected;
    private final LongCounter done = new LongCounter();
    private final LongMaximum last = new LongMaximum();

    CheckOutcome(String expected) {
      this.expected = expected;
    }

    @Override
    public void open(OpenContext openContext) {
      getRuntimeContext().addAccumulator("done", done);
      getRuntimeContext().addAccumulator("last", last);
    }

    @Override
    public Integer map(String outcome) {
      if (!expected.equals(outcome)) {
        throw new IllegalStateException("outcome " + outcome + ", expected " + expected);
      }
      done.add(1L);
      last.add(System.nanoTime());
      return 1;
    }
  }

  private static void sql(String url, String user, String password, String statement)
      throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }
}
