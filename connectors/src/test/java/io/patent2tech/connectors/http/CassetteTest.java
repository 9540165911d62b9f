package io.patent2tech.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both cassette dialects under fixtures/ read into interactions with their recorded status. */
class CassetteTest {

  private static Path fixtures(String relative) {
    return Path.of(System.getProperty("p2t.fixtures")).resolve(relative);
  }

  @Test
  void readsTheStatusCodeOfVcrPyCassettes() {
    List<Cassette.Interaction> family = Cassette.read(fixtures("epo-ops/family/cassettes/api_test/test_api.yaml"));
    List<Cassette.Interaction> bdss = Cassette.read(fixtures("uspto/bulk-api/api_test/test_can_get_latest.yaml"));

    assertThat(family.get(0).status()).isEqualTo(400);
    assertThat(family.get(0).bodyText()).contains("invalid_access_token");
    assertThat(family.get(0).method()).isEqualTo("GET");
    assertThat(family).extracting(Cassette.Interaction::status).contains(200);
    assertThat(bdss.get(0).status()).isEqualTo(200);
    assertThat(bdss.get(0).bodyText()).startsWith("[{\"productLinkPath\"");
    assertThat(bdss.get(0).pathAndQuery()).startsWith("/BDSS-API/products");
  }

  @Test
  void readsTheStatusMessageFormOfVcrPyCassettes() {
    List<Cassette.Interaction> search =
        Cassette.read(fixtures("epo-ops/published/cassettes/api_test/TestSearchApi.test_search.yaml"));

    assertThat(search).isNotEmpty().allSatisfy(i -> assertThat(i.status()).isEqualTo(200));
    assertThat(search.get(0).bodyText()).startsWith("<?xml");
  }

  @Test
  void readsRubyVcrCassettes() {
    Path rateLimited = fixtures("epo-ops/fhg-imw/epo_rate_limit_exceeded.yml");
    List<Cassette.Interaction> interactions = Cassette.read(rateLimited);

    Cassette.Interaction first = interactions.get(0);
    assertThat(first.method()).isEqualTo("GET");
    assertThat(first.pathAndQuery()).isEqualTo("/3.2/rest-services/register/search?Range=1-2&q=pd=20140115");
    assertThat(first.status()).isEqualTo(403);
    assertThat(first.header("x-rejection-reason")).isEqualTo("IndividualQuotaPerHour");
    assertThat(first.header("Content-Type")).isEqualTo("text/xml");
    assertThat(first.bodyText()).startsWith("<error><code>403</code><message>This request has been rejected due to the"
        + " violation of Fair Use policy</message>");
    assertThat(interactions).extracting(Cassette.Interaction::status).contains(200);
    assertThat(Cassette.header(rateLimited, "X-Rejection-Reason")).first().isEqualTo("IndividualQuotaPerHour");
    assertThat(Cassette.header(fixtures("epo-ops/fhg-imw/all_queries.yml"), "X-Throttling-Control"))
        .isNotEmpty().allMatch(v -> v.contains("search=") && !v.contains("\n"));
  }
}
