package io.patent2tech.connectors.uspto.download;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.connectors.collect.RunStats;
import io.patent2tech.connectors.collect.http.OfficeHttp;
import io.patent2tech.connectors.collect.http.Redactor;
import io.patent2tech.connectors.http.Cassette;
import io.patent2tech.connectors.http.ReplayServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two listing APIs read from their real recorded answers. */
class UsptoListingTest {

  static Path fixtures() {
    return Path.of(System.getProperty("p2t.fixtures"));
  }

  static OfficeHttp http(RunStats stats, String... secrets) {
    OfficeHttp.Settings settings = OfficeHttp.Settings.defaults().withBackoff(Duration.ofMillis(10), 3);
    return new OfficeHttp(OfficeHttp.newClient(settings), settings, stats, new Redactor(secrets), "USPTO");
  }

  @Test
  void odpListsTheDataFilesOfTheRealAnswerAndLeavesOutTheDtds() throws Exception {
    byte[] body = Files.readAllBytes(fixtures().resolve("uspto/odp-datasets/get_bulk_product_PTGRXML.json"));
    try (ReplayServer server = new ReplayServer()) {
      server.route(r -> r.uri().getPath().equals("/api/v1/datasets/products/PTGRXML")
          ? ReplayServer.Response.of(200, "application/json", body) : null);
      RunStats stats = new RunStats();
      OdpDatasetsClient client = new OdpDatasetsClient(http(stats), server.url(), "odp-key");

      List<ProductFile> files = client.list("PTGRXML", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 15));

      assertThat(files).extracting(ProductFile::name).containsExactly("ipg240109.zip", "ipg240102.zip");
      assertThat(files.stream().sorted(ProductFile.ORDER)).extracting(ProductFile::name)
          .containsExactly("ipg240102.zip", "ipg240109.zip");
      ProductFile first = files.get(0);
      assertThat(first.size()).isEqualTo(171326087L);
      assertThat(first.fromDate()).isEqualTo(LocalDate.of(2024, 1, 9));
      assertThat(first.uri().toString())
          .isEqualTo("https://api.uspto.gov/api/v1/datasets/products/files/PTGRXML/2024/ipg240109.zip");
      assertThat(first.product()).isEqualTo("PTGRXML");
      ReplayServer.Request request = server.requests().get(0);
      assertThat(request.pathAndQuery())
          .isEqualTo("/api/v1/datasets/products/PTGRXML?fileDataFromDate=2024-01-01&fileDataToDate=2024-01-15");
      assertThat(request.header("X-API-KEY")).isEqualTo("odp-key");
      assertThat(stats.requests).isEqualTo(1);
      assertThat(stats.bytes).isEqualTo(body.length);
    }
  }

  @Test
  void bdssListsTheFilesOfTheRecordedDateRanges() throws Exception {
    try (ReplayServer server = new ReplayServer()) {
      for (String cassette : List.of("api_test/test_can_get_by_short_name_with_date_range.yaml",
          "manager_test/TestFile.test_can_filter_by_short_name.yaml")) {
        for (Cassette.Interaction i : Cassette.read(fixtures().resolve("uspto/bulk-api").resolve(cassette))) {
          server.serve(i, true);
        }
      }
      BdssClient client = new BdssClient(http(new RunStats()), server.url() + "/BDSS-API");

      List<ProductFile> summer = client.list("PTGRXML", LocalDate.of(2023, 6, 1), LocalDate.of(2023, 8, 1));
      List<ProductFile> june = client.list("PTGRXML", LocalDate.of(2023, 6, 15), LocalDate.of(2023, 6, 30));

      assertThat(summer).hasSize(10);
      assertThat(summer).extracting(ProductFile::name).contains("ipg230606.zip", "ipg230725_r1.zip", "ipg230801.zip");
      assertThat(summer.get(0).size()).isEqualTo(149436143L);
      assertThat(summer.get(0).uri().toString())
          .isEqualTo("https://bulkdata.uspto.gov/data/patent/grant/redbook/fulltext/2023/ipg230606.zip");
      assertThat(june).isNotEmpty().allSatisfy(f -> {
        assertThat(f.fromDate()).isBetween(LocalDate.of(2023, 6, 15), LocalDate.of(2023, 6, 30));
        assertThat(f.name()).endsWith(".zip");
      });
      assertThat(server.requests()).extracting(ReplayServer.Request::pathAndQuery).containsExactly(
          "/BDSS-API/products/PTGRXML?fromYear=2023&fromMonth=6&fromDay=1&toYear=2023&toMonth=8&toDay=1",
          "/BDSS-API/products/PTGRXML?fromYear=2023&fromMonth=6&fromDay=15&toYear=2023&toMonth=6&toDay=30");
    }
  }

  @Test
  void bdssLeavesOutDocumentationFiles() throws Exception {
    String json = "{\"productShortName\":\"PTGRXML\",\"productFiles\":["
        + "{\"fileName\":\"ipg240102.zip\",\"fileSize\":10,\"fileDownloadUrl\":\"http://x/ipg240102.zip\","
        + "\"fileFromTime\":\"2024-01-02\",\"fileToTime\":\"2024-01-02\",\"fileType\":\"Data\"},"
        + "{\"fileName\":\"us-patent-grant-v47.dtd\",\"fileSize\":10,\"fileDownloadUrl\":\"http://x/a.dtd\","
        + "\"fileFromTime\":\"2024-01-02\",\"fileToTime\":\"2024-01-02\",\"fileType\":\"Document\"}]}";

    List<ProductFile> files = BdssClient.parse(json.getBytes(), "PTGRXML", LocalDate.of(2024, 1, 1),
        LocalDate.of(2024, 1, 7));

    assertThat(files).extracting(ProductFile::name).containsExactly("ipg240102.zip");
  }
}
