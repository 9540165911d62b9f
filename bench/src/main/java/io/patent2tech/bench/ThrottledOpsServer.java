package io.patent2tech.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for EPO OPS 3.2 that enforces the per-minute allowances it announces, for {@link
 * EpoCollectBenchmark}. Every response carries {@code X-Throttling-Control: busy (images=green:200,
 * inpadoc=green:60, other=green:1000, retrieval=COLOUR:N, search=COLOUR:N)}; per service (search:
 * {@code published-data/search[/biblio]}; retrieval: {@code published-data/publication/...}) a
 * request is admitted only if fewer than N admitted requests of that service arrived in the 60 s
 * before it (a sliding window, strict: no tolerance). A request over the allowance gets what OPS
 * sends a consumer over its throttle: HTTP 403, {@code X-Rejection-Reason: ThrottlingControlQuota},
 * {@code Retry-After} (seconds until the window has room) and the service announced {@code
 * black:0}; it is counted as a rejection and not admitted.
 *
 * <p>The corpus is synthetic: every day from {@code firstDay} on publishes {@code docsPerDay} EP
 * A1 documents, each the captured exchange-document of EP 2400812 A1 with its doc-number (and
 * publication date) rewritten, so doc-numbers are distinct; claims and description of any of
 * them are the captured EP 2400812 A1 responses with the number rewritten. Answers the token
 * exchange ({@code POST /3.2/auth/accesstoken}), search counts, search/biblio pages and full text.
 * Listens on 127.0.0.1 only, on a free port.
 */
final class ThrottledOpsServer implements AutoCloseable {

  static final String TEMPLATE_NUMBER = "2400812";
  static final String TEMPLATE_DATE = "20111228";
  static final int FIRST_NUMBER = 3_000_000;
  private static final long WINDOW_NANOS = 60_000_000_000L;
  private static final String TOKEN = "bench-ops-token";
  private static final Pattern PD = Pattern.compile("pd within \"(\\d{8}) (\\d{8})\"");
  private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");
  private static final Pattern ELEMENT =
      Pattern.compile("<exchange-document\\b.*?</exchange-document>", Pattern.DOTALL);
  private static final Pattern FULLTEXT = Pattern.compile(
      "/3\\.2/rest-services/published-data/publication/docdb/EP\\.(\\d+)\\.A1/(claims|description)");

  /** Admissions and rejections of one service. */
  static final class Meter {
    final String name;
    final String colour;
    final int allowance;
    final List<Long> admitted = new ArrayList<>();
    int rejected;
    /** Shortest time from the N-th previous admitted request to a new one (N = allowance), ns. */
    long tightestSpanNanos = Long.MAX_VALUE;

    Meter(String name, String colour, int allowance) {
      this.name = name;
      this.colour = colour;
      this.allowance = allowance;
    }

    /** @return 0 when admitted, else the seconds until the window has room */
    synchronized long arrive(long now) {
      int n = admitted.size();
      if (n >= allowance) {
        long nth = admitted.get(n - allowance);
        long span = now - nth;
        tightestSpanNanos = Math.min(tightestSpanNanos, span);
        if (span < WINDOW_NANOS) {
          rejected++;
          return Math.max(1, (nth + WINDOW_NANOS - now + 999_999_999L) / 1_000_000_000L);
        }
      }
      admitted.add(now);
      return 0;
    }

    synchronized int admittedCount() {
      return admitted.size();
    }

    synchronized int rejectedCount() {
      return rejected;
    }

