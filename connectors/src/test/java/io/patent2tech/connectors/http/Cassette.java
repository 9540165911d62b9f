package io.patent2tech.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A recorded HTTP exchange file from fixtures/, read into {@link Interaction}s that a {@link
 * ReplayServer} can serve. Two dialects:
 * <ul>
 *   <li>VCR.py (the patent_client cassettes): {@code interactions: [{request: {method, uri},
 *       response: {status_code: 200, headers: {name: [value]}, content: ...}}]}; older ones write
 *       {@code status: {code: 200, message: OK}} and {@code body: {string: ...}};</li>
 *   <li>Ruby VCR (fixtures/epo-ops/fhg-imw): {@code http_interactions: [{request: {method: get,
 *       uri}, response: {status: {code: 403, message}, headers: {Name: [value]}, body: {encoding,
 *       string} or {base64_string}}}]}.</li>
 * </ul>
 */
public final class Cassette {

  /** One recorded request and its response. */
  public record Interaction(String method, URI uri, int status, Map<String, String> headers, byte[] body) {
    /** Path and query of the recorded request, e.g. {@code /3.2/rest-services/published-data/search?Range=1-100&q=...}. */
    public String pathAndQuery() {
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The (first) value of a response header, its name matched ignoring case; null when absent. */
    public String header(String name) {
      for (Map.Entry<String, String> h : headers.entrySet()) {
        if (h.getKey().equalsIgnoreCase(name)) {
          return h.getValue();
        }
      }
      return null;
    }
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Cassette() {}

  /** The interactions of a cassette file, in recorded order. */
  public static List<Interaction> read(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cassette " + file, e);
    }
    List<Interaction> out = new ArrayList<>();
    JsonNode interactions = root.has("http_interactions") ? root.path("http_interactions") : root.path("interactions");
    for (JsonNode i : interactions) {
      JsonNode req = i.path("request");
      JsonNode res = i.path("response");
      Map<String, String> headers = new LinkedHashMap<>();
      res.path("headers").fields().forEachRemaining(h -> {
        JsonNode v = h.getValue();
        headers.put(h.getKey(), v.isArray() ? (v.size() == 0 ? "" : v.get(0).asText()) : v.asText());
      });
      out.add(new Interaction(req.path("method").asText("GET").toUpperCase(Locale.ROOT),
          URI.create(req.path("uri").asText()), status(res), headers, body(res)));
    }
    return out;
  }

  /** The values of a response header over all interactions, in recorded order (those that have it). */
  public static List<String> header(Path file, String name) {
    List<String> out = new ArrayList<>();
    for (Interaction i : read(file)) {
      String v = i.header(name);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /** {@code status_code: 200}, {@code status: {code: 200}} or {@code status: 200}; 200 when none. */
  private static int status(JsonNode res) {
    JsonNode code = res.path("status_code");
    if (code.isMissingNode() || code.isNull()) {
      code = res.path("status");
      if (code.isObject()) {
        code = code.path("code");
      }
    }
    return code.isMissingNode() || code.isNull() ? 200 : code.asInt(200);
  }

  private static byte[] body(JsonNode res) {
    JsonNode content = res.path("content");
    if (content.isMissingNode() || content.isNull()) {
      JsonNode body = res.path("body");
      if (body.has("base64_string")) {
        return Base64.getMimeDecoder().decode(body.path("base64_string").asText());
      }
      content = body.isTextual() ? body : body.path("string");
    }
    if (content.isBinary()) {
      try {
        return content.binaryValue();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (content.isTextual()) {
      return content.asText().getBytes(StandardCharsets.UTF_8);
    }
    return content.isMissingNode() || content.isNull() ? new byte[0]
        : Base64.getEncoder().encode(content.toString().getBytes(StandardCharsets.UTF_8));
  }
}
