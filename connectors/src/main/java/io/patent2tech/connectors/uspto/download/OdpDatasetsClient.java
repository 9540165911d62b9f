package io.patent2tech.connectors.uspto.download;

import com.fasterxml.jackson.databind.JsonNode;
import io.patent2tech.connectors.collect.CollectionFailedException;
import io.patent2tech.connectors.collect.http.OfficeHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The USPTO Open Data Portal bulk datasets API ({@code GET
 * /api/v1/datasets/products/{product}?fileDataFromDate=&fileDataToDate=}, header {@code
 * X-API-KEY}): the current way to find the weekly full-text files. Its answer lists the product's
 * DTDs ({@code fileTypeText} "Document") whatever the dates asked for; those are left out. The same
 * key is needed to download a file, whose URI answers with a redirect to the storage host.
 */
public final class OdpDatasetsClient implements BulkProductsClient {

  public static final String DEFAULT_BASE_URL = "https://api.uspto.gov";
  public static final String KEY_HEADER = "X-API-KEY";

  private final OfficeHttp http;
  private final String baseUrl;
  private final String apiKey;

  /**
   * @param baseUrl e.g. {@link #DEFAULT_BASE_URL}
   * @param apiKey the resolved ODP API key; sent as a header only, never in a URL
   */
  public OdpDatasetsClient(OfficeHttp http, String baseUrl, String apiKey) {
    this.http = Objects.requireNonNull(http, "http");
    this.baseUrl = stripSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
  }

  @Override
  public List<ProductFile> list(String product, LocalDate from, LocalDate to)
      throws IOException, InterruptedException {
    URI uri = URI.create(baseUrl + "/api/v1/datasets/products/"
        + URLEncoder.encode(product, StandardCharsets.UTF_8)
        + "?fileDataFromDate=" + from + "&fileDataToDate=" + to);
    HttpResponse<byte[]> response = http.get(uri, downloadHeaders(), credentialHeaders());
    int status = response.statusCode();
    if (status == 404) {
      return List.of(); // ODP answers 404 when no file lies in the range
    }
    if (status == 401 || status == 403) {
      throw new CollectionFailedException("USPTO ODP refused the API key (HTTP " + status + ") for "
          + http.describe(uri) + ": " + http.shorten(response.body()));
    }
    if (status != 200) {
      throw new CollectionFailedException("USPTO ODP answered HTTP " + status + " for "
          + http.describe(uri) + ": " + http.shorten(response.body()));
    }
    return parse(response.body(), product, from, to);
  }

  /** The data files in an ODP product answer that touch {@code from .. to}. */
  static List<ProductFile> parse(byte[] body, String product, LocalDate from, LocalDate to)
      throws IOException {
    JsonNode root = ListingJson.parse(body, "USPTO ODP");
    List<ProductFile> files = new ArrayList<>();
    for (JsonNode bag : elements(root.path("bulkDataProductBag"))) {
      String id = bag.path("productIdentifier").asText(product);
      for (JsonNode f : elements(bag.path("productFileBag").path("fileDataBag"))) {
        if (!ListingJson.isData(f.path("fileTypeText"))) {
          continue;
        }
        LocalDate fromDate = ListingJson.date(f.path("fileDataFromDate"));
        LocalDate toDate = ListingJson.date(f.path("fileDataToDate"));
        URI uri = ListingJson.uri(f.path("fileDownloadURI"));
        String name = f.path("fileName").asText("");
        if (fromDate == null || uri == null || name.isEmpty()) {
          continue;
        }
        ProductFile file = new ProductFile(id, name, f.path("fileSize").asLong(-1), fromDate,
            toDate, uri, ListingJson.checksum(f));
        if (!file.toDate().isBefore(from) && !file.fromDate().isAfter(to)) {
          files.add(file);
        }
      }
    }
    return files;
  }

  /** The nodes of a bag: an array's elements, a lone object as itself, nothing otherwise. */
  static Iterable<JsonNode> elements(JsonNode node) {
    if (node.isArray()) {
      return node;
    }
    return node.isObject() ? List.of(node) : List.of();
  }

  @Override
  public Map<String, String> downloadHeaders() {
    return Map.of(KEY_HEADER, apiKey);
  }

  @Override
  public Set<String> credentialHeaders() {
    return Set.of(KEY_HEADER);
  }

  static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "OdpDatasetsClient{" + baseUrl + "}";
  }
}