    synchronized long tightestSpan() {
      return tightestSpanNanos;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final String element;
  private final String claims;
  private final String description;
  private final int docsPerDay;
  private final LocalDate firstDay;
  final Meter search;
  final Meter retrieval;
  private volatile int tokens;

  /**
   * @param biblio      a captured OPS biblio response holding EP 2400812 A1's exchange-document
   * @param claims      the captured claims response of EP 2400812 A1
   * @param description the captured description response of EP 2400812 A1
   * @param search      the search allowance, {@code colour:perMinute}, e.g. {@code yellow:60}
   * @param retrieval   the retrieval allowance, e.g. {@code green:120}
   */
  ThrottledOpsServer(byte[] biblio, byte[] claims, byte[] description, int docsPerDay, LocalDate firstDay,
      String search, String retrieval) throws IOException {
    Matcher m = ELEMENT.matcher(new String(biblio, StandardCharsets.UTF_8));
    if (!m.find() || !m.group().contains("doc-number=\"" + TEMPLATE_NUMBER + "\"")) {
      throw new IllegalArgumentException("the biblio template holds no exchange-document of EP " + TEMPLATE_NUMBER);
    }
    this.element = m.group();
    this.claims = new String(claims, StandardCharsets.UTF_8);
    this.description = new String(description, StandardCharsets.UTF_8);
    this.docsPerDay = docsPerDay;
    this.firstDay = firstDay;
    this.search = meter("search", search);
    this.retrieval = meter("retrieval", retrieval);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/3.2/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  private static Meter meter(String name, String spec) {
    String[] p = spec.strip().split(":");
    if (p.length != 2 || !p[0].matches("green|yellow|red") || !p[1].matches("\\d{1,6}") || Integer.parseInt(p[1]) < 1) {
      throw new IllegalArgumentException(name + " allowance must be colour:perMinute (green|yellow|red), got " + spec);
    }
    return new Meter(name, p[0], Integer.parseInt(p[1]));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int tokensIssued() {
    return tokens;
  }

  /** The header as announced; {@code blackService} (or null) is announced black:0. */
  String throttling(String blackService) {
    return "busy (images=green:200, inpadoc=green:60, other=green:1000, retrieval="
        + ("retrieval".equals(blackService) ? "black:0" : retrieval.colour + ":" + retrieval.allowance)
        + ", search=" + ("search".equals(blackService) ? "black:0" : search.colour + ":" + search.allowance) + ")";
  }

  /** The EP doc-number of the {@code index}-th (0-based) document of {@code day}. */
  String number(LocalDate day, int index) {
    return Integer.toString(FIRST_NUMBER + (int) ChronoUnit.DAYS.between(firstDay, day) * docsPerDay + index);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      try (InputStream in = ex.getRequestBody()) {
        in.readAllBytes();
      }
      long now = System.nanoTime();
      String path = ex.getRequestURI().getRawPath();
      if (ex.getRequestMethod().equals("POST") && path.equals("/3.2/auth/accesstoken")) {
        tokens++;
        send(ex, 200, "application/json", "{\"token_type\":\"BearerToken\",\"access_token\":\"" + TOKEN
            + "\",\"expires_in\":\"1199\",\"status\":\"approved\"}", null);
        return;
      }
      if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(ex, 400, "application/xml", "<error><code>400</code><message>invalid_access_token</message></error>", null);
        return;
      }
      Matcher ft = FULLTEXT.matcher(path);
      boolean biblio = path.equals("/3.2/rest-services/published-data/search/biblio");
      boolean count = path.equals("/3.2/rest-services/published-data/search");
      Meter meter = ft.matches() ? retrieval : biblio || count ? search : null;
      if (meter == null) {
        send(ex, 404, "application/xml", notFound(), null);
        return;
      }
      long retryAfter = meter.arrive(now);
      if (retryAfter > 0) {
        ex.getResponseHeaders().set("X-Rejection-Reason", "ThrottlingControlQuota");
        ex.getResponseHeaders().set("Retry-After", Long.toString(retryAfter));
        send(ex, 403, "application/xml", "<error><code>403</code><message>This request has been rejected due to the "
            + "violation of Fair Use policy</message></error>", meter.name);
        return;
      }
      if (ft.matches()) {
        String template = ft.group(2).equals("claims") ? claims : description;
        send(ex, 200, "application/xml", template.replace(TEMPLATE_NUMBER, ft.group(1)), null);
        return;
      }
      Map<String, String> q = query(ex.getRequestURI().getRawQuery());
      Matcher pd = PD.matcher(q.getOrDefault("q", ""));
      Matcher range = RANGE.matcher(q.getOrDefault("Range", "1-25"));
      if (!pd.find() || !range.matches()) {
        send(ex, 400, "application/xml", "<fault><code>CLIENT.InvalidQuery</code></fault>", null);
        return;
      }
      LocalDate from = LocalDate.parse(pd.group(1), DateTimeFormatter.BASIC_ISO_DATE);
      LocalDate to = LocalDate.parse(pd.group(2), DateTimeFormatter.BASIC_ISO_DATE);
      if (from.isBefore(firstDay)) {
        from = firstDay;
      }
      long total = to.isBefore(from) ? 0 : (ChronoUnit.DAYS.between(from, to) + 1) * docsPerDay;
      int begin = Integer.parseInt(range.group(1));
      int end = (int) Math.min(Integer.parseInt(range.group(2)), total);
      if (total == 0 || begin > end) {
        send(ex, 404, "application/xml", notFound(), null);
        return;
      }
      StringBuilder out = new StringBuilder(biblio ? (end - begin + 1) * (element.length() + 1) + 1024 : 1024);
      out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ops:world-patent-data xmlns=\"http://www.epo.org/exchange\""
          + " xmlns:ops=\"http://ops.epo.org\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<ops:biblio-search "
          + "total-result-count=\"").append(total).append("\">\n<ops:range begin=\"").append(begin).append("\" end=\"")
          .append(end).append("\"/>\n<ops:search-result>\n");
      if (biblio) {
        out.append("<exchange-documents>\n");
      }
      for (int i = begin; i <= end; i++) {
        LocalDate day = from.plusDays((i - 1) / docsPerDay);
        String number = number(day, (i - 1) % docsPerDay);
        if (biblio) {
          out.append(element.replace(TEMPLATE_NUMBER, number)
              .replace(TEMPLATE_DATE, DateTimeFormatter.BASIC_ISO_DATE.format(day))).append('\n');
        } else {
          out.append("<ops:publication-reference system=\"ops.epo.org\"><document-id document-id-type=\"docdb\">"
              + "<country>EP</country><doc-number>").append(number).append("</doc-number><kind>A1</kind>"
              + "</document-id></ops:publication-reference>\n");
        }
      }
      if (biblio) {
        out.append("</exchange-documents>\n");
      }
      out.append("</ops:search-result>\n</ops:biblio-search>\n</ops:world-patent-data>\n");
      send(ex, 200, "application/xml", out.toString(), null);
    }
  }

  private static String notFound() {
    return "<fault xmlns=\"http://ops.epo.org\"><code>SERVER.EntityNotFound</code><message>No results found</message></fault>";
  }

  private void send(HttpExchange ex, int status, String type, String body, String blackService) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("X-Throttling-Control", throttling(blackService));
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
