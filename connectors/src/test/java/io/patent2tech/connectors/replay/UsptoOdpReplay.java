package io.patent2tech.connectors.replay;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.patent2tech.connectors.http.ReplayServer;

/**
 * The USPTO Open Data Portal bulk datasets API as a {@link ReplayServer} route: the captured
 * product listing (fixtures/uspto/odp-datasets/get_bulk_product_PTGRXML.json) with its weekly
 * files replaced by the files the test publishes, each listed on its day, downloadable through a
 * redirect as ODP does. Requires the {@code X-API-KEY} header on the API host.
 */
public final class UsptoOdpReplay implements ReplayServer.Route {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record WeeklyFile(String product, LocalDate day, String name, byte[] bytes) {}

  private final String apiKey;
  private final ObjectNode listing;
  private final List<WeeklyFile> files = new ArrayList<>();
  private volatile String baseUrl;

  public UsptoOdpReplay(Path fixtures, String apiKey) {
    this.apiKey = apiKey;
    try {
      this.listing = (ObjectNode) JSON.readTree(fixtures.resolve("uspto/odp-datasets/get_bulk_product_PTGRXML.json").toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The replay server's URL, for the download URIs of the listing. */
  public UsptoOdpReplay at(String url) {
    this.baseUrl = url;
    return this;
  }

  /** Publishes a weekly file of {@code product} (PTGRXML, APPXML) on {@code day}. */
  public UsptoOdpReplay publish(String product, LocalDate day, String name, byte[] bytes) {
    files.add(new WeeklyFile(product, day, name, bytes));
    return this;
  }

  @Override
  public ReplayServer.Response answer(ReplayServer.Request r) {
    String path = r.uri().getRawPath();
    if (path.startsWith("/files/")) {
      String name = path.substring("/files/".length());
      return files.stream().filter(f -> f.name.equals(name)).findFirst()
          .map(f -> ReplayServer.Response.of(200, "application/zip", f.bytes)).orElse(null);
    }
    String prefix = "/api/v1/datasets/products/";
    if (!path.startsWith(prefix)) {
      return null;
    }
    if (!apiKey.equals(r.header("X-API-KEY"))) {
      return ReplayServer.Response.of(403, "application/json",
          "{\"code\":403,\"message\":\"Forbidden\"}".getBytes(StandardCharsets.UTF_8));
    }
    String rest = path.substring(prefix.length());
    if (rest.startsWith("files/")) {
      // the real download URI answers with a redirect to the file store
      String name = rest.substring(rest.lastIndexOf('/') + 1);
      return new ReplayServer.Response(302, Map.of("Location", baseUrl + "/files/" + name), new byte[0]);
    }
    Map<String, String> q = r.query();
    LocalDate from = LocalDate.parse(q.get("fileDataFromDate"));
    LocalDate to = LocalDate.parse(q.get("fileDataToDate"));
    ObjectNode out = listing.deepCopy();
    ObjectNode product = (ObjectNode) out.withArray("bulkDataProductBag").get(0);
    product.put("productIdentifier", rest);
    ObjectNode bag = (ObjectNode) product.get("productFileBag");
    ArrayNode data = JSON.createArrayNode();
    for (var f : ((ArrayNode) bag.get("fileDataBag"))) {
      if (!"Data".equals(f.path("fileTypeText").asText())) {
        data.add(f); // the DTDs the real listing always includes
      }
    }
    for (WeeklyFile f : files) {
      if (f.product.equals(rest) && !f.day.isBefore(from) && !f.day.isAfter(to)) {
        ObjectNode n = data.addObject();
        n.put("fileName", f.name);
        n.put("fileSize", f.bytes.length);
        n.put("fileDataFromDate", f.day.toString());
        n.put("fileDataToDate", f.day.toString());
        n.put("fileTypeText", "Data");
        n.put("fileDownloadURI", baseUrl + prefix + "files/" + rest + "/" + f.day.getYear() + "/" + f.name);
      }
    }
    bag.set("fileDataBag", data);
    bag.put("count", data.size());
    try {
      return ReplayServer.Response.of(200, "application/json", JSON.writeValueAsBytes(out));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
