package io.patent2tech.connectors.elasticsearch.sink;

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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of the real Elasticsearch that answers the first bulk requests (or all of
 * them until {@link #release}) the way an overloaded cluster (or a gateway in front of a missing
 * one) does, and forwards everything else unchanged.
 */
final class ThrottlingProxy implements AutoCloseable {

  enum Mode {
    /** The whole bulk request gets HTTP 429 es_rejected_execution_exception. */
    REJECT_REQUEST,
    /** The bulk request gets HTTP 200 with every item rejected with status 429. */
    REJECT_ITEMS,
    /** The bulk request gets HTTP 503 from the proxy itself, as a gateway with no cluster behind it answers. */
    GATEWAY_UNAVAILABLE
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI target;
  private final Mode mode;
  private final int bulkRequestsToReject;
  private final AtomicInteger rejected = new AtomicInteger();
  private final AtomicInteger forwardedBulkRequests = new AtomicInteger();
  private final Set<String> rejectedIds = ConcurrentHashMap.newKeySet();
  private volatile boolean released;

  private ThrottlingProxy(String target, Mode mode, int bulkRequestsToReject) throws IOException {
    this.target = URI.create(target);
    this.mode = mode;
    this.bulkRequestsToReject = bulkRequestsToReject;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Rejects the first {@code bulkRequestsToReject} bulk requests ({@code Integer.MAX_VALUE}: all). */
  static ThrottlingProxy start(String target, Mode mode, int bulkRequestsToReject) throws IOException {
    return new ThrottlingProxy(target, mode, bulkRequestsToReject);
  }

  String url() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  int rejectedBulkRequests() {
    return rejected.get();
  }

  int forwardedBulkRequests() {
    return forwardedBulkRequests.get();
  }

  /** The ids of the documents in the bulk requests rejected so far. */
  Set<String> rejectedIds() {
    return Set.copyOf(rejectedIds);
  }

  /** From now on every request is forwarded: the overload is over. */
  void release() {
    released = true;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      boolean bulk = exchange.getRequestURI().getPath().endsWith("/_bulk");
      if (bulk && !released
          && rejected.getAndUpdate(n -> n < bulkRequestsToReject ? n + 1 : n) < bulkRequestsToReject) {
        rejectedIds.addAll(ids(body));
        if (mode == Mode.REJECT_REQUEST) {
          respond(exchange, 429, requestRejection());
        } else if (mode == Mode.GATEWAY_UNAVAILABLE) {
          byte[] page = "<html><body>503 Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html");
          exchange.sendResponseHeaders(503, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        } else {
          respond(exchange, 200, itemRejections(body));
        }
        return;
      }
      if (bulk) {
        forwardedBulkRequests.incrementAndGet();
      }
      forward(exchange, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private void forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    for (String header : new String[] {"Content-Type", "Accept"}) {
      String value = exchange.getRequestHeaders().getFirst(header);
      if (value != null) {
        request.header(header, value);
      }
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    response.headers().map().forEach((name, values) -> {
      if (name.equalsIgnoreCase("content-type") || name.equalsIgnoreCase("x-elastic-product")) {
        exchange.getResponseHeaders().put(name, values);
      }
    });
    byte[] responseBody = response.body();
    boolean empty = responseBody.length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : responseBody.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(responseBody);
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, JsonNode json) throws IOException {
    byte[] body = JSON.writeValueAsBytes(json);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static ObjectNode rejection() {
    ObjectNode error = JSON.createObjectNode();
    error.put("type", "es_rejected_execution_exception");
    error.put("reason", "rejected execution of coordinating operation [coordinating_and_primary_bytes=0]");
    return error;
  }

  private static JsonNode requestRejection() {
    ObjectNode response = JSON.createObjectNode();
    ObjectNode error = rejection();
    error.putArray("root_cause").add(rejection());
    response.set("error", error);
    response.put("status", 429);
    return response;
  }

  /** The {@code _id}s of a bulk body of updates: an action line, then its body line. */
  private static List<String> ids(byte[] bulkBody) throws IOException {
    List<String> ids = new ArrayList<>();
    String[] lines = new String(bulkBody, StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i += 2) {
      ids.add(JSON.readTree(lines[i]).path("update").path("_id").asText());
    }
    return ids;
  }

  /** A bulk response rejecting every update of the request, in order. */
  private static JsonNode itemRejections(byte[] bulkBody) throws IOException {
    ObjectNode response = JSON.createObjectNode();
    response.put("took", 1);
    response.put("errors", true);
    ArrayNode items = response.putArray("items");
    String[] lines = new String(bulkBody, StandardCharsets.UTF_8).split("\n");
    // every operation is an update: an action line followed by its body line
    for (int i = 0; i < lines.length; i += 2) {
      JsonNode action = JSON.readTree(lines[i]).get("update");
      ObjectNode item = items.addObject().putObject("update");
      item.put("_index", action.path("_index").asText());
      item.put("_id", action.path("_id").asText());
      item.put("status", 429);
      item.set("error", rejection());
    }
    return response;
  }
}
