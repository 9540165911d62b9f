package io.patent2tech.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.connectors.drawings.FigureImagesSettings;
import io.patent2tech.connectors.drawings.SourceFigureImagesFactory;
import io.patent2tech.connectors.drawings.WithImagesProduct;
import io.patent2tech.jobs.LocalStack;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.schema.Figure;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.drawings.FigureImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest job over a USPTO "with images" product (a tar of per-patent zips) on the real Kafka:
 * the patent lands on patents.normalized with the nested entry in its source, and its figures'
 * TIFFs can be read back from the product through that source.
 */
class IngestWithImagesIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

  private static final String RUN = LocalStack.runName("images");
  private static final String TOPIC = RUN + ".patents.normalized";
  private static final String DLQ = RUN + ".patents.dlq";

  @TempDir Path input;

  @AfterAll
  static void removeTopics() throws Exception {
    LocalStack.deleteTopics(List.of(TOPIC, DLQ));
  }

  @Test
  void publishesThePatentOfAPerPatentZipNamingTheNestedEntry() throws Exception {
    Path product = WithImagesProduct.writeTar(input, "I20140318.tar");

    IngestJob.run(Settings.parse(IngestJob.SETTINGS, IngestJob.FLAGS, new String[] {
        "--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY, "--topic.normalized", TOPIC, "--topic.dlq", DLQ,
        "--transactional-id-prefix", RUN, "--checkpoint.interval", "1 s", "--parallelism", "1",
        input.toString()}, Map.of()));

    assertThat(LocalStack.committedValues(DLQ)).isEmpty();
    List<Patent> patents = new ArrayList<>();
    for (byte[] value : LocalStack.committedValues(TOPIC)) {
      patents.add(LocalStack.reading(TopicCodec.patents()).decode(value));
    }
    assertThat(patents).singleElement().satisfies(p -> {
      assertThat(p.getPublicationKey()).isEqualTo("US-D701016-S1");
      assertThat(p.getSource().getEntry()).isEqualTo(WithImagesProduct.NESTED_ENTRY);
      assertThat(Path.of(java.net.URI.create(p.getSource().getFile()).getPath())).isEqualTo(product);
      assertThat(p.getSource().getPosition()).isZero();
      assertThat(p.getFigures()).extracting(Figure::getFile)
          .contains(WithImagesProduct.FIRST_SHEET, WithImagesProduct.SECOND_SHEET);
    });

    Patent landed = patents.get(0);
    try (FigureImages images = new SourceFigureImagesFactory(FigureImagesSettings.defaults()).open()) {
      assertThat(images.read(landed, sheet(landed, WithImagesProduct.FIRST_SHEET))).isEqualTo(WithImagesProduct.firstSheet());
      assertThat(images.read(landed, sheet(landed, WithImagesProduct.SECOND_SHEET))).isEqualTo(WithImagesProduct.secondSheet());
    }
  }

  private static Figure sheet(Patent patent, String file) {
    return patent.getFigures().stream().filter(f -> file.equals(f.getFile())).findFirst().orElseThrow();
  }
}
