package io.patent2tech.connectors.epo;

import io.patent2tech.connectors.http.Cassette;
import io.patent2tech.connectors.http.ReplayServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OPS as a {@link ReplayServer} route over a synthetic corpus: {@code perDay} publications a day,
 * numbered 1000000.. in date order, their exchange-documents made from the captured
 * search-with-biblio response (or a minimal one), claims and description served from the captured
 * patent-dev responses. Checks the Basic and Bearer headers as OPS does, answers counts and pages
 * by the {@code pd within} range and {@code Range} of the query, and sends captured throttling
 * headers. Scripted failures are routes added before this one.
 */
final class FakeOps implements ReplayServer.Route {

  static final String KEY = "KEY-abc123";
  static final String SECRET = "SECRET-xyz789";
  static final Pattern PD = Pattern.compile("pd within \"(\\d{8}) (\\d{8})\"");
  static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");
  static final Pattern FULLTEXT =
      Pattern.compile("/3\\.2/rest-services/published-data/publication/docdb/([A-Z]{2})\\.(\\w+)\\.(\\w+)/(claims|description)");

  final TreeMap<LocalDate, Integer> perDay = new TreeMap<>();
  final AtomicInteger tokensIssued = new AtomicInteger();
  final AtomicInteger quotaUsed = new AtomicInteger(17008274);
  volatile String validToken;
  volatile String throttling;
  volatile boolean minimal;
  IntFunction<String> country = i -> i % 50 == 3 ? "EP" : i % 50 == 7 ? "WO" : "US";

  private final String template = EpoFixtures.exchangeDocumentTemplate();
  final byte[] claims = EpoFixtures.bytes("patent-dev/get_claims_response.xml");
  final byte[] description = EpoFixtures.bytes("patent-dev/get_description_response.xml");
  final byte[] invalidToken = Cassette.read(EpoFixtures.dir().resolve(Path.of("family", "cassettes", "api_test", "test_api.yaml")))
      .get(0).body();

  FakeOps() {
    throttling = EpoFixtures.cassetteHeader("fhg-imw/all_queries.yml", "X-Throttling-Control").get(0);
  }

  FakeOps day(String date, int count) {
    perDay.put(LocalDate.parse(date), count);
    return this;
  }

  /** Makes the current token invalid, as an expiry on the OPS side. */
  void expireToken() {
    validToken = "expired";
  }

  static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public ReplayServer.Response answer(ReplayServer.Request r) {
    String path = r.uri().getRawPath();
    if (r.method().equals("POST") && path.equals("/3.2/auth/accesstoken")) {
      if (!basic().equals(r.header("Authorization"))
          || !new String(r.body(), StandardCharsets.UTF_8).equals("grant_type=client_credentials")) {
        return ReplayServer.Response.of(401, "application/json", "{\"error\":\"invalid_client\"}".getBytes());
      }
      validToken = "tok-" + tokensIssued.incrementAndGet() + "-s3cr3t";
      String json = "{\"token_type\":\"BearerToken\",\"access_token\":\"" + validToken
          + "\",\"expires_in\":\"1199\",\"status\":\"approved\"}";
      return ReplayServer.Response.of(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
    if (!("Bearer " + validToken).equals(r.header("Authorization"))) {
      return xml(400, invalidToken);
    }
    if (!"application/xml".equals(r.header("Accept"))) {
      return xml(406, "<error>Accept</error>".getBytes());
    }
    Matcher ft = FULLTEXT.matcher(path);
    if (ft.matches()) {
      boolean isClaims = ft.group(4).equals("claims");
      if (ft.group(1).equals("WO") && !isClaims) {
        return xml(404, "<fault><code>SERVER.EntityNotFound</code><message>No results found</message></fault>".getBytes());
      }
      return xml(200, isClaims ? claims : description);
    }
    boolean biblio = path.equals("/3.2/rest-services/published-data/search/biblio");
    if (!biblio && !path.equals("/3.2/rest-services/published-data/search")) {
      return null;
    }
    Map<String, String> q = r.query();
    Matcher pd = PD.matcher(q.getOrDefault("q", ""));
    Matcher range = RANGE.matcher(q.getOrDefault("Range", "1-25"));
    if (!pd.find() || !range.matches()) {
      return xml(400, "<error>bad query</error>".getBytes());
    }
    LocalDate from = LocalDate.parse(pd.group(1), DateTimeFormatter.BASIC_ISO_DATE);
    LocalDate to = LocalDate.parse(pd.group(2), DateTimeFormatter.BASIC_ISO_DATE);
    int first = 0;
    int total = 0;
    for (var e : perDay.entrySet()) {
      if (e.getKey().isBefore(from)) {
        first += e.getValue();
      } else if (!e.getKey().isAfter(to)) {
        total += e.getValue();
      }
    }
    if (total == 0) {
      return xml(404, "<fault><code>SERVER.EntityNotFound</code><message>No results found</message></fault>".getBytes());
    }
    int begin = Integer.parseInt(range.group(1));
    int end = Math.min(Integer.parseInt(range.group(2)), total);
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<?xml-stylesheet type=\"text/xsl\" href=\"../../../style/exchange.xsl\"?>\n"
        + "<ops:world-patent-data xmlns=\"http://www.epo.org/exchange\" xmlns:ops=\"http://ops.epo.org\" "
        + "xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<ops:biblio-search total-result-count=\"" + total
        + "\" publications-count=\"" + (end - begin + 1) + "\">\n<ops:query syntax=\"CQL\">"
        + q.get("q").replace("&", "&amp;").replace("<", "&lt;") + "</ops:query>\n<ops:range begin=\"" + begin
        + "\" end=\"" + end + "\"/>\n<ops:search-result>\n");
    for (int i = begin; i <= end; i++) {
      int global = first + i - 1;
      String cc = country.apply(global);
      String number = String.valueOf(1000000 + global);
      if (biblio) {
        out.append("<exchange-documents>").append(document(cc, number)).append("</exchange-documents>\n");
      } else {
        out.append("<ops:publication-reference system=\"ops.epo.org\"><document-id document-id-type=\"docdb\"><country>")
            .append(cc).append("</country><doc-number>").append(number).append("</doc-number><kind>A1</kind></document-id></ops:publication-reference>\n");
      }
    }
    out.append("</ops:search-result>\n</ops:biblio-search>\n</ops:world-patent-data>\n");
    return xml(200, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private String document(String cc, String number) {
    if (minimal) {
      return "<exchange-document system=\"ops.epo.org\" country=\"" + cc + "\" doc-number=\"" + number
          + "\" kind=\"A1\"><bibliographic-data><invention-title lang=\"en\">T" + number
          + "</invention-title></bibliographic-data></exchange-document>";
    }
    return template.replaceFirst("country=\"AU\" doc-number=\"2024270787\" kind=\"A1\"",
        "country=\"" + cc + "\" doc-number=\"" + number + "\" kind=\"A1\"");
  }

  ReplayServer.Response xml(int status, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/xml");
    headers.put("X-Throttling-Control", throttling);
    headers.put("X-IndividualQuotaPerHour-Used", String.valueOf(quotaUsed.addAndGet(body.length)));
    headers.put("X-RegisteredQuotaPerWeek-Used", String.valueOf(502112806 + quotaUsed.get()));
    return new ReplayServer.Response(status, headers, body);
  }

}
