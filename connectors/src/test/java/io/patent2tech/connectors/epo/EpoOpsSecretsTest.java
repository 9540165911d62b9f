package io.patent2tech.connectors.epo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.patent2tech.connectors.collect.CollectWindow;
import io.patent2tech.connectors.collect.CollectionFailedException;
import io.patent2tech.connectors.epo.ops.OpsCredentials;
import io.patent2tech.connectors.epo.ops.OpsSettings;
import io.patent2tech.connectors.http.CapturedLogs;
import io.patent2tech.connectors.http.ReplayServer;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consumer key, secret and access token never reach an exception message, a log line or a toString. */
class EpoOpsSecretsTest {

  private static final CollectWindow WINDOW =
      new CollectWindow("EPO", LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-01"), null);

  private static List<String> secrets(FakeOps ops) {
    List<String> s = new ArrayList<>(List.of(FakeOps.KEY, FakeOps.SECRET, FakeOps.basic().substring(6), "s3cr3t"));
    for (int i = 1; i <= ops.tokensIssued.get(); i++) {
      s.add("tok-" + i);
    }
    return s;
  }

  private static void assertFree(String text, List<String> secrets) {
    for (String s : secrets) {
      assertThat(text).doesNotContain(s);
    }
  }

  @Test
  void errorsAndLogsNeverShowCredentials() throws Exception {
    try (ReplayServer server = new ReplayServer(); CapturedLogs log = new CapturedLogs("io.patent2tech.connectors.epo")) {
      FakeOps ops = new FakeOps().day("2024-05-01", 5);
      AtomicInteger n = new AtomicInteger();
      // an expired token (re-auth logged), a 503 (retry logged), then an error page that echoes the request headers
      server.route(r -> {
        if (!r.method().equals("GET")) {
          return null;
        }
        int i = n.incrementAndGet();
        if (i == 1) {
          return ops.xml(400, ops.invalidToken);
        }
        if (i == 2) {
          return ReplayServer.Response.of(503, "text/plain", ("busy; you sent " + r.header("Authorization")).getBytes());
        }
        return ops.xml(400, ("<error><code>CLIENT.InvalidQuery</code><message>echo: Authorization="
            + r.header("Authorization") + " key=" + FakeOps.KEY + " secret=" + FakeOps.SECRET + "</message></error>")
            .getBytes(StandardCharsets.UTF_8));
      });
      server.route(ops);
      EpoOpsCollector collector = new EpoOpsCollector(
          OpsSettings.defaults().baseUrl(server.url()).initialBackoff(Duration.ofMillis(1)),
          OpsCredentials.of(FakeOps.KEY, FakeOps.SECRET), new FakeClock());

      Throwable error = catchThrowable(() -> collector.open(WINDOW, 0).next());

      assertThat(error).isInstanceOf(CollectionFailedException.class).hasMessageContaining("HTTP 400")
          .hasMessageContaining("CLIENT.InvalidQuery").hasMessageContaining("***");
      assertThat(ops.tokensIssued.get()).isEqualTo(2);
      List<String> all = secrets(ops);
      assertFree(error.getMessage(), all);
      assertFree(String.valueOf(error), all);
      assertThat(log.lines()).anyMatch(l -> l.contains("re-authenticating")).anyMatch(l -> l.contains("HTTP 503"));
      log.lines().forEach(line -> assertFree(line, all));
    }
  }

  @Test
  void refusedCredentialsFailWithoutQuotingThem() throws Exception {
    try (ReplayServer server = new ReplayServer(); CapturedLogs log = new CapturedLogs("io.patent2tech.connectors.epo")) {
      server.route(r -> ReplayServer.Response.of(401, "application/json",
          ("{\"ErrorCode\":\"invalid_client\",\"Error\":\"ClientId is Invalid: " + FakeOps.KEY + "\"}").getBytes()));
      EpoOpsCollector collector = new EpoOpsCollector(OpsSettings.defaults().baseUrl(server.url()),
          OpsCredentials.of(FakeOps.KEY, FakeOps.SECRET), new FakeClock());

      Throwable error = catchThrowable(() -> collector.open(WINDOW, 0).next());

      assertThat(error).isInstanceOf(CollectionFailedException.class).hasMessageContaining("HTTP 401");
      assertFree(error.getMessage(), List.of(FakeOps.KEY, FakeOps.SECRET));
      log.lines().forEach(line -> assertFree(line, List.of(FakeOps.KEY, FakeOps.SECRET)));
    }
  }

  @Test
  void factoryCarriesWhereCredentialsAreNotWhatTheyAre(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ops.properties");
    Files.writeString(file, "key=" + FakeOps.KEY + "\nsecret=" + FakeOps.SECRET + "\n");
    EpoOpsCollectorFactory fromFile = new EpoOpsCollectorFactory(OpsSettings.defaults(), OpsCredentials.fromFile(file.toString()));
    assertThat(OpsCredentials.fromFile(file.toString()).get()).isEqualTo(new OpsCredentials.Key(FakeOps.KEY, FakeOps.SECRET));
    assertThat(fromFile.office()).isEqualTo("EPO");
    assertThat(fromFile.toString()).contains("ops.properties").contains("https://ops.epo.org");
    assertFree(fromFile.toString(), List.of(FakeOps.KEY, FakeOps.SECRET));
    assertFree(new String(serialize(fromFile), StandardCharsets.ISO_8859_1), List.of(FakeOps.KEY, FakeOps.SECRET));
    assertThat(fromFile.create()).isInstanceOf(EpoOpsCollector.class);

    EpoOpsCollectorFactory fixed = new EpoOpsCollectorFactory(OpsSettings.defaults(), OpsCredentials.of(FakeOps.KEY, FakeOps.SECRET));
    assertFree(fixed.toString(), List.of(FakeOps.KEY, FakeOps.SECRET));
    assertThat(new OpsCredentials.Key(FakeOps.KEY, FakeOps.SECRET).toString()).isEqualTo("Key[***]");

    EpoOpsCollectorFactory env = EpoOpsCollectorFactory.fromEnvironment();
    assertThat(env.toString()).contains("EPO_OPS_KEY").contains("EPO_OPS_SECRET");
    Throwable missing = catchThrowable(() -> OpsCredentials.fromEnvironment("P2T_TEST_NO_SUCH_KEY", "P2T_TEST_NO_SUCH_SECRET").get());
    assertThat(missing).hasMessageContaining("P2T_TEST_NO_SUCH_KEY");
  }

  private static byte[] serialize(Object o) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }
}
