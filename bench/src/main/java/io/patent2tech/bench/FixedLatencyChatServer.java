package io.patent2tech.bench;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a model server with unlimited parallelism, for {@link LlmStageBenchmark}: every
 * OpenAI chat-completions request ({@code POST /v1/chat/completions}) gets the same answer after a
 * fixed latency, on its own thread, so the server is never the bottleneck. Counts the requests and
 * the most handled at once. Listens on 127.0.0.1 only, on a free port. (The connectors' test
 * {@code ReplayLlmServer} has a 16-thread pool, which would cap the 32-in-flight run.)
 */
final class FixedLatencyChatServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final long latencyMs;
  private final byte[] response;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger inProgress = new AtomicInteger();
  private final AtomicInteger maxConcurrent = new AtomicInteger();

  /**
   * @param latencyMs how long each request takes
   * @param content the assistant message's content in every answer
   */
  FixedLatencyChatServer(long latencyMs, String content) throws IOException {
    this.latencyMs = latencyMs;
    this.response = completion(content).getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String openAiBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  int requestCount() {
    return requests.get();
  }

  int maxConcurrentRequests() {
    return maxConcurrent.get();
  }

  /** Zeroes the counters between runs. */
  void reset() {
    requests.set(0);
    maxConcurrent.set(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    maxConcurrent.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
    boolean left = false;
    try (ex) {
      requests.incrementAndGet();
      try (InputStream in = ex.getRequestBody()) {
        in.readAllBytes();
      }
      TimeUnit.MILLISECONDS.sleep(latencyMs);
      // leave before answering: a client that sends its next request on receipt must not be
      // seen as one more concurrent request
      inProgress.decrementAndGet();
      left = true;
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, response.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(response);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (!left) {
        inProgress.decrementAndGet();
      }
    }
  }

  private static String completion(String content) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-bench");
    root.put("object", "chat.completion");
    root.put("created", 1_700_000_000L);
    root.put("model", "bench-model");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content);
    choice.put("finish_reason", "stop");
    root.putObject("usage")
        .put("prompt_tokens", 120)
        .put("completion_tokens", 30)
        .put("total_tokens", 150);
    return JSON.writeValueAsString(root);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
