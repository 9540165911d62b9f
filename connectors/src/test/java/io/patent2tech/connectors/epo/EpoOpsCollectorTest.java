package io.patent2tech.connectors.epo;

import static io.patent2tech.connectors.collect.Cursors.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.connectors.collect.CollectWindow;
import io.patent2tech.connectors.collect.CollectionFailedException;
import io.patent2tech.connectors.collect.FetchedDocument;
import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.connectors.epo.ops.OpsCredentials;
import io.patent2tech.connectors.epo.ops.OpsSettings;
import io.patent2tech.connectors.http.ReplayServer;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** EpoOpsCollector against OPS played by a local ReplayServer, on a fake clock unless said otherwise. */
class EpoOpsCollectorTest {

  private ReplayServer server;
  private FakeOps ops;
  private FakeClock clock;

  @BeforeEach
  void start() throws Exception {
    server = new ReplayServer();
    ops = new FakeOps();
    clock = new FakeClock();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OpsSettings settings() {
    return OpsSettings.defaults().baseUrl(server.url()).maxRetries(3).initialBackoff(Duration.ofSeconds(1))
        .maxBackoff(Duration.ofSeconds(8)).defaultRetryAfter(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(10));
  }

  private EpoOpsCollector collector(OpsSettings settings) {
    server.route(ops);
    return new EpoOpsCollector(settings, OpsCredentials.of(FakeOps.KEY, FakeOps.SECRET), clock);
  }

  private static CollectWindow window(String from, String to) {
    return new CollectWindow("EPO", LocalDate.parse(from), LocalDate.parse(to), null);
  }

  private List<String> searches(String path) {
    return server.requests().stream().filter(r -> r.uri().getRawPath().equals(path))
        .map(r -> r.query().get("Range") + " " + r.query().get("q"))
        .toList();
  }

  private static final String SEARCH = "/3.2/rest-services/published-data/search";
  private static final String BIBLIO = "/3.2/rest-services/published-data/search/biblio";

  @Test
  void normalWindowIsCountedAndPagedByHundreds() throws Exception {
    ops.day("2024-05-01", 120).day("2024-05-02", 0).day("2024-05-03", 130).day("2024-05-06", 7);
    OfficeCollector.Cursor cursor = collector(settings()).open(window("2024-05-01", "2024-05-03"), 0);

    List<FetchedDocument> docs = drain(cursor);

    assertThat(docs).hasSize(250);
    assertThat(docs).extracting(d -> d.position).containsExactlyElementsOf(
        java.util.stream.LongStream.range(0, 250).boxed().toList());
    assertThat(searches(SEARCH)).containsExactly("1-1 pd within \"20240501 20240503\"");
    assertThat(searches(BIBLIO)).extracting(s -> s.split(" ")[0]).containsExactly("1-100", "101-200", "201-250");
    assertThat(server.requests()).filteredOn(r -> !r.method().equals("POST"))
        .allSatisfy(r -> {
          assertThat(r.header("Authorization")).isEqualTo("Bearer tok-1-s3cr3t");
          assertThat(r.header("Accept")).isEqualTo("application/xml");
        });

    FetchedDocument us = docs.get(0);
    assertThat(us.office).isEqualTo("EPO");
    assertThat(us.format).isEqualTo(FetchedDocument.FORMAT_EPO_OPS);
    assertThat(us.file).isEqualTo("epo-ops:US.1000000.A1");
    assertThat(us.partNames).containsExactly("biblio");
    assertThat(us.error).isNull();
    assertThat(us.request).startsWith("GET /3.2/rest-services/published-data/search/biblio?q=pd%20within%20%2220240501%2020240503%22&Range=1-100")
        .doesNotContain("tok-");
    Document biblio = parse(us.part("biblio"));
    assertThat(biblio.getDocumentElement().getNamespaceURI()).isEqualTo("http://ops.epo.org");
    assertThat(biblio.getDocumentElement().getLocalName()).isEqualTo("world-patent-data");
    Element exchange = (Element) biblio.getElementsByTagNameNS("http://www.epo.org/exchange", "exchange-document").item(0);
    assertThat(exchange.getAttribute("doc-number")).isEqualTo("1000000");
    assertThat(biblio.getElementsByTagNameNS("http://www.epo.org/exchange", "exchange-document").getLength()).isEqualTo(1);
    assertThat(biblio.getElementsByTagNameNS("http://www.epo.org/exchange", "invention-title").getLength()).isPositive();

    FetchedDocument ep = docs.get(3);
    assertThat(ep.file).isEqualTo("epo-ops:EP.1000003.A1");
    assertThat(ep.partNames).containsExactly("biblio", "claims", "description");
    assertThat(ep.part("claims")).isEqualTo(ops.claims);
    assertThat(ep.request.split("; ")).hasSize(3);
    assertThat(ep.request).contains("GET /3.2/rest-services/published-data/publication/docdb/EP.1000003.A1/claims")
        .contains("/EP.1000003.A1/description");
    FetchedDocument wo = docs.get(7);
    assertThat(wo.partNames).containsExactly("biblio", "claims"); // description 404: no part
    assertThat(wo.error).isNull();

    assertThat(cursor.stats().listed).isEqualTo(250);
    assertThat(cursor.stats().fetched).isEqualTo(250);
    long fulltext = docs.stream().filter(d -> d.file.startsWith("epo-ops:EP") || d.file.startsWith("epo-ops:WO")).count();
    assertThat(cursor.stats().requests).isEqualTo(1 + 3 + 2 * fulltext);
    assertThat(cursor.stats().bytes).isPositive();
    Map<String, String> quota = cursor.stats().quotaSnapshot();
    assertThat(quota.get("x-throttling-control")).startsWith("idle (images=green:200");
    assertThat(quota).containsKeys("x-individualquotaperhour-used", "x-registeredquotaperweek-used");
  }

  @Test
  void capturedSearchWithBiblioResponseIsCutIntoDocuments() throws Exception {
    byte[] page = EpoFixtures.bytes("patent-dev/search_with_constituent_response.xml");
    String count = "<ops:world-patent-data xmlns:ops=\"http://ops.epo.org\"><ops:biblio-search total-result-count=\"3\"/></ops:world-patent-data>";
    server.route(r -> r.uri().getRawPath().equals(BIBLIO) ? ops.xml(200, page) : null);
    server.route(r -> r.uri().getRawPath().equals(SEARCH) ? ops.xml(200, count.getBytes()) : null);
    ops.day("2025-10-23", 3);

    List<FetchedDocument> docs = drain(collector(settings()).open(
        new CollectWindow("EPO", LocalDate.parse("2025-10-23"), LocalDate.parse("2025-10-23"), "pa=Siemens"), 0));

    assertThat(docs).extracting(d -> d.file)
        .containsExactly("epo-ops:AU.2024270787.A1", "epo-ops:AU.2024265697.A1", "epo-ops:DK.3740998.T3");
    assertThat(searches(SEARCH)).containsExactly("1-1 pd within \"20251023 20251023\" and (pa=Siemens)");
    Document second = parse(docs.get(1).part("biblio"));
    assertThat(second.getElementsByTagNameNS("http://www.epo.org/exchange", "abstract").getLength()).isEqualTo(1);
    assertThat(new String(docs.get(0).part("biblio"), "UTF-8")).doesNotContain("2024265697");
  }

  @Test
  void windowOverTwoThousandHitsIsSplitByDateUntilEachPartFits() throws Exception {
    ops.minimal = true;
    ops.day("2024-05-01", 1500).day("2024-05-02", 900).day("2024-05-03", 700).day("2024-05-04", 2500);
    // resume near the end: planning is complete, only the last page is fetched
    OfficeCollector.Cursor cursor = collector(settings().fetchFulltext(false)).open(window("2024-05-01", "2024-05-04"), 5095);

    List<FetchedDocument> docs = drain(cursor);

    assertThat(searches(SEARCH)).extracting(s -> s.substring(s.indexOf('"'))).containsExactly(
        "\"20240501 20240504\"", "\"20240501 20240502\"", "\"20240501 20240501\"", "\"20240502 20240502\"",
        "\"20240503 20240504\"", "\"20240503 20240503\"", "\"20240504 20240504\"");
    assertThat(searches(BIBLIO)).containsExactly("1901-2000 pd within \"20240504 20240504\"");
    // a single day over 2,000 cannot be split: its first 2,000 are taken (1500 + 900 + 700 + 2000 = 5100)
    // and the cut is recorded
    assertThat(docs).extracting(d -> d.position).containsExactly(5095L, 5096L, 5097L, 5098L, 5099L);
    assertThat(docs.get(4).file).isEqualTo("epo-ops:US.1005099.A1");
    assertThat(cursor.stats().listed).isEqualTo(5600);
    assertThat(cursor.stats().quotaSnapshot().get("epo-ops-truncated-days")).contains("2024-05-04 (2500 hits");
  }

  @Test
  void splitWindowsArePagedInDateOrder() throws Exception {
    ops.minimal = true;
    ops.day("2024-05-01", 1500).day("2024-05-02", 900);
    List<FetchedDocument> docs = drain(collector(settings().fetchFulltext(false)).open(window("2024-05-01", "2024-05-02"), 0));
    assertThat(docs).hasSize(2400);
    assertThat(docs.get(1500).file).isEqualTo("epo-ops:US.1001500.A1");
    assertThat(searches(BIBLIO)).hasSize(15 + 9).allSatisfy(s -> assertThat(s).doesNotContain("20240501 20240502"));
  }

  @Test
  void tokenThatExpiresMidRunIsRenewedOnceAndTheCallRetried() throws Exception {
    ops.day("2024-05-01", 150);
    AtomicInteger apiCalls = new AtomicInteger();
    server.route(r -> {
      if (!r.method().equals("POST") && apiCalls.incrementAndGet() == 3) {
        ops.expireToken();
      }
      return null;
    });
    OfficeCollector.Cursor cursor = collector(settings().fetchFulltext(false)).open(window("2024-05-01", "2024-05-01"), 0);

    assertThat(drain(cursor)).hasSize(150);
    assertThat(ops.tokensIssued.get()).isEqualTo(2);
    List<String> lines = server.requests().stream().map(r -> r.method() + " " + r.uri().getRawPath()
        + " " + r.query().getOrDefault("Range", "")).toList();
    assertThat(lines).containsExactly(
        "POST /3.2/auth/accesstoken ", "GET " + SEARCH + " 1-1", "GET " + BIBLIO + " 1-100",
        "GET " + BIBLIO + " 101-150", "POST /3.2/auth/accesstoken ", "GET " + BIBLIO + " 101-150");
  }

  @Test
  void tokenRefusedTwiceFailsTheRun() throws Exception {
    ops.day("2024-05-01", 5);
    server.route(r -> r.method().equals("GET") ? ops.xml(400, ops.invalidToken) : null);
    OfficeCollector.Cursor cursor = collector(settings()).open(window("2024-05-01", "2024-05-01"), 0);
    assertThatThrownBy(cursor::next).isInstanceOf(CollectionFailedException.class)
        .hasMessageContaining("refused again");
    assertThat(ops.tokensIssued.get()).isEqualTo(2);
  }

  @Test
  void hourlyQuotaRejectionWaitsForTheNextFullHour() throws Exception {
    clock = new FakeClock(java.time.Instant.parse("2024-05-22T10:59:59.500Z"), true);
    ops.day("2024-05-01", 5);
    String reason = EpoFixtures.cassetteHeader("fhg-imw/epo_rate_limit_exceeded.yml", "X-Rejection-Reason").get(0);
    assertThat(reason).isEqualTo("IndividualQuotaPerHour");
    AtomicInteger n = new AtomicInteger();
    server.route(r -> r.method().equals("GET") && n.incrementAndGet() == 1
        ? new ReplayServer.Response(403, Map.of("Content-Type", "text/xml", "X-Rejection-Reason", reason),
            "<error><code>403</code><message>This request has been rejected due to the violation of Fair Use policy</message></error>".getBytes())
        : null);
    OfficeCollector.Cursor cursor = collector(settings().fetchFulltext(false)).open(window("2024-05-01", "2024-05-01"), 0);

    assertThat(drain(cursor)).hasSize(5);
    assertThat(clock.sleeps()).contains(Duration.ofMillis(500));
    assertThat(cursor.stats().quotaSnapshot()).containsEntry("x-rejection-reason", "IndividualQuotaPerHour");
    assertThat(cursor.stats().throttledMillis).isGreaterThanOrEqualTo(500);
  }

  @Test
  void aThrottlingRejectionWaitsOnlyItsRetryAfter() throws Exception {
    ops.day("2024-05-01", 5);
    AtomicInteger n = new AtomicInteger();
    // what OPS sends a consumer that asked faster than the service's allowance
    server.route(r -> r.method().equals("GET") && n.incrementAndGet() == 1
        ? new ReplayServer.Response(403, Map.of("Content-Type", "text/xml", "X-Rejection-Reason",
            "ThrottlingControlQuota", "Retry-After", "2"), "<error><code>403</code></error>".getBytes())
        : null);
    OfficeCollector.Cursor cursor = collector(settings().fetchFulltext(false)).open(window("2024-05-01", "2024-05-01"), 0);

    assertThat(drain(cursor)).hasSize(5);
    assertThat(clock.sleeps()).contains(Duration.ofSeconds(2)).doesNotContain(Duration.ofSeconds(30));
    assertThat(cursor.stats().quotaSnapshot()).containsEntry("x-rejection-reason", "ThrottlingControlQuota");
  }

  @Test
  void quotaThatResetsTooLateOrWeeklyFailsTheRun() throws Exception {
    ops.day("2024-05-01", 5);
    AtomicInteger n = new AtomicInteger();
    server.route(r -> r.method().equals("GET")
        ? new ReplayServer.Response(403, Map.of("X-Rejection-Reason", n.incrementAndGet() == 1 ? "IndividualQuotaPerHour" : "RegisteredQuotaPerWeek"),
            "<error/>".getBytes())
        : null);
    EpoOpsCollector collector = collector(settings().maxQuotaWait(Duration.ofMinutes(5)));
    // 10:15 -> the hour resets in 45 min, more than the 5 allowed
    assertThatThrownBy(() -> collector.open(window("2024-05-01", "2024-05-01"), 0).next())
        .isInstanceOf(CollectionFailedException.class).hasMessageContaining("IndividualQuotaPerHour");
    assertThatThrownBy(() -> collector.open(window("2024-05-01", "2024-05-01"), 0).next())
        .isInstanceOf(CollectionFailedException.class).hasMessageContaining("weekly");
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void tooManyRequestsHonoursRetryAfterAndGarbageGetsTheDefault() throws Exception {
    ops.day("2024-05-01", 5);
    AtomicInteger n = new AtomicInteger();
    server.route(r -> {
      int i = r.method().equals("GET") ? n.incrementAndGet() : 0;
      if (i == 1) {
        return new ReplayServer.Response(429, Map.of("Retry-After", "3"), new byte[0]);
      }
      if (i == 2) {
        return new ReplayServer.Response(503, Map.of("Retry-After", "-7 bananas"), new byte[0]);
      }
      if (i == 3) {
        return new ReplayServer.Response(429, Map.of("Retry-After", "99999999"), new byte[0]);
      }
      return null;
    });
    OfficeCollector.Cursor cursor = collector(settings().fetchFulltext(false).maxRetries(5)
        .maxRetryAfter(Duration.ofSeconds(20))).open(window("2024-05-01", "2024-05-01"), 0);

    assertThat(drain(cursor)).hasSize(5);
    // 3 s as asked; garbage -> the 2 s default, but back-off of retry 2 is already 2 s; huge -> clamped to 20 s
    assertThat(clock.sleeps()).startsWith(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(20));
    assertThat(clock.sleeps()).allSatisfy(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20)));
  }

