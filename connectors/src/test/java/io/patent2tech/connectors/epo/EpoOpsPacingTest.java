package io.patent2tech.connectors.epo;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.connectors.collect.CollectWindow;
import io.patent2tech.connectors.collect.Cursors;
import io.patent2tech.connectors.epo.ops.OpsCredentials;
import io.patent2tech.connectors.epo.ops.OpsSettings;
import io.patent2tech.connectors.http.ReplayServer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pacing with the real clock, measured where it matters: request arrival times at the server. */
class EpoOpsPacingTest {

  @Test
  void yellowSearchAllowanceSpacesSearchesHalfASecondApart() throws Exception {
    try (ReplayServer server = new ReplayServer()) {
      FakeOps ops = new FakeOps().day("2024-05-01", 40);
      ops.minimal = true;
      ops.throttling = "busy (images=green:100, inpadoc=green:45, other=green:1000, retrieval=green:200, search=yellow:120)";
      server.route(ops);
      OpsSettings settings = OpsSettings.defaults().baseUrl(server.url()).pageSize(10).fetchFulltext(false);
      EpoOpsCollector collector = new EpoOpsCollector(settings, OpsCredentials.of(FakeOps.KEY, FakeOps.SECRET));

      long started = System.nanoTime();
      var docs = Cursors.drain(collector.open(
          new CollectWindow("EPO", LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-01"), null), 0));

      assertThat(docs).hasSize(40);
      List<Long> arrivals = server.requests().stream().filter(r -> r.uri().getRawPath().contains("/search"))
          .map(ReplayServer.Request::nanoTime).toList();
      assertThat(arrivals).hasSize(5); // count + 4 pages
      // yellow:120 = one search per 500 ms (525 ms with the default headroom). On a loaded machine one
      // late request shortens the gap after it, so each gap gets slack and the span is checked whole
      for (int i = 1; i < arrivals.size(); i++) {
        assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1)))
            .as("gap before search %d", i).isGreaterThanOrEqualTo(Duration.ofMillis(350));
      }
      assertThat(Duration.ofNanos(arrivals.get(arrivals.size() - 1) - arrivals.get(0)))
          .as("span of the 5 searches").isGreaterThanOrEqualTo(Duration.ofMillis(4 * 500));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
  }
}
