package io.patent2tech.connectors.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local stand-in for a chat model that speaks the two wire formats the connector uses: OpenAI
 * chat completions ({@code POST /v1/chat/completions}, with {@code usage}) and Ollama's chat
 * ({@code POST /api/chat}, non-streaming, with {@code prompt_eval_count} / {@code eval_count}).
 * Each request is answered by the next scripted {@link Step} (or the fallback step once the script
 * is used up); every request is counted and recorded with its arrival time. Listens on 127.0.0.1
 * only, on a free port. Public (and in the connectors test-jar) for the jobs' operator tests.
 */
public final class ReplayLlmServer implements AutoCloseable {

  /** What the server does with one request. */
  public sealed interface Step permits Answer, Failure {}

  /** A model answer with this content and token counts, sent after {@code delay}. */
  public record Answer(String content, int promptTokens, int completionTokens, Duration delay)
      implements Step {}

  /** An error status with an optional Retry-After header. */
  public record Failure(int status, String retryAfter) implements Step {}

  public static Answer answer(String content) {
    return new Answer(content, 120, 30, Duration.ZERO);
  }

  public static Answer slow(Duration delay, String content) {
    return new Answer(content, 120, 30, delay);
  }

  public static Failure status(int status) {
    return new Failure(status, null);
  }

  public static Failure status(int status, String retryAfter) {
    return new Failure(status, retryAfter);
  }

  /** One request as it arrived. */
  record Recorded(String path, String authorization, JsonNode body, long arrivalNanos) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16);
  private final ConcurrentLinkedQueue<Step> script = new ConcurrentLinkedQueue<>();
  private final List<Recorded> recorded = new ArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final Set<HttpExchange> inProgress = ConcurrentHashMap.newKeySet();
  private final AtomicInteger maxConcurrent = new AtomicInteger();
  private volatile Step fallback;
  private volatile Function<String, Step> responder;

  public ReplayLlmServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", ex -> handle(ex, true));
    server.createContext("/api/chat", ex -> handle(ex, false));
    server.setExecutor(executor);
    server.start();
  }

  /** Steps for the next requests, in order. */
  public ReplayLlmServer script(Step... steps) {
    script.addAll(List.of(steps));
    return this;
  }

  /** The step for every request once the script is used up. */
  public ReplayLlmServer otherwise(Step step) {
    fallback = step;
    return this;
  }

  /**
   * Once the script is used up, answers each request by its prompt: {@code responder} gets the
   * text of all its messages ({@link #promptText}) and returns the step. A job that asks several
   * kinds of question in any order is answered this way.
   */
  public ReplayLlmServer otherwise(Function<String, Step> responder) {
    this.responder = responder;
    return this;
  }

  /** The contents of a chat request's messages, system first, one per line. */
  public static String promptText(JsonNode body) {
    StringBuilder text = new StringBuilder();
    for (JsonNode message : body.path("messages")) {
      text.append(message.path("content").asText()).append('\n');
    }
    return text.toString();
  }

  /** The text of every request's messages ({@link #promptText}), in arrival order. */
  public List<String> prompts() {
    return requests().stream().map(r -> promptText(r.body())).toList();
  }

  public String openAiBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public String ollamaBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int requestCount() {
    return requests.get();
  }

  /** The most requests that were being handled at the same time. */
  public int maxConcurrentRequests() {
    return maxConcurrent.get();
  }

  List<Recorded> requests() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  private void handle(HttpExchange ex, boolean openAi) throws IOException {
    long arrival = System.nanoTime();
    inProgress.add(ex);
    maxConcurrent.accumulateAndGet(inProgress.size(), Math::max);
    try (ex) {
      requests.incrementAndGet();
      JsonNode body;
      try (InputStream in = ex.getRequestBody()) {
        body = JSON.readTree(in.readAllBytes());
      }
      synchronized (recorded) {
        recorded.add(
            new Recorded(
                ex.getRequestURI().getPath(),
                ex.getRequestHeaders().getFirst("Authorization"),
                body,
                arrival));
      }
      if (!"POST".equals(ex.getRequestMethod())) {
        send(ex, 405, "{\"error\":\"POST only\"}");
        return;
      }
      Step step = script.poll();
      if (step == null) {
        Function<String, Step> byPrompt = responder;
        step = byPrompt != null ? byPrompt.apply(promptText(body)) : fallback;
      }
      if (step == null) {
        send(ex, 500, "{\"error\":\"the replay script is used up\"}");
      } else if (step instanceof Failure f) {
        if (f.retryAfter() != null) {
          ex.getResponseHeaders().set("Retry-After", f.retryAfter());
        }
        send(ex, f.status(), "{\"error\":{\"message\":\"replayed status " + f.status() + "\"}}");
      } else if (step instanceof Answer a) {
        if (!a.delay().isZero()) {
          TimeUnit.MILLISECONDS.sleep(a.delay().toMillis());
        }
        String model = body.path("model").asText("replay-model");
        send(ex, 200, JSON.writeValueAsString(openAi ? openAi(model, a) : ollama(model, a)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (a timeout test): nobody is left to answer
    } finally {
      leave(ex);
    }
  }

  private static ObjectNode openAi(String model, Answer a) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-replay");
    root.put("object", "chat.completion");
    root.put("created", 1_700_000_000L);
    root.put("model", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", a.content());
    choice.put("finish_reason", "stop");
    root.putObject("usage")
        .put("prompt_tokens", a.promptTokens())
        .put("completion_tokens", a.completionTokens())
        .put("total_tokens", a.promptTokens() + a.completionTokens());
    return root;
  }

  private static ObjectNode ollama(String model, Answer a) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", model);
    root.put("created_at", "2024-05-01T12:00:00.000000Z");
    root.putObject("message").put("role", "assistant").put("content", a.content());
    root.put("done", true);
    root.put("done_reason", "stop");
    root.put("prompt_eval_count", a.promptTokens());
    root.put("eval_count", a.completionTokens());
    return root;
  }

  /**
   * Takes the request out of those in progress before its answer goes out (again in the handler's
   * finally, which is then a no-op): a client that sends its next request on receipt must not be
   * seen as one more concurrent request.
   */
  private void leave(HttpExchange ex) {
    inProgress.remove(ex);
  }

  private void send(HttpExchange ex, int status, String body) throws IOException {
    leave(ex);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
