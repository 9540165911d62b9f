package io.patent2tech.connectors.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/kibana import} against a stand-in for Kibana's {@code POST
 * /api/saved_objects/_import} (Kibana cannot run on the build machines): what the script sends (the
 * bundle as multipart, {@code overwrite=true}, {@code kbn-xsrf}, credentials) and what it makes of
 * the answers Kibana gives (success; some objects refused, each with its error; not an import
 * result at all). The answers follow Kibana 8.19's documented response: success, successCount,
 * errors[] of id, type, title, error.type / message / references.
 */
class KibanaImportScriptTest {

  private static final Path REPO = Path.of(System.getProperty("p2t.repo"));

  private record Request(String method, String uri, Map<String, List<String>> headers, String body) {}

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private HttpServer kibana;

  @AfterEach
  void stop() {
    if (kibana != null) {
      kibana.stop(0);
    }
  }

  @Test
  void importPostsTheBundleWithOverwriteAndXsrfAndReportsTheCount() throws Exception {
    String url = answering(200, "{\"success\":true,\"successCount\":33,\"successResults\":[]}");

    Result result = run(Map.of("P2T_KIBANA_API_KEY", "a2V5OnNlY3JldA=="), "import", url);

    assertThat(result.exit).as(result.toString()).isZero();
    assertThat(result.stdout).contains("infra/kibana/patent2tech.ndjson: 33 objects imported, 0 failed");
    assertThat(result.stderr).isEmpty();
    assertThat(requests).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.uri()).isEqualTo("/api/saved_objects/_import?overwrite=true");
      assertThat(request.headers().get("Kbn-xsrf")).containsExactly("true");
      assertThat(request.headers().get("Authorization")).containsExactly("ApiKey a2V5OnNlY3JldA==");
      assertThat(request.headers().get("Content-type").get(0)).startsWith("multipart/form-data; boundary=");
      // the whole bundle, as the file field Kibana reads
      assertThat(request.body())
          .contains("name=\"file\"; filename=\"patent2tech.ndjson\"")
          .contains(Files.readString(REPO.resolve("infra/kibana/patent2tech.ndjson")));
    });
  }

  @Test
  void basicAuthWhenAUserIsGiven() throws Exception {
    String url = answering(200, "{\"success\":true,\"successCount\":33}");

    Result result = run(Map.of("P2T_KIBANA_USER", "elastic", "P2T_KIBANA_PASSWORD", "changeme"), "import", url);

    assertThat(result.exit).as(result.toString()).isZero();
    assertThat(requests.get(0).headers().get("Authorization")).containsExactly("Basic ZWxhc3RpYzpjaGFuZ2VtZQ==");
  }

  @Test
  void eachRefusedObjectIsOneLineWithItsErrorAndTheExitStatusIsOne() throws Exception {
    String url = answering(200, """
        {"success":false,"successCount":31,"errors":[
          {"id":"p2t-lens-top-cpc","type":"lens","title":"Top CPC groups","meta":{},
           "error":{"type":"missing_references","references":[{"type":"index-pattern","id":"p2t-patents"}]}},
          {"id":"p2t-dashboard-models","type":"dashboard","title":"3D models","meta":{},
           "error":{"type":"unknown","message":"Saved object [dashboard/p2t-dashboard-models] is invalid","statusCode":400}}
        ]}""");

    Result result = run(Map.of(), "import", url);

    assertThat(result.exit).as(result.toString()).isEqualTo(1);
    assertThat(result.stderr.lines()).containsExactly(
        "kibana: infra/kibana/patent2tech.ndjson: lens p2t-lens-top-cpc failed: missing_references"
            + " (missing: index-pattern p2t-patents)",
        "kibana: infra/kibana/patent2tech.ndjson: dashboard p2t-dashboard-models failed: unknown:"
            + " Saved object [dashboard/p2t-dashboard-models] is invalid");
    assertThat(result.stdout).contains("31 objects imported, 2 failed");
  }

  @Test
  void anAnswerThatIsNoImportResultSaysWhatCameBackWithExitStatusTwo() throws Exception {
    String url = answering(400, "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"Request must contain a kbn-xsrf header.\"}");

    Result result = run(Map.of(), "import", url);

    assertThat(result.exit).isEqualTo(2);
    assertThat(result.stderr).contains("answered HTTP 400").contains("Request must contain a kbn-xsrf header.");
  }

  @Test
  void checkFindsEveryReferenceInTheBundle() throws Exception {
    Result result = run(Map.of(), "check");

    assertThat(result.exit).as(result.toString()).isZero();
    assertThat(result.stdout).contains("every reference resolves");
  }

  /** Starts the stand-in; every request gets {@code status} and {@code body}. Returns its URL. */
  private String answering(int status, String body) throws IOException {
    kibana = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    kibana.createContext("/", exchange -> {
      byte[] request = exchange.getRequestBody().readAllBytes();
      requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
          Map.copyOf(exchange.getRequestHeaders()), new String(request, StandardCharsets.UTF_8)));
      byte[] answer = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    kibana.start();
    return "http://127.0.0.1:" + kibana.getAddress().getPort();
  }

  private record Result(int exit, String stdout, String stderr) {}

  private static Result run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", REPO.resolve("scripts/kibana").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("P2T_KIBANA_") || name.equals("KIBANA_URL"));
    builder.environment().putAll(env);
    Path out = Files.createTempFile("kibana-out", ".txt");
    Path err = Files.createTempFile("kibana-err", ".txt");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("scripts/kibana ended").isTrue();
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
