package io.patent2tech.connectors.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.patent2tech.connectors.http.ReplayServer;

/**
 * EPO OPS 3.2 as a {@link ReplayServer} route over captured documents: each captured {@code
 * exchange-document} is "published" on a replay day chosen by the test, and the route answers the
 * token exchange (checking the Basic credentials), {@code published-data/search} counts and {@code
 * search/biblio} pages by the {@code pd within} range and {@code Range} of the query, and claims and
 * description of the documents they were captured for (404 otherwise, as OPS does for documents
 * without full text), and the images inquiry and image pages given to {@link #images} and {@link
 * #page} ({@code published-data/images/{link}.tiff?Range=N}). Every response carries an {@code
 * X-Throttling-Control} header.
 */
public final class EpoOpsReplay implements ReplayServer.Route {

  private static final Pattern PD = Pattern.compile("pd within \"(\\d{8}) (\\d{8})\"");
  private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");
  private static final Pattern DOCUMENT =
      Pattern.compile("<exchange-document\\b[^>]*country=\"(\\w+)\" doc-number=\"(\\w+)\" kind=\"(\\w+)\".*?</exchange-document>", Pattern.DOTALL);
  private static final Pattern IMAGES_INQUIRY =
      Pattern.compile("/3\\.2/rest-services/published-data/publication/docdb/([A-Z]{2}\\.\\w+\\.\\w+)/images");
  private static final Pattern IMAGE_PAGE = Pattern.compile("/3\\.2/rest-services/(published-data/images/.+)\\.tiff");
  private static final Pattern FULLTEXT = Pattern.compile(
      "/3\\.2/rest-services/published-data/publication/docdb/([A-Z]{2})\\.(\\w+)\\.(\\w+)/(claims|description)");

  /** One published document: its docdb id and its exchange-document element as captured. */
  public record Published(LocalDate day, String id, String element) {}

  private final String key;
  private final String secret;
  private final List<Published> documents = new ArrayList<>();
  private final Map<String, byte[]> fulltext = new ConcurrentHashMap<>();
  private final Map<String, byte[]> inquiries = new ConcurrentHashMap<>();
  private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
  private final AtomicInteger tokens = new AtomicInteger();
  private volatile String token;
  private volatile String throttling = "idle (images=green:200, inpadoc=green:60, other=green:1000, retrieval=green:200, search=green:30)";

  public EpoOpsReplay(String key, String secret) {
    this.key = key;
    this.secret = secret;
  }

  /**
   * The captured OPS documents of fixtures/epo-ops, published on {@code day}: EP 1000000 A1 and B1
   * (with the claims and description captured for the A1), EP 2400812 A1 (with its claims and
   * description), two US, one JP (no title: it is rejected), two AU and one DK publication.
   */
  public static EpoOpsReplay fromFixtures(Path fixtures, String key, String secret, LocalDate day) {
    Path epo = fixtures.resolve("epo-ops");
    EpoOpsReplay r = new EpoOpsReplay(key, secret);
    for (String f : List.of("published/test/full_cycle_example.xml", "patent-dev/get_biblio_response.xml",
        "published/test/biblio_example.xml", "published/test/biblio_example_2.xml",
        "published/test/biblio_example_3.xml", "published/test/biblio_example_4.xml",
        "patent-dev/search_with_constituent_response.xml")) {
      r.publish(day, read(epo.resolve(f)));
    }
    r.fulltext("EP.1000000.A1", "claims", read(epo.resolve("published/test/claims_example.xml")));
    r.fulltext("EP.1000000.A1", "description", read(epo.resolve("published/test/description_example.xml")));
    r.fulltext("EP.2400812.A1", "claims", read(epo.resolve("patent-dev/get_claims_response.xml")));
    r.fulltext("EP.2400812.A1", "description", read(epo.resolve("patent-dev/get_description_response.xml")));
    return r;
  }

  /** Publishes every exchange-document of a captured OPS response on {@code day}. */
  public EpoOpsReplay publish(LocalDate day, byte[] opsResponse) {
    Matcher m = DOCUMENT.matcher(new String(opsResponse, StandardCharsets.UTF_8));
    while (m.find()) {
      documents.add(new Published(day, m.group(1) + "." + m.group(2) + "." + m.group(3), m.group()));
    }
    return this;
  }

  /** Serves a captured claims or description response for a docdb id such as {@code EP.1000000.A1}. */
  public EpoOpsReplay fulltext(String docdbId, String constituent, byte[] response) {
    fulltext.put(docdbId + "/" + constituent, response);
    return this;
  }

  /** Serves a captured images inquiry ({@code ops:document-inquiry}) for a docdb id such as {@code EP.1000000.A1}. */
  public EpoOpsReplay images(String docdbId, byte[] inquiry) {
    inquiries.put(docdbId, inquiry);
    return this;
  }

  /** Serves a TIFF as page {@code page} of an image link such as {@code published-data/images/EP/1000000/A1/thumbnail}. */
  public EpoOpsReplay page(String link, int page, byte[] tiff) {
    pages.put(link + "?" + page, tiff);
    return this;
  }

  /** The header sent with every answer, e.g. {@code busy (search=yellow:15, ...)}. */
  public void throttling(String header) {
    this.throttling = header;
  }

