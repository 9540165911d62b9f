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
 * The older bulkdata.uspto.gov product API (BDSS, {@code GET
 * /BDSS-API/products/{product}?fromYear=&fromMonth=&fromDay=&toYear=&toMonth=&toDay=}), kept for
 * mirrors and archives that still serve it. Needs no key; {@code productFiles} entries carry {@code
 * fileName}, {@code fileSize}, {@code fileFromTime}/{@code fileToTime}, {@code fileDownloadUrl}.
 */
public final class BdssClient implements BulkProductsClient {

  public static final String DEFAULT_BASE_URL = "https://bulkdata.uspto.gov/BDSS-API";

  private final OfficeHttp http;
  private final String baseUrl;

  /** @param baseUrl the API root, e.g. {@link #DEFAULT_BASE_URL} */
  public BdssClient(OfficeHttp http, String baseUrl) {
    this.http = Objects.requireNonNull(http, "http");
    this.baseUrl = OdpDatasetsClient.stripSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
  }

  @Override
  public List<ProductFile> list(String product, LocalDate from, LocalDate to)
      throws IOException, InterruptedException {
    URI uri = URI.create(baseUrl + "/products/" + URLEncoder.encode(product, StandardCharsets.UTF_8)
        + "?fromYear=" + from.getYear() + "&fromMonth=" + from.getMonthValue()
        + "&fromDay=" + from.getDayOfMonth() + "&toYear=" + to.getYear()
        + "&toMonth=" + to.getMonthValue() + "&toDay=" + to.getDayOfMonth());
    HttpResponse<byte[]> response = http.get(uri, Map.of(), Set.of());
    if (response.statusCode() == 404) {
      return List.of();
    }
    if (response.statusCode() != 200) {
      throw new CollectionFailedException("USPTO BDSS answered HTTP " + response.statusCode()
          + " for " + http.describe(uri) + ": " + http.shorten(response.body()));
    }
    return parse(response.body(), product, from, to);
  }

  /** The data files in a BDSS product answer (one product or an array of them) touching the range. */
  static List<ProductFile> parse(byte[] body, String product, LocalDate from, LocalDate to)
      throws IOException {
    JsonNode root = ListingJson.parse(body, "USPTO BDSS");
    List<ProductFile> files = new ArrayList<>();
    for (JsonNode p : OdpDatasetsClient.elements(root)) {
      String id = p.path("productShortName").asText(product);
      for (JsonNode f : OdpDatasetsClient.elements(p.path("productFiles"))) {
        if (!ListingJson.isData(f.path("fileType"))) {
          continue;
        }
        LocalDate fromDate = ListingJson.date(f.path("fileFromTime"));
        URI uri = ListingJson.uri(f.path("fileDownloadUrl"));
        String name = f.path("fileName").asText("");
        if (fromDate == null || uri == null || name.isEmpty()) {
          continue;
        }
        ProductFile file = new ProductFile(id, name, f.path("fileSize").asLong(-1), fromDate,
            ListingJson.date(f.path("fileToTime")), uri, ListingJson.checksum(f));
        if (!file.toDate().isBefore(from) && !file.fromDate().isAfter(to)) {
          files.add(file);
        }
      }
    }
    return files;
  }

  @Override
  public Map<String, String> downloadHeaders() {
    return Map.of();
  }

  @Override
  public Set<String> credentialHeaders() {
    return Set.of();
  }

  @Override
  public String toString() {
    return "BdssClient{" + baseUrl + "}";
  }
}