  @Test
  void serverErrorsAreRetriedWithExponentialBackoffThenGiveUp() throws Exception {
    ops.day("2024-05-01", 5);
    AtomicInteger n = new AtomicInteger();
    server.route(r -> r.method().equals("GET") && n.incrementAndGet() <= 2
        ? ReplayServer.Response.of(502, "text/html", "<html>Bad Gateway</html>".getBytes()) : null);
    assertThat(drain(collector(settings().fetchFulltext(false)).open(window("2024-05-01", "2024-05-01"), 0))).hasSize(5);
    assertThat(clock.sleeps()).startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2));

    server.route(r -> null);
    n.set(-1000);
    FakeClock c2 = new FakeClock();
    EpoOpsCollector failing = new EpoOpsCollector(settings(), OpsCredentials.of(FakeOps.KEY, FakeOps.SECRET), c2);
    assertThatThrownBy(() -> failing.open(window("2024-05-01", "2024-05-01"), 0).next())
        .isInstanceOf(CollectionFailedException.class).hasMessageContaining("HTTP 502").hasMessageContaining("retries spent");
    assertThat(c2.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void truncatedClaimsBecomeAnErrorDocumentWithTheBytes() throws Exception {
    ops.day("2024-05-01", 5);
    byte[] truncated = Arrays.copyOf(ops.claims, ops.claims.length / 2);
    server.route(r -> r.uri().getRawPath().endsWith("/EP.1000003.A1/claims") ? ops.xml(200, truncated) : null);

    List<FetchedDocument> docs = drain(collector(settings()).open(window("2024-05-01", "2024-05-01"), 0));

    assertThat(docs).hasSize(5);
    FetchedDocument ep = docs.get(3);
    assertThat(ep.error).contains("claims response is malformed or truncated");
    assertThat(ep.part("claims")).isEqualTo(truncated);
    assertThat(ep.part("description")).isEqualTo(ops.description);
    assertThat(docs.get(4).error).isNull();
  }

  @Test
  void malformedSearchPageIsAskedOnceMoreThenFailsTheRun() throws Exception {
    ops.day("2024-05-01", 5);
    AtomicInteger n = new AtomicInteger();
    server.route(r -> r.uri().getRawPath().equals(BIBLIO) && n.incrementAndGet() == 1
        ? ops.xml(200, "<ops:world-patent-data xmlns:ops=\"http://ops.epo.org\"><ops:biblio-sea".getBytes()) : null);
    assertThat(drain(collector(settings().fetchFulltext(false)).open(window("2024-05-01", "2024-05-01"), 0))).hasSize(5);
    assertThat(n.get()).isEqualTo(2);

    server.route(r -> null);
    ReplayServer broken = new ReplayServer();
    try {
      broken.route(r -> r.uri().getRawPath().equals(BIBLIO) ? ops.xml(200, "<html>maintenance</html>".getBytes()) : null);
      broken.route(ops);
      EpoOpsCollector c = new EpoOpsCollector(settings().baseUrl(broken.url()), OpsCredentials.of(FakeOps.KEY, FakeOps.SECRET), clock);
      assertThatThrownBy(() -> c.open(window("2024-05-01", "2024-05-01"), 0).next())
          .isInstanceOf(CollectionFailedException.class).hasMessageContaining("malformed twice");
      assertThat(broken.requests()).filteredOn(r -> r.uri().getRawPath().equals(BIBLIO)).hasSize(2);
    } finally {
      broken.close();
    }
  }

  @Test
  void skipResumesAtTheRightDocumentWithoutFetchingTheSkippedFullText() throws Exception {
    ops.day("2024-05-01", 120).day("2024-05-02", 130);
    EpoOpsCollector collector = collector(settings());
    List<FetchedDocument> all = drain(collector.open(window("2024-05-01", "2024-05-02"), 0));
    int before = server.requests().size();

    List<FetchedDocument> resumed = drain(collector.open(window("2024-05-01", "2024-05-02"), 137));

    assertThat(resumed).hasSize(250 - 137);
    assertThat(resumed.get(0).position).isEqualTo(137);
    assertThat(resumed.get(0).file).isEqualTo(all.get(137).file);
    assertThat(resumed).extracting(d -> d.file).containsExactlyElementsOf(all.subList(137, 250).stream().map(d -> d.file).toList());
    List<ReplayServer.Request> after = server.requests().subList(before, server.requests().size());
    assertThat(after).filteredOn(r -> r.uri().getRawPath().equals(BIBLIO))
        .extracting(r -> r.query().get("Range")).containsExactly("101-200", "201-250");
    assertThat(after).filteredOn(r -> r.uri().getRawPath().contains("/publication/docdb/"))
        .allSatisfy(r -> assertThat(Integer.parseInt(r.uri().getRawPath().replaceAll(".*\\.(\\d+)\\.A1/.*", "$1")))
            .isGreaterThanOrEqualTo(1000137));
  }

  @Test
  void emptyWindowYieldsNothing() throws Exception {
    ops.day("2024-05-01", 5);
    OfficeCollector.Cursor cursor = collector(settings()).open(window("2024-06-01", "2024-06-30"), 0);
    assertThat(cursor.next()).isNull();
    assertThat(cursor.stats().listed).isZero();
  }

  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }
}
