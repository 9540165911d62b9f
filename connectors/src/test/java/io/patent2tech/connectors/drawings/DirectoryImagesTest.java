package io.patent2tech.connectors.drawings;

import static io.patent2tech.connectors.drawings.ProductArchiveImagesTest.figure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.schema.Figure;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.drawings.FigureImageException;
import io.patent2tech.udfs.drawings.FigureImageException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figure images from a directory of images named as the XML names them. */
class DirectoryImagesTest {

  @TempDir Path dir;
  private Path images;
  private Patent patent;

  @BeforeEach
  void layOut() throws Exception {
    patent = ProductArchiveImagesTest.ingest(Files.write(dir.resolve("I20140318.tar"), WithImagesProduct.tar()));
    images = Files.createDirectories(dir.resolve("images"));
    // the first sheet directly in the directory, with its extension in lower case
    Files.write(images.resolve("USD0701016-20140318-D00000.tif"), WithImagesProduct.firstSheet());
    // the second in the publication's folder, as an unpacked per-patent zip has it
    Files.write(Files.createDirectories(images.resolve(WithImagesProduct.PUBLICATION)).resolve(WithImagesProduct.SECOND_SHEET),
        WithImagesProduct.secondSheet());
  }

  @Test
  void readsEachFigureFromTheDirectoryOrThePublicationsFolderWhateverTheCaseOfItsExtension() throws Exception {
    try (DirectoryImages read = new DirectoryImages(images, FigureImagesSettings.DEFAULT_MAX_IMAGE_BYTES)) {
      assertThat(read.read(patent, figure(patent, WithImagesProduct.FIRST_SHEET))).isEqualTo(WithImagesProduct.firstSheet());
      assertThat(read.read(patent, figure(patent, WithImagesProduct.SECOND_SHEET))).isEqualTo(WithImagesProduct.secondSheet());
    }
  }

  @Test
  void namesTheMissingImage() throws Exception {
    try (DirectoryImages read = new DirectoryImages(images, FigureImagesSettings.DEFAULT_MAX_IMAGE_BYTES)) {
      assertThatThrownBy(() -> read.read(patent, figure(patent, WithImagesProduct.MISSING_SHEET)))
          .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING))
          .hasMessageContaining("no " + WithImagesProduct.MISSING_SHEET + " in " + images);
    }
  }

  @Test
  void refusesAnImageOverTheLimit() throws Exception {
    try (DirectoryImages read = new DirectoryImages(images, 20_000)) {
      assertThatThrownBy(() -> read.read(patent, figure(patent, WithImagesProduct.SECOND_SHEET)))
          .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
          .hasMessageContaining("has 28502 bytes, over the limit of 20000");
      assertThat(read.read(patent, figure(patent, WithImagesProduct.FIRST_SHEET))).isEqualTo(WithImagesProduct.firstSheet());
    }
  }

  @Test
  void neverLooksOutsideTheDirectory() throws Exception {
    Files.write(dir.resolve("secret.TIF"), new byte[] {1, 2, 3});
    Figure escaping = Figure.newBuilder(figure(patent, WithImagesProduct.FIRST_SHEET)).setFile("../secret.TIF").build();

    try (DirectoryImages read = new DirectoryImages(images, FigureImagesSettings.DEFAULT_MAX_IMAGE_BYTES)) {
      assertThatThrownBy(() -> read.read(patent, escaping))
          .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING))
          .hasMessageContaining("not a plain file name");
    }
  }
}
