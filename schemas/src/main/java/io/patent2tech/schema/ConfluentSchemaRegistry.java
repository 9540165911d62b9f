package io.patent2tech.schema;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A schema registry with the Confluent-compatible REST API (the local stack's Apicurio Registry at
 * {@code /apis/ccompat/v7}, or Confluent's own), over the JDK's HTTP client. Ids and schemas are
 * cached: a schema's id never changes, so each is asked once per JVM. A subject gets the
 * compatibility rule {@value #COMPATIBILITY} before its first registration here, the rule
 * SchemaCompatibilityTest holds the schemas to, so the registry refuses what that test refuses.
 *
 * <p>One instance per base URL and JVM ({@link #at(String)}), shared by every codec of the JVM.
 */
public final class ConfluentSchemaRegistry implements SchemaRegistry {

  /** Every released version must read data of all earlier ones (SchemaCompatibilityTest). */
  public static final String COMPATIBILITY = "BACKWARD_TRANSITIVE";

  /** Registrations asked before a writer gives up (see {@link #register}). */
  private static final int REGISTER_ATTEMPTS = 5;
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ConcurrentMap<String, ConfluentSchemaRegistry> BY_URL = new ConcurrentHashMap<>();

  private final String baseUrl;
  private final ObjectMapper json = new ObjectMapper();
  private final ConcurrentMap<String, Integer> ids = new ConcurrentHashMap<>();
  private final ConcurrentMap<Integer, Schema> schemas = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Boolean> configured = new ConcurrentHashMap<>();

  private ConfluentSchemaRegistry(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The registry at {@code baseUrl}, e.g. http://localhost:8085/apis/ccompat/v7. */
  public static ConfluentSchemaRegistry at(String baseUrl) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("the schema registry URL (registry.url) is empty");
    }
    String base = baseUrl.strip().replaceAll("/+$", "");
    return BY_URL.computeIfAbsent(base, ConfluentSchemaRegistry::new);
  }

  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Registers {@code schema} under {@code subject} and returns the id the registry gives it, after
   * reading that id back: the id is used only if the registry holds this very schema under it.
   *
   * <p>Why read it back: an id must mean one schema for ever, since every reader caches it, and a
   * registry does not always answer such an id. The local stack's Apicurio Registry 2.4 once
   * answered HTTP 500 (a primary-key violation on its content table) while many sinks registered
   * at the same moment. So registrations from this JVM go one at a time, and an answer that does
   * not read back as this schema (or a 5xx, or a 404) is asked again, a few times, before the
   * writer fails with a clear error.
   */
  @Override
  public synchronized int register(String subject, Schema schema) throws IOException {
    String key = subject + '\n' + schema;
    Integer id = ids.get(key);
    if (id != null) {
      return id;
    }
    if (!configured.containsKey(subject)) {
      setCompatibility(subject, COMPATIBILITY);
      configured.put(subject, true);
    }
    long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
    String lastProblem = null;
    for (int attempt = 1; attempt <= REGISTER_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        pause(attempt);
      }
      try {
        JsonNode answer = send("POST", "/subjects/" + subject + "/versions",
            json.writeValueAsString(Map.of("schema", schema.toString())));
        id = answer.path("id").asInt(-1);
        if (id < 0) {
          throw new IOException("schema registry " + baseUrl + ": no id in the answer to registering " + subject
              + ": " + answer);
        }
        Schema stored = fetch(id);
        if (SchemaNormalization.parsingFingerprint64(stored) == fingerprint) {
          ids.put(key, id);
          schemas.putIfAbsent(id, stored);
          return id;
        }
        lastProblem = "id " + id + " holds " + stored.getFullName() + ", not the " + schema.getFullName()
            + " registered";
      } catch (RegistryException e) {
        if (e.status() / 100 != 5 && e.status() != 404) {
          throw e; // 409 (incompatible) and other refusals are answers, not accidents
        }
        lastProblem = e.getMessage();
      }
    }
    throw new IOException("schema registry " + baseUrl + ": registering " + schema.getFullName() + " under "
        + subject + " gave no id that holds it after " + REGISTER_ATTEMPTS + " attempts; last: " + lastProblem);
  }

  private static void pause(int attempt) throws IOException {
    try {
      Thread.sleep(100L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while registering a schema", e);
    }
  }

  @Override
  public Schema schemaById(int id) throws IOException {
    Schema schema = schemas.get(id);
    if (schema != null) {
      return schema;
    }
    schema = fetch(id);
    Schema known = schemas.putIfAbsent(id, schema);
    return known == null ? schema : known;
  }

  /** The schema the registry holds under {@code id}, asked every time (no cache). */
  private Schema fetch(int id) throws IOException {
    JsonNode answer = send("GET", "/schemas/ids/" + id, null);
    String text = answer.path("schema").asText(null);
    if (text == null) {
      throw new IOException("schema registry " + baseUrl + ": no schema in the answer for id " + id);
    }
    return new Schema.Parser().parse(text);
  }

  /** Sets the subject's compatibility rule (Confluent's PUT /config/{subject}). */
  public void setCompatibility(String subject, String level) throws IOException {
    send("PUT", "/config/" + subject, json.writeValueAsString(Map.of("compatibility", level)));
  }

  private JsonNode send(String method, String path, String body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", CONTENT_TYPE)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", CONTENT_TYPE);
    }
    HttpResponse<String> response;
    // A client per call, not one kept: a kept client's selector thread would hold the class loader
    // of the Flink job that made it (its context class loader) for as long as this instance lives,
    // which is as long as that loader; calls are rare (ids and schemas are cached).
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling the schema registry " + baseUrl, e);
    } catch (IOException e) {
      throw new IOException("schema registry " + baseUrl + " not reachable (" + method + " " + path + "): "
          + e, e);
    }
    if (response.statusCode() / 100 != 2) {
      String message = response.body();
      try {
        message = json.readTree(response.body()).path("message").asText(message);
      } catch (IOException notJson) {
        // the body as it came
      }
      throw new RegistryException(response.statusCode(), "schema registry " + baseUrl + ": " + method + " "
          + path + " answered " + response.statusCode() + ": " + message);
    }
    return json.readTree(response.body());
  }

  /** The registry answered with an error: 409 for a schema that breaks the subject's compatibility rule. */
  public static final class RegistryException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    RegistryException(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
