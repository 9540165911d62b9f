package io.patent2tech.connectors.drawings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.connectors.epo.ops.OpsClient;
import io.patent2tech.connectors.epo.ops.OpsClock;
import io.patent2tech.connectors.epo.ops.OpsCredentials;
import io.patent2tech.connectors.epo.ops.OpsSettings;
import io.patent2tech.connectors.epo.ops.OpsThrottle;
import io.patent2tech.connectors.http.ReplayServer;
import io.patent2tech.connectors.json.SamplePatents;
import io.patent2tech.connectors.replay.EpoOpsReplay;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.Figure;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.drawings.FigureImageException;
import io.patent2tech.udfs.drawings.FigureImageException.Reason;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EPO figure images through OPS, against a replay server answering the captured images inquiry of
 * EP 1000000 A1 ({@code fixtures/epo-ops/published/test/image_example.xml}: 6 drawing sheets at
 * {@code published-data/images/EP/1000000/A1/thumbnail}) and serving the two real OPS TIFF pages
 * of {@code fixtures/epo-ops/patent-dev/} (captured for EP 2400812 A1) as its sheets 1 and 2.
 */
class OpsFigureImagesTest {

  private static final String LINK = "published-data/images/EP/1000000/A1/thumbnail";

  private ReplayServer server;
  private Patent patent;

  @BeforeEach
  void start() throws Exception {
    EpoOpsReplay ops = new EpoOpsReplay("key", "secret")
        .images("EP.1000000.A1", Files.readAllBytes(WithImagesProduct.fixtures().resolve("epo-ops/published/test/image_example.xml")))
        .page(LINK, 1, WithImagesProduct.firstSheet())
        .page(LINK, 2, WithImagesProduct.secondSheet());
    server = new ReplayServer().route(ops);
    patent = SamplePatents.sipGrant();
    patent.setPublicationKey("EP-1000000-A1");
    patent.setPublication(new DocumentId("EP", "1000000", "A1", "2000-05-17"));
    patent.getSource().setOffice("EPO");
    List<Figure> sheets = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      sheets.add(Figure.newBuilder().setId("sheet-" + i).build());
    }
    patent.setFigures(sheets);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OpsFigureImages images(long maxBytes) {
    OpsSettings settings = OpsSettings.defaults().baseUrl(server.url()).maxRetries(0).initialBackoff(Duration.ofMillis(10));
    OpsClient client = new OpsClient(settings, OpsCredentials.of("key", "secret"),
        new OpsThrottle(OpsClock.SYSTEM, settings), OpsClock.SYSTEM);
    return new OpsFigureImages(client, maxBytes);
  }

  @Test
  void readsEachSheetAsATiffAfterOneImagesInquiry() throws Exception {
    try (OpsFigureImages images = images(FigureImagesSettings.DEFAULT_MAX_IMAGE_BYTES)) {
      assertThat(images.read(patent, patent.getFigures().get(0))).isEqualTo(WithImagesProduct.firstSheet());
      assertThat(images.read(patent, patent.getFigures().get(1))).isEqualTo(WithImagesProduct.secondSheet());
    }

    List<String> asked = server.requests().stream().filter(r -> r.method().equals("GET")).map(ReplayServer.Request::pathAndQuery).toList();
    assertThat(asked).containsExactly(
        "/3.2/rest-services/published-data/publication/docdb/EP.1000000.A1/images",
        "/3.2/rest-services/" + LINK + ".tiff?Range=1",
        "/3.2/rest-services/" + LINK + ".tiff?Range=2");
    assertThat(server.requests().get(server.requests().size() - 1).header("Accept")).isEqualTo("application/tiff");
  }

  @Test
  void namesTheMissingSheet() throws Exception {
    try (OpsFigureImages images = images(FigureImagesSettings.DEFAULT_MAX_IMAGE_BYTES)) {
      // OPS lists 6 drawing sheets: a 7th figure has none
      assertThatThrownBy(() -> images.read(patent, patent.getFigures().get(6)))
          .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING))
          .hasMessageContaining("is sheet 7 but OPS has 6 drawing sheet(s) for EP.1000000.A1");
      // sheet 3 is listed but the server has no page for it (404)
      assertThatThrownBy(() -> images.read(patent, patent.getFigures().get(2)))
          .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING))
          .hasMessageContaining("no page 3 of " + LINK);
    }
  }

  @Test
  void refusesASheetOverTheLimit() throws Exception {
    try (OpsFigureImages images = images(20_000)) {
      assertThatThrownBy(() -> images.read(patent, patent.getFigures().get(1)))
          .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
          .hasMessageContaining("over the limit of 20000");
    }
  }

  @Test
  void saysSoWhenOpsHasNoImagesForTheDocument() throws Exception {
    patent.setPublication(new DocumentId("EP", "2400812", "A1", null));

    try (OpsFigureImages images = images(FigureImagesSettings.DEFAULT_MAX_IMAGE_BYTES)) {
      assertThatThrownBy(() -> images.read(patent, patent.getFigures().get(0)))
          .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING))
          .hasMessageContaining("OPS lists no drawings for EP.2400812.A1");
    }
  }

  @Test
  void aServerThatCannotBeReachedIsUnavailable() throws Exception {
    server.close();
    try (OpsFigureImages images = images(FigureImagesSettings.DEFAULT_MAX_IMAGE_BYTES)) {
      assertThatThrownBy(() -> images.read(patent, patent.getFigures().get(0)))
          .isInstanceOfSatisfying(FigureImageException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(e.transientFailure()).isTrue();
          });
    }
  }
}
