package io.patent2tech.connectors.kipris;

import io.patent2tech.connectors.collect.CollectionFailedException;
import io.patent2tech.connectors.collect.http.OfficeHttp;
import io.patent2tech.connectors.collect.http.Redactor;
import io.patent2tech.udfs.kipris.KiprisApiException;
import io.patent2tech.udfs.kipris.KiprisEnvelope;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * KIPRIS Plus over HTTP: the advanced search of patents and utility models by a date window
 * ({@code openDate=YYYYMMDD~YYYYMMDD} etc.), page by page, and the bibliography detail of one
 * application. The service key goes into the query percent-encoded exactly once: keys are handed
 * out both raw (with {@code + / =}) and already encoded, and an encoded key encoded again is
 * rejected by the office as unregistered.
 *
 * <p>Envelopes are read by the udfs' {@link KiprisEnvelope} (both API generations and the
 * data.go.kr gateway form). An error envelope on a search fails the run ({@link CollectionFailedException} with the
 * office's code and message); on a detail only the codes that concern that one document (no data,
 * bad parameter) become a document error, the rest (key, quota, service) fail the run.
 */
public final class KiprisClient {

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final Pattern ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");
  /** Result codes of a detail answer that concern the document, not the run. */
  private static final Set<String> DOCUMENT_ERRORS = Set.of("03", "10", "11");

  /** One search page. */
  public record SearchPage(long totalCount, List<String> applicationNumbers) {}

  /**
   * A detail answer: the request (key masked), the raw body, and an error when the body is not a
   * usable answer for this document.
   */
  public record Detail(String request, byte[] body, String error) {}

  private final OfficeHttp http;
  private final KiprisCollectorFactory config;
  private final String encodedKey;

  public KiprisClient(OfficeHttp http, KiprisCollectorFactory config, String serviceKey) {
    this.http = Objects.requireNonNull(http, "http");
    this.config = Objects.requireNonNull(config, "config");
    this.encodedKey = encodeOnce(Objects.requireNonNull(serviceKey, "serviceKey"));
  }

  /** The key as it goes into a query: as given when it already holds %XX escapes, else encoded. */
  public static String encodeOnce(String key) {
    return ENCODED.matcher(key).find() ? key : URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  /** A redactor for every form of the key, raw, encoded and decoded. */
  public static Redactor redactor(String key) {
    return new Redactor(key, encodeOnce(key));
  }

  /** Page {@code pageNo} (1-based) of the hits whose {@code dateField} lies in from .. to. */
  public SearchPage search(String dateField, LocalDate from, LocalDate to, int pageNo)
      throws IOException, InterruptedException {
    String query = dateField + "=" + from.format(DAY) + "~" + to.format(DAY)
        + "&patent=" + config.patents + "&utility=" + config.utilityModels
        + "&numOfRows=" + config.numOfRows + "&pageNo=" + pageNo;
    byte[] body = get(config.searchPath, query);
    KiprisEnvelope.SearchPage page;
    try {
      page = KiprisEnvelope.searchPage(body);
    } catch (KiprisApiException e) {
      if (e.unreadable()) {
        throw new CollectionFailedException("KIPRIS search " + masked(config.searchPath, query)
            + " answered " + http.redact(e.getMessage()));
      }
      if ("03".equals(e.resultCode())) {
        return new SearchPage(0, List.of()); // "no data"
      }
      throw new CollectionFailedException(http.redact(error(e)));
    }
    return new SearchPage(page.totalCount() == null ? -1 : page.totalCount(), page.applicationNumbers());
  }

  /** The bibliography detail of one application. */
  public Detail detail(String applicationNumber) throws IOException, InterruptedException {
    String query = "applicationNumber=" + URLEncoder.encode(applicationNumber, StandardCharsets.UTF_8);
    String request = masked(config.detailPath, query);
    byte[] body = get(config.detailPath, query);
    try {
      KiprisEnvelope.check(body);
    } catch (KiprisApiException e) {
      if (e.unreadable()) {
        return new Detail(request, body, http.redact(e.getMessage()));
      }
      if (DOCUMENT_ERRORS.contains(e.resultCode())) {
        return new Detail(request, body, http.redact(error(e)));
      }
      throw new CollectionFailedException(http.redact(error(e)));
    }
    return new Detail(request, body, null);
  }

  /** "KIPRIS error 30: SERVICE KEY IS NOT REGISTERED ERROR.": the office's code and message. */
  static String error(KiprisApiException e) {
    return "KIPRIS error " + (isBlank(e.resultCode()) ? "(no code)" : e.resultCode()) + ": "
        + (isBlank(e.resultMessage()) ? "(no message)" : e.resultMessage());
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** GET path?query&key=..., failing the run on any status but 200. */
  private byte[] get(String path, String query) throws IOException, InterruptedException {
    URI uri = URI.create(OfficeHttpUrls.join(config.baseUrl, path) + "?" + query + "&"
        + config.keyParameter + "=" + encodedKey);
    HttpResponse<byte[]> response = http.get(uri, Map.of("Accept", "application/xml"), Set.of());
    if (response.statusCode() != 200) {
      throw new CollectionFailedException("KIPRIS answered HTTP " + response.statusCode() + " for "
          + masked(path, query) + ": " + http.shorten(response.body()));
    }
    return response.body();
  }

  /** {@code GET path?query&ServiceKey=***}: the request as recorded and logged. */
  String masked(String path, String query) {
    return "GET " + path + "?" + query + "&" + config.keyParameter + "=" + Redactor.MASK;
  }

  /** URL joining that tolerates a trailing slash on the base and a missing one on the path. */
  static final class OfficeHttpUrls {
    private OfficeHttpUrls() {}

    static String join(String base, String path) {
      String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
      return b + (path.startsWith("/") ? path : "/" + path);
    }
  }
}