  public List<Published> documents() {
    return List.copyOf(documents);
  }

  public int tokensIssued() {
    return tokens.get();
  }

  @Override
  public ReplayServer.Response answer(ReplayServer.Request r) {
    String path = r.uri().getRawPath();
    if (!path.startsWith("/3.2/")) {
      return null; // not OPS: another office's route on the same server
    }
    if (r.method().equals("POST") && path.equals("/3.2/auth/accesstoken")) {
      String basic = "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
      if (!basic.equals(r.header("Authorization"))) {
        return ReplayServer.Response.of(401, "application/json", "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8));
      }
      token = "replay-token-" + tokens.incrementAndGet();
      return ReplayServer.Response.of(200, "application/json", ("{\"token_type\":\"BearerToken\",\"access_token\":\""
          + token + "\",\"expires_in\":\"1199\",\"status\":\"approved\"}").getBytes(StandardCharsets.UTF_8));
    }
    if (token == null || !("Bearer " + token).equals(r.header("Authorization"))) {
      return xml(400, "<error><code>400</code><message>invalid_access_token</message></error>");
    }
    Matcher inquiry = IMAGES_INQUIRY.matcher(path);
    if (inquiry.matches()) {
      byte[] body = inquiries.get(inquiry.group(1));
      return body == null ? notFound() : xml(200, body);
    }
    Matcher image = IMAGE_PAGE.matcher(path);
    if (image.matches()) {
      byte[] body = pages.get(image.group(1) + "?" + r.query().getOrDefault("Range", "1"));
      if (body == null) {
        return notFound();
      }
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/tiff");
      headers.put("X-Throttling-Control", throttling);
      return new ReplayServer.Response(200, headers, body);
    }
    Matcher ft = FULLTEXT.matcher(path);
    if (ft.matches()) {
      byte[] body = fulltext.get(ft.group(1) + "." + ft.group(2) + "." + ft.group(3) + "/" + ft.group(4));
      return body == null ? notFound() : xml(200, body);
    }
    boolean biblio = path.equals("/3.2/rest-services/published-data/search/biblio");
    if (!biblio && !path.equals("/3.2/rest-services/published-data/search")) {
      return null;
    }
    Map<String, String> q = r.query();
    Matcher pd = PD.matcher(q.getOrDefault("q", ""));
    Matcher range = RANGE.matcher(q.getOrDefault("Range", "1-25"));
    if (!pd.find() || !range.matches()) {
      return xml(400, "<fault><code>CLIENT.InvalidQuery</code><message>bad query</message></fault>");
    }
    LocalDate from = LocalDate.parse(pd.group(1), DateTimeFormatter.BASIC_ISO_DATE);
    LocalDate to = LocalDate.parse(pd.group(2), DateTimeFormatter.BASIC_ISO_DATE);
    List<Published> hits = documents.stream().filter(d -> !d.day().isBefore(from) && !d.day().isAfter(to)).toList();
    if (hits.isEmpty()) {
      return notFound();
    }
    int begin = Integer.parseInt(range.group(1));
    int end = Math.min(Integer.parseInt(range.group(2)), hits.size());
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<?xml-stylesheet type=\"text/xsl\" href=\"../../../style/exchange.xsl\"?>\n"
        + "<ops:world-patent-data xmlns=\"http://www.epo.org/exchange\" xmlns:ops=\"http://ops.epo.org\" "
        + "xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<ops:biblio-search total-result-count=\"" + hits.size()
        + "\" publications-count=\"" + Math.max(0, end - begin + 1) + "\">\n<ops:query syntax=\"CQL\">"
        + q.get("q").replace("&", "&amp;").replace("<", "&lt;") + "</ops:query>\n<ops:range begin=\"" + begin
        + "\" end=\"" + end + "\"/>\n<ops:search-result>\n");
    if (biblio) {
      out.append("<exchange-documents>\n");
    }
    for (int i = begin; i <= end; i++) {
      Published d = hits.get(i - 1);
      if (biblio) {
        out.append(d.element()).append('\n');
      } else {
        String[] id = d.id().split("\\.");
        out.append("<ops:publication-reference system=\"ops.epo.org\"><document-id document-id-type=\"docdb\"><country>")
            .append(id[0]).append("</country><doc-number>").append(id[1]).append("</doc-number><kind>")
            .append(id[2]).append("</kind></document-id></ops:publication-reference>\n");
      }
    }
    if (biblio) {
      out.append("</exchange-documents>\n");
    }
    out.append("</ops:search-result>\n</ops:biblio-search>\n</ops:world-patent-data>\n");
    return xml(200, out.toString());
  }

  private ReplayServer.Response notFound() {
    return xml(404, "<fault xmlns=\"http://ops.epo.org\"><code>SERVER.EntityNotFound</code><message>No results found</message></fault>");
  }

  private ReplayServer.Response xml(int status, String body) {
    return xml(status, body.getBytes(StandardCharsets.UTF_8));
  }

  private ReplayServer.Response xml(int status, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/xml");
    headers.put("X-Throttling-Control", throttling);
    return new ReplayServer.Response(status, headers, body);
  }


  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
