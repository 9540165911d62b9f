package io.patent2tech.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The client's registration against a registry that answers ids it should not (see
 * ConfluentSchemaRegistry#register): an id that holds another schema, an id that holds nothing, a
 * 500. The real registry cannot be made to answer so on demand, so a JDK HTTP server plays it here;
 * RegistryCompatibilityIT and SubscribingIT use the real one.
 */
class ConfluentSchemaRegistryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpServer server;
  /** What POST /subjects/{s}/versions answers, in turn: an id, or a negative HTTP status. */
  private final List<Integer> registerAnswers = Collections.synchronizedList(new ArrayList<>());
  private final Map<Integer, Schema> stored = new ConcurrentHashMap<>();
  private final AtomicInteger registrations = new AtomicInteger();
  private String url;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    // a URL of its own per test: the client keeps one instance (and its cache) per URL
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/t" + System.nanoTime();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    int status = 200;
    String body;
    if (path.contains("/config/")) {
      body = "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}";
    } else if (path.endsWith("/versions")) {
      registrations.incrementAndGet();
      int answer = registerAnswers.isEmpty() ? -500 : registerAnswers.remove(0);
      if (answer < 0) {
        status = -answer;
        body = "{\"message\":\"Unique index or primary key violation\",\"error_code\":500}";
      } else {
        body = "{\"id\":" + answer + "}";
      }
    } else if (path.contains("/schemas/ids/")) {
      Schema schema = stored.get(Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)));
      if (schema == null) {
        status = 404;
        body = "{\"message\":\"No content with id\",\"error_code\":40403}";
      } else {
        body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
      }
    } else {
      status = 404;
      body = "{}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void anIdIsUsedOnlyOnceItReadsBackAsTheRegisteredSchema() throws IOException {
    stored.put(3, Model3d.getClassSchema());
    stored.put(8, PatentLink.getClassSchema());
    // another schema under 3, nothing under 7, a 500, then the right one
    registerAnswers.addAll(List.of(3, 7, -500, 8));

    int id = ConfluentSchemaRegistry.at(url).register("t.links-value", PatentLink.getClassSchema());

    assertThat(id).isEqualTo(8);
    assertThat(registrations).hasValue(4);
    // cached: asked once per JVM
    assertThat(ConfluentSchemaRegistry.at(url).register("t.links-value", PatentLink.getClassSchema())).isEqualTo(8);
    assertThat(registrations).hasValue(4);
  }

  @Test
  void aWriterFailsClearlyWhenNoAnswerHoldsItsSchema() {
    stored.put(3, Model3d.getClassSchema());
    registerAnswers.addAll(List.of(3, 3, 3, 3, 3, 3));

    assertThatThrownBy(() -> ConfluentSchemaRegistry.at(url).register("t.links-value", PatentLink.getClassSchema()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("gave no id that holds it after 5 attempts")
        .hasMessageContaining("id 3 holds io.patent2tech.schema.Model3d");
  }

  @Test
  void anIncompatibleSchemaIsRefusedAtOnce() {
    registerAnswers.add(-409);

    assertThatThrownBy(() -> ConfluentSchemaRegistry.at(url).register("t.links-value", PatentLink.getClassSchema()))
        .isInstanceOfSatisfying(ConfluentSchemaRegistry.RegistryException.class,
            e -> assertThat(e.status()).isEqualTo(409));
    assertThat(registrations).hasValue(1);
  }
}
