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
import java.util.Map;

/**
 * A recorded HTTP exchange file (VCR.py cassette, YAML: {@code interactions: [{request, response}]})
 * from fixtures/, read into {@link Interaction}s that a {@link ReplayServer} can serve.
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
    for (JsonNode i : root.path("interactions")) {
      JsonNode req = i.path("request");
      JsonNode res = i.path("response");
      Map<String, String> headers = new LinkedHashMap<>();
      res.path("headers").fields().forEachRemaining(h -> {
        JsonNode v = h.getValue();
        headers.put(h.getKey(), v.isArray() ? (v.size() == 0 ? "" : v.get(0).asText()) : v.asText());
      });
      out.add(new Interaction(req.path("method").asText("GET"), URI.create(req.path("uri").asText()),
          res.path("status").path("code").asInt(200), headers, body(res)));
    }
    return out;
  }

  private static byte[] body(JsonNode res) {
    JsonNode content = res.path("content");
    if (content.isMissingNode() || content.isNull()) {
      content = res.path("body").path("string");
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
