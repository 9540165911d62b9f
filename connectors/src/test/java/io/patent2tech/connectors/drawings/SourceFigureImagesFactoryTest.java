package io.patent2tech.connectors.drawings;

import static io.patent2tech.connectors.drawings.ProductArchiveImagesTest.figure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.connectors.epo.ops.OpsCredentials;
import io.patent2tech.connectors.epo.ops.OpsSettings;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.drawings.FigureImageException;
import io.patent2tech.udfs.drawings.FigureImageException.Reason;
import io.patent2tech.udfs.drawings.FigureImages;
import io.patent2tech.udfs.drawings.FigureImagesFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configured sources, picked by the patent's office and how it was read. */
class SourceFigureImagesFactoryTest {

  @TempDir Path dir;
  private Patent fromProduct;
  private Path images;

  @BeforeEach
  void ingest() throws Exception {
    fromProduct = ProductArchiveImagesTest.ingest(Files.write(dir.resolve("I20140318.tar"), WithImagesProduct.tar()));
    images = Files.createDirectories(dir.resolve("images"));
    Files.write(images.resolve(WithImagesProduct.MISSING_SHEET), new byte[] {'I', 'I', 42, 0});
  }

  @Test
  void travelsInAJobGraphWithoutSecrets() throws Exception {
    FigureImagesFactory factory = new SourceFigureImagesFactory(FigureImagesSettings.defaults()
        .withImageDirectory(images.toString())
        .withOps(OpsSettings.defaults(), OpsCredentials.fromEnvironment()));

    FigureImagesFactory copy = InstantiationUtil.clone(factory);

    assertThat(copy.toString()).isEqualTo(factory.toString()).doesNotContain("secret=");
    try (FigureImages opened = copy.open()) {
      assertThat(opened.read(fromProduct, figure(fromProduct, WithImagesProduct.FIRST_SHEET)))
          .isEqualTo(WithImagesProduct.firstSheet());
    }
  }

  @Test
  void readsAUsptoFigureFromItsProductAndFallsBackToTheDirectory() throws Exception {
    FigureImagesFactory factory = new SourceFigureImagesFactory(FigureImagesSettings.defaults().withImageDirectory(images.toString()));

    try (FigureImages opened = factory.open()) {
      assertThat(opened.read(fromProduct, figure(fromProduct, WithImagesProduct.SECOND_SHEET)))
          .isEqualTo(WithImagesProduct.secondSheet());
      // not in the per-patent zip, but in the directory
      assertThat(opened.read(fromProduct, figure(fromProduct, WithImagesProduct.MISSING_SHEET)))
          .containsExactly('I', 'I', 42, 0);
      // in neither: both say why
      assertThatThrownBy(() -> opened.read(fromProduct, figure(fromProduct, "USD0701016-20140318-D00004.TIF")))
          .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING))
          .hasMessageContaining("product archive: MISSING: no USD0701016-20140318/USD0701016-20140318-D00004.TIF")
          .hasMessageContaining("directory: MISSING: no USD0701016-20140318-D00004.TIF in " + images);
    }
  }

  @Test
  void aPatentOfAnOfficeWithoutAConfiguredSourceHasNone() throws Exception {
    Patent kipo = Patent.newBuilder(fromProduct).build();
    kipo.getSource().setOffice("KIPO");

    try (FigureImages opened = new SourceFigureImagesFactory(FigureImagesSettings.defaults()).open()) {
      assertThatThrownBy(() -> opened.read(kipo, figure(kipo, WithImagesProduct.FIRST_SHEET)))
          .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_SOURCE))
          .hasMessageContaining("no image source is configured for KIPO patents");
    }
  }
}
