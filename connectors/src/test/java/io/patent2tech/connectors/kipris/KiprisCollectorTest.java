package io.patent2tech.connectors.kipris;

import static io.patent2tech.connectors.collect.Cursors.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.connectors.collect.CollectWindow;
import io.patent2tech.connectors.collect.CollectionFailedException;
import io.patent2tech.connectors.collect.FetchedDocument;
import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.connectors.collect.http.CredentialSource;
import io.patent2tech.connectors.collect.http.OfficeHttp;
import io.patent2tech.connectors.http.CapturedLogs;
import io.patent2tech.connectors.http.ReplayServer;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KiprisCollectorTest {

  private static final String KEY = "Kx9+/abc=SECRET";
  private static final String ENCODED_KEY = "Kx9%2B%2Fabc%3DSECRET";
  private static final String SEARCH = "/kipo-api/kipi/patUtiModInfoSearchSevice/getAdvancedSearch";
  private static final String DETAIL = "/kipo-api/kipi/patUtiModInfoSearchSevice/getBibliographyDetailInfoSearch";
  private static final CollectWindow WINDOW =
      new CollectWindow("KIPO", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), "openDate");


  private static OfficeCollector collector(ReplayServer server, String key, int rows) {
    return KiprisCollectorFactory.defaults(CredentialSource.value(key)).withBaseUrl(server.url())
        .withNumOfRows(rows).withHttp(OfficeHttp.Settings.defaults().withBackoff(Duration.ofMillis(5), 3))
        .create();
  }

  /** 25 hits on pages of 10, details echoing the application number. */
  private static List<String> serveWindow(ReplayServer server) {
    List<String> numbers = IntStream.range(0, 25).mapToObj(i -> String.valueOf(1020240000100L - i)).toList();
    server.route(r -> {
      if (!r.uri().getPath().equals(SEARCH)) {
        return null;
      }
      int page = Integer.parseInt(r.rawQuery().get("pageNo"));
      List<String> slice = numbers.subList(Math.min(25, (page - 1) * 10), Math.min(25, page * 10));
      return ReplayServer.Response.of(200, "application/xml",
          KiprisFixtures.searchPage(page, 10, 25, slice.toArray(String[]::new)));
    });
    server.route(r -> r.uri().getPath().equals(DETAIL)
        ? ReplayServer.Response.of(200, "application/xml", KiprisFixtures.detail(r.rawQuery().get("applicationNumber")))
        : null);
    return numbers;
  }

  @Test
  void pagesThroughTheWindowAndFetchesEveryDetailInNumberOrder() throws Exception {
    try (ReplayServer server = new ReplayServer(); CapturedLogs logs = new CapturedLogs()) {
      List<String> numbers = serveWindow(server);
      OfficeCollector.Cursor cursor = collector(server, KEY, 10).open(WINDOW, 0);

      List<FetchedDocument> docs = drain(cursor);

      List<String> sorted = numbers.stream().sorted().toList();
      assertThat(docs).hasSize(25);
      for (int i = 0; i < 25; i++) {
        FetchedDocument d = docs.get(i);
        assertThat(d.office).isEqualTo("KIPO");
        assertThat(d.format).isEqualTo(FetchedDocument.FORMAT_KIPRIS);
        assertThat(d.position).isEqualTo(i);
        assertThat(d.part("detail")).isEqualTo(KiprisFixtures.detail(sorted.get(i)));
        assertThat(d.request).isEqualTo("GET " + DETAIL + "?applicationNumber=" + sorted.get(i) + "&ServiceKey=***");
        assertThat(d.error).isNull();
      }
      List<ReplayServer.Request> searches = server.requests().stream()
          .filter(r -> r.uri().getPath().equals(SEARCH)).toList();
      assertThat(searches).hasSize(3);
      assertThat(searches.get(0).rawQuery()).containsEntry("openDate", "20240101~20240131")
          .containsEntry("patent", "true").containsEntry("utility", "true")
          .containsEntry("numOfRows", "10").containsEntry("pageNo", "1");
      assertThat(searches.get(2).rawQuery()).containsEntry("pageNo", "3");
      assertThat(cursor.stats().listed).isEqualTo(25);
      assertThat(cursor.stats().fetched).isEqualTo(25);
      assertThat(cursor.stats().requests).isEqualTo(28);
      assertNoKey(docs, logs.lines());

      List<FetchedDocument> resumed = drain(collector(server, KEY, 10).open(WINDOW, 20));
      assertThat(resumed).extracting(d -> d.position).containsExactly(20L, 21L, 22L, 23L, 24L);
      assertThat(resumed.get(0).part("detail")).isEqualTo(KiprisFixtures.detail(sorted.get(20)));
    }
  }

  @Test
  void readsARealLegacySearchPage() throws Exception {
    byte[] page = KiprisEnvelopeTest.fixture("neojune_enterprise_patent_120050421158_1.xml");
    try (ReplayServer server = new ReplayServer()) {
      server.route(r -> r.uri().getPath().equals(SEARCH) ? ReplayServer.Response.of(200, "text/xml", page) : null);
      server.route(r -> ReplayServer.Response.of(200, "text/xml", KiprisFixtures.detail(r.rawQuery().get("applicationNumber"))));

      List<FetchedDocument> docs = drain(collector(server, KEY, 500).open(WINDOW, 0));

      assertThat(docs).hasSize(14);
    }
  }

  @Test
  void anInvalidKeyFailsTheRunWithTheOfficesMessage() throws Exception {
    try (ReplayServer server = new ReplayServer(); CapturedLogs logs = new CapturedLogs()) {
      server.route(r -> ReplayServer.Response.of(200, "application/xml",
          KiprisFixtures.error("30", "SERVICE KEY IS NOT REGISTERED ERROR.")));

      assertThatThrownBy(() -> collector(server, KEY, 10).open(WINDOW, 0).next())
          .isInstanceOf(CollectionFailedException.class)
          .hasMessage("KIPRIS error 30: SERVICE KEY IS NOT REGISTERED ERROR.");
      assertNoKey(List.of(), logs.lines());
    }
  }

  @Test
  void theKeyIsEncodedExactlyOnce() throws Exception {
    for (String given : List.of(KEY, ENCODED_KEY)) {
      try (ReplayServer server = new ReplayServer()) {
        server.route(r -> ReplayServer.Response.of(200, "application/xml", KiprisFixtures.searchPage(1, 10, 0)));

        assertThat(collector(server, given, 10).open(WINDOW, 0).next()).isNull();

        assertThat(server.requests().get(0).uri().getRawQuery()).endsWith("&ServiceKey=" + ENCODED_KEY);
      }
    }
    assertThat(KiprisClient.encodeOnce("abc")).isEqualTo("abc");
  }

  @Test
  void aTruncatedDetailBecomesADocumentErrorAndTheRunGoesOn() throws Exception {
    try (ReplayServer server = new ReplayServer()) {
      server.route(r -> r.uri().getPath().equals(SEARCH) ? ReplayServer.Response.of(200, "application/xml",
          KiprisFixtures.searchPage(1, 10, 2, "1020240000001", "1020240000002")) : null);
      byte[] whole = KiprisFixtures.detail("1020240000001");
      byte[] truncated = Arrays.copyOf(whole, whole.length - 40);
      server.route(r -> ReplayServer.Response.of(200, "application/xml",
          r.rawQuery().get("applicationNumber").equals("1020240000001") ? truncated
              : KiprisFixtures.detail("1020240000002")));

      List<FetchedDocument> docs = drain(collector(server, KEY, 10).open(WINDOW, 0));

      assertThat(docs).hasSize(2);
      assertThat(docs.get(0).error).contains("malformed");
      assertThat(docs.get(0).part("detail")).isEqualTo(truncated);
      assertThat(docs.get(1).error).isNull();
    }
  }

  @Test
  void aNoDataDetailIsADocumentError() throws Exception {
    try (ReplayServer server = new ReplayServer()) {
      server.route(r -> r.uri().getPath().equals(SEARCH) ? ReplayServer.Response.of(200, "application/xml",
          KiprisFixtures.searchPage(1, 10, 1, "1020240000001")) : null);
      server.route(r -> ReplayServer.Response.of(200, "application/xml", KiprisFixtures.error("03", "NODATA_ERROR")));

      List<FetchedDocument> docs = drain(collector(server, KEY, 10).open(WINDOW, 0));

      assertThat(docs).singleElement().satisfies(d -> assertThat(d.error).isEqualTo("KIPRIS error 03: NODATA_ERROR"));
    }
  }

  @Test
  void a5xxIsRetriedThenSucceeds() throws Exception {
    try (ReplayServer server = new ReplayServer()) {
      AtomicInteger searches = new AtomicInteger();
      server.route(r -> r.uri().getPath().equals(SEARCH) && searches.incrementAndGet() == 1
          ? ReplayServer.Response.of(503, "text/plain", "busy".getBytes()) : null);
      server.route(r -> r.uri().getPath().equals(SEARCH) ? ReplayServer.Response.of(200, "application/xml",
          KiprisFixtures.searchPage(1, 10, 1, "1020240000001")) : null);
      server.route(r -> ReplayServer.Response.of(200, "application/xml", KiprisFixtures.detail("1020240000001")));

      List<FetchedDocument> docs = drain(collector(server, KEY, 10).open(WINDOW, 0));

      assertThat(docs).hasSize(1);
      assertThat(searches.get()).isEqualTo(2);
    }
  }

  @Test
  void anErrorPageEchoingTheKeyLeavesNoKeyInMessagesOrLogs() throws Exception {
    try (ReplayServer server = new ReplayServer(); CapturedLogs logs = new CapturedLogs()) {
      server.route(r -> ReplayServer.Response.of(500, "text/plain",
          ("internal error for " + r.pathAndQuery() + " key " + KEY).getBytes()));

      assertThatThrownBy(() -> collector(server, KEY, 10).open(WINDOW, 0).next())
          .isInstanceOf(CollectionFailedException.class)
          .hasMessageContaining("HTTP 500")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain(ENCODED_KEY)
              .doesNotContain("Kx9"));
      assertThat(logs.lines()).isNotEmpty();
      assertNoKey(List.of(), logs.lines());
    }
  }

  @Test
  void theFactoryIsSerializableAndNamesNoKey() throws Exception {
    KiprisCollectorFactory factory = KiprisCollectorFactory.defaults(CredentialSource.value(KEY));
    new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(factory);
    assertThat(factory.toString()).doesNotContain(KEY);
    assertThat(KiprisCollectorFactory.defaults().toString()).contains("KIPRIS_KEY");
  }

  static void assertNoKey(List<FetchedDocument> docs, List<String> logLines) {
    assertThat(logLines).noneMatch(l -> l.contains(KEY) || l.contains(ENCODED_KEY) || l.contains("Kx9"));
    for (FetchedDocument d : docs) {
      assertThat(d.request + d.file + d + d.error).doesNotContain(KEY).doesNotContain(ENCODED_KEY);
    }
  }
}
