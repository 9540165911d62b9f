package io.patent2tech.connectors.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local stand-in for remote embedding models on 127.0.0.1 that speaks the two wire formats:
 * OpenAI's {@code POST /v1/embeddings} and Ollama's {@code POST /api/embed}. The vector of a text
 * is {@link #vectorOf} (deliberately not unit length). It can answer the first requests with 429,
 * or with vectors of the wrong length, and it records every request.
 */
final class EmbeddingApiServer implements AutoCloseable {

  /** One request as received. */
  record Request(String path, String authorization, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger rateLimitedLeft = new AtomicInteger();
  private volatile int answerDimension;

  EmbeddingApiServer(int dimension) throws IOException {
    this.answerDimension = dimension;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/embeddings", exchange -> handle(exchange, this::openAi));
    server.createContext("/api/embed", exchange -> handle(exchange, this::ollama));
    server.start();
  }

  String openAiBaseUrl() {
    return root() + "/v1";
  }

  String ollamaBaseUrl() {
    return root();
  }

  /** The next {@code count} requests get 429 Too Many Requests. */
  void rateLimitNext(int count) {
    rateLimitedLeft.set(count);
  }

  /** Answers vectors of another length from now on. */
  void answerWithDimension(int wrong) {
    answerDimension = wrong;
  }

  /** (length of the text, number of spaces + 1, 3, 0, 0, ...) of {@code dimension}. */
  static float[] vectorOf(String text, int dimension) {
    float[] vector = new float[dimension];
    vector[0] = text.length();
    vector[1] = text.split(" ").length;
    vector[2] = 3;
    return vector;
  }

  private ObjectNode openAi(JsonNode body) {
    ObjectNode answer = JSON.createObjectNode().put("object", "list").put("model", body.path("model").asText());
    ArrayNode data = answer.putArray("data");
    int index = 0;
    int tokens = 0;
    for (JsonNode input : body.path("input")) {
      ObjectNode item = data.addObject().put("object", "embedding").put("index", index++);
      vector(item.putArray("embedding"), input.asText());
      tokens += input.asText().split(" ").length;
    }
    answer.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    return answer;
  }

  private ObjectNode ollama(JsonNode body) {
    ObjectNode answer = JSON.createObjectNode().put("model", body.path("model").asText());
    ArrayNode embeddings = answer.putArray("embeddings");
    JsonNode input = body.path("input");
    if (input.isTextual()) {
      vector(embeddings.addArray(), input.asText());
    } else {
      for (JsonNode text : input) {
        vector(embeddings.addArray(), text.asText());
      }
    }
    return answer;
  }

  private void vector(ArrayNode into, String text) {
    for (float component : vectorOf(text, answerDimension)) {
      into.add(component);
    }
  }

  private void handle(HttpExchange exchange, Function<JsonNode, ObjectNode> answer) throws IOException {
    try (exchange) {
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      requests.add(new Request(exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders().getFirst("Authorization"), body));
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "{\"error\":\"method\"}");
      } else if (rateLimitedLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        send(exchange, 429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}");
      } else {
        send(exchange, 200, JSON.writeValueAsString(answer.apply(body)));
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String root() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
