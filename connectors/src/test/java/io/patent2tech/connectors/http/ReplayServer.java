package io.patent2tech.connectors.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server that stands in for a remote office API in tests: each request is answered by
 * the first {@link Route} whose predicate accepts it (routes are tried in the order added), and
 * every request is recorded with its arrival time (on the server's own clock, {@code
 * System.nanoTime()}) and headers, so tests can assert pacing, retries and what was sent. Listens on
 * 127.0.0.1 only, on a free port. Unmatched requests get 404 with the request line in the body.
 */
public final class ReplayServer implements AutoCloseable {

  /** What the server received. */
  public record Request(String method, URI uri, Map<String, List<String>> headers, byte[] body, long nanoTime) {
    public String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    public String pathAndQuery() {
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The query parameters, percent-decoded (the last of repeated names wins). */
    public Map<String, String> query() {
      Map<String, String> out = new java.util.LinkedHashMap<>();
      rawQuery().forEach((k, v) -> out.put(java.net.URLDecoder.decode(k, java.nio.charset.StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(v, java.nio.charset.StandardCharsets.UTF_8)));
      return out;
    }

    /** The query parameters exactly as sent, still percent-encoded: for checking what a client encoded. */
    public Map<String, String> rawQuery() {
      Map<String, String> out = new java.util.LinkedHashMap<>();
      if (uri.getRawQuery() != null) {
        for (String kv : uri.getRawQuery().split("&")) {
          int eq = kv.indexOf('=');
          if (eq > 0) {
            out.put(kv.substring(0, eq), kv.substring(eq + 1));
          }
        }
      }
      return out;
    }
  }

  /** The answer to a request. */
  public record Response(int status, Map<String, String> headers, byte[] body) {
    public static Response of(int status, String contentType, byte[] body) {
      return new Response(status, Map.of("Content-Type", contentType), body);
    }
  }

  /** Answers the requests it accepts; may keep state (counters, scripted failures). */
  @FunctionalInterface
  public interface Route {
    /** The response, or null when this route does not handle the request. */
    Response answer(Request request) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public ReplayServer() throws IOException {
    this(0);
  }

  /** On a given loopback port (0: a free one). */
  public ReplayServer(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public ReplayServer route(Route route) {
    routes.add(route);
    return this;
  }

  /** Serves a recorded interaction for every request with its method and path (query ignored unless {@code matchQuery}). */
  public ReplayServer serve(Cassette.Interaction i, boolean matchQuery) {
    return route(r -> r.method().equalsIgnoreCase(i.method())
        && (matchQuery ? r.pathAndQuery().equals(i.pathAndQuery()) : r.uri().getRawPath().equals(i.uri().getRawPath()))
        ? new Response(i.status(), i.headers(), i.body()) : null);
  }

  /** Every request received so far, in arrival order. */
  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    long now = System.nanoTime();
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readAllBytes();
    }
    Request req = new Request(ex.getRequestMethod(), ex.getRequestURI(), Map.copyOf(ex.getRequestHeaders()), body, now);
    requests.add(req);
    Response res = null;
    try {
      for (Route r : routes) {
        res = r.answer(req);
        if (res != null) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      res = Response.of(500, "text/plain", ("replay route failed: " + e).getBytes());
    }
    if (res == null) {
      res = Response.of(404, "text/plain", ("no replay for " + req.method() + " " + req.pathAndQuery()).getBytes());
    }
    res.headers().forEach((k, v) -> {
      if (!k.equalsIgnoreCase("content-length") && !k.equalsIgnoreCase("transfer-encoding")
          && !k.equalsIgnoreCase("content-encoding")) {
        ex.getResponseHeaders().add(k, v);
      }
    });
    byte[] b = res.body() == null ? new byte[0] : res.body();
    ex.sendResponseHeaders(res.status(), b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(b);
      }
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
