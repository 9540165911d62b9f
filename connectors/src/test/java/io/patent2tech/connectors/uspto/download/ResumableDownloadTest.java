package io.patent2tech.connectors.uspto.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.connectors.collect.CollectionFailedException;
import io.patent2tech.connectors.collect.RunStats;
import io.patent2tech.connectors.collect.http.CuttingFileServer;
import io.patent2tech.connectors.http.ReplayServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumableDownloadTest {

  @TempDir Path dir;

  private final byte[] content = bytes(200_000);

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(42).nextBytes(b);
    return b;
  }

  static ProductFile listed(String name, long size, String uri) {
    return new ProductFile("PTGRXML", name, size, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2),
        URI.create(uri), null);
  }

  private ResumableDownload download(RunStats stats) {
    return new ResumableDownload(UsptoListingTest.http(stats, "odp-key"), dir);
  }

  @Test
  void followsTheRedirectAndSendsTheKeyOnlyToTheApiHost() throws Exception {
    try (ReplayServer api = new ReplayServer(); ReplayServer storage = new ReplayServer()) {
      api.route(r -> new ReplayServer.Response(302, Map.of("Location", storage.url() + "/bucket/ipg240102.zip"), new byte[0]));
      storage.route(r -> ReplayServer.Response.of(200, "application/zip", content));
      RunStats stats = new RunStats();

      Path file = download(stats).fetch(listed("ipg240102.zip", content.length,
          api.url() + "/api/v1/datasets/products/files/PTGRXML/2024/ipg240102.zip"),
          Map.of("X-API-KEY", "odp-key"), Set.of("X-API-KEY"));

      assertThat(file).isEqualTo(dir.resolve("ipg240102.zip"));
      assertThat(Files.readAllBytes(file)).isEqualTo(content);
      assertThat(api.requests().get(0).header("X-API-KEY")).isEqualTo("odp-key");
      assertThat(storage.requests()).hasSize(1);
      assertThat(storage.requests().get(0).header("X-API-KEY")).isNull();
      assertThat(stats.requests).isEqualTo(2);
      assertThat(stats.bytes).isEqualTo(content.length);
    }
  }

  @Test
  void resumesACutTransferWithARangeRequest() throws Exception {
    try (CuttingFileServer server = new CuttingFileServer(content, 70_000, true)) {
      Path file = download(new RunStats()).fetch(listed("ipg240102.zip", content.length,
          server.url("/ipg240102.zip")), Map.of(), Set.of());

      // the second request continues where the kept part ends: at most the 70,000 bytes the server
      // sent (the client may not get the last of them before the cut), and more than nothing
      assertThat(server.ranges()).hasSize(2);
      assertThat(server.ranges().get(0)).isEmpty();
      assertThat(server.ranges().get(1)).matches("bytes=\\d+-");
      long resumedAt = Long.parseLong(server.ranges().get(1).replaceAll("\\D", ""));
      assertThat(resumedAt).isPositive().isLessThanOrEqualTo(70_000);
      assertThat(Files.readAllBytes(file)).isEqualTo(content);
      assertThat(dir.resolve("ipg240102.zip.part")).doesNotExist();
    }
  }

  @Test
  void startsOverWhenTheServerIgnoresTheRange() throws Exception {
    try (CuttingFileServer server = new CuttingFileServer(content, 50_000, false)) {
      Path file = download(new RunStats()).fetch(listed("ipg240102.zip", content.length,
          server.url("/ipg240102.zip")), Map.of(), Set.of());

      assertThat(server.ranges()).containsExactly("", "bytes=50000-");
      assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }
  }

  @Test
  void resumesAPartFileLeftByAnEarlierRun() throws Exception {
    Files.write(dir.resolve("ipg240102.zip.part"), java.util.Arrays.copyOf(content, 120_000));
    try (CuttingFileServer server = new CuttingFileServer(content, content.length, true)) {
      // the "first" request is the resumed one here; the server cuts nothing (cutAfter = length)
      Path file = download(new RunStats()).fetch(listed("ipg240102.zip", content.length,
          server.url("/ipg240102.zip")), Map.of(), Set.of());

      assertThat(server.ranges()).containsExactly("bytes=120000-");
      assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }
  }

  @Test
  void aFileOfAnotherSizeThanListedIsRefusedAndRemoved() throws Exception {
    try (ReplayServer server = new ReplayServer()) {
      server.route(r -> ReplayServer.Response.of(200, "application/zip", content));

      assertThatThrownBy(() -> download(new RunStats()).fetch(listed("ipg240102.zip", content.length - 10,
          server.url() + "/ipg240102.zip"), Map.of(), Set.of()))
          .isInstanceOf(CollectionFailedException.class)
          .hasMessageContaining("size " + content.length + " bytes, the listing says " + (content.length - 10));
      assertThat(dir.resolve("ipg240102.zip")).doesNotExist();
      assertThat(dir.resolve("ipg240102.zip.part")).doesNotExist();
    }
  }

  @Test
  void aChecksumMismatchIsRefused() throws Exception {
    try (ReplayServer server = new ReplayServer()) {
      server.route(r -> ReplayServer.Response.of(200, "application/zip", content));
      String good = "MD5:" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
      ProductFile ok = new ProductFile("P", "a.zip", content.length, LocalDate.of(2024, 1, 2), null,
          URI.create(server.url() + "/a.zip"), good);
      ProductFile bad = new ProductFile("P", "b.zip", content.length, LocalDate.of(2024, 1, 2), null,
          URI.create(server.url() + "/b.zip"), "MD5:00000000000000000000000000000000");

      assertThat(Files.readAllBytes(download(new RunStats()).fetch(ok, Map.of(), Set.of()))).isEqualTo(content);
      assertThatThrownBy(() -> download(new RunStats()).fetch(bad, Map.of(), Set.of()))
          .isInstanceOf(CollectionFailedException.class).hasMessageContaining("checksum");
      assertThat(dir.resolve("b.zip")).doesNotExist();
    }
  }

  @Test
  void aCompleteFileIsNotDownloadedAgain() throws Exception {
    Files.write(dir.resolve("ipg240102.zip"), content);
    try (ReplayServer server = new ReplayServer()) {
      server.route(r -> ReplayServer.Response.of(200, "application/zip", content));

      Path file = download(new RunStats()).fetch(listed("ipg240102.zip", content.length,
          server.url() + "/ipg240102.zip"), Map.of(), Set.of());

      assertThat(file).isEqualTo(dir.resolve("ipg240102.zip"));
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void retriesA503ThenDownloads() throws Exception {
    try (ReplayServer server = new ReplayServer()) {
      int[] calls = {0};
      server.route(r -> ++calls[0] == 1 ? ReplayServer.Response.of(503, "text/plain", "busy".getBytes())
          : ReplayServer.Response.of(200, "application/zip", content));

      Path file = download(new RunStats()).fetch(listed("x.zip", content.length, server.url() + "/x.zip"),
          Map.of(), Set.of());

      assertThat(Files.readAllBytes(file)).isEqualTo(content);
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void refusesANameThatLeavesTheDirectory() {
    assertThatThrownBy(() -> download(new RunStats()).fetch(listed("../evil.zip", 1, "http://127.0.0.1:1/x"),
        Map.of(), Set.of())).isInstanceOf(CollectionFailedException.class);
  }
}
