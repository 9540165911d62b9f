package io.patent2tech.connectors.drawings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.connectors.uspto.RawDocument;
import io.patent2tech.connectors.uspto.UsptoBulkFileReader;
import io.patent2tech.connectors.uspto.UsptoDocumentSplitter;
import io.patent2tech.schema.Figure;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.UsptoDocumentProcessor;
import io.patent2tech.udfs.drawings.FigureImageException;
import io.patent2tech.udfs.drawings.FigureImageException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The figures of a patent read by ingest from a "with images" product, read back from that product. */
class ProductArchiveImagesTest {

  @TempDir Path dir;

  @Test
  void readsBackTheTiffOfEachFigureFromTheTarTheXmlCameFrom() throws Exception {
    Patent patent = ingest(Files.write(dir.resolve("I20140318.tar"), WithImagesProduct.tar()));

    assertThat(patent.getSource().getEntry()).isEqualTo(WithImagesProduct.NESTED_ENTRY);
    try (ProductArchiveImages images = new ProductArchiveImages(FigureImagesSettings.DEFAULT_MAX_IMAGE_BYTES)) {
      assertThat(images.read(patent, figure(patent, WithImagesProduct.FIRST_SHEET))).isEqualTo(WithImagesProduct.firstSheet());
      assertThat(images.read(patent, figure(patent, WithImagesProduct.SECOND_SHEET))).isEqualTo(WithImagesProduct.secondSheet());
    }
  }

  @Test
  void readsBackTheTiffsFromAZipOfPerPatentZips() throws Exception {
    Patent patent = ingest(Files.write(dir.resolve("I20140318.zip"), WithImagesProduct.zipOfZips()));

    try (ProductArchiveImages images = new ProductArchiveImages(FigureImagesSettings.DEFAULT_MAX_IMAGE_BYTES)) {
      assertThat(images.read(patent, figure(patent, WithImagesProduct.SECOND_SHEET))).isEqualTo(WithImagesProduct.secondSheet());
      assertThat(images.read(patent, figure(patent, WithImagesProduct.FIRST_SHEET))).isEqualTo(WithImagesProduct.firstSheet());
    }
  }

  @ParameterizedTest(name = "random access {0}")
  @ValueSource(booleans = {true, false})
  void readsTheSameWhetherTheProductIsOpenedForRandomAccessOrReadFromItsStart(boolean randomAccess) throws Exception {
    for (String name : new String[] {"I20140318.tar", "I20140318.zip"}) {
      byte[] product = name.endsWith(".tar") ? WithImagesProduct.tar() : WithImagesProduct.zipOfZips();
      Patent patent = ingest(Files.write(dir.resolve(name), product));

      try (ProductArchiveImages images = new ProductArchiveImages(FigureImagesSettings.DEFAULT_MAX_IMAGE_BYTES, randomAccess)) {
        assertThat(images.read(patent, figure(patent, WithImagesProduct.FIRST_SHEET))).isEqualTo(WithImagesProduct.firstSheet());
        assertThat(images.read(patent, figure(patent, WithImagesProduct.SECOND_SHEET))).isEqualTo(WithImagesProduct.secondSheet());
        assertThatThrownBy(() -> images.read(patent, figure(patent, WithImagesProduct.MISSING_SHEET)))
            .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING));
      }
    }
  }

  @Test
  void aPerPatentZipTheProductDoesNotHoldIsMissing() throws Exception {
    Patent patent = ingest(Files.write(dir.resolve("I20140318.tar"), WithImagesProduct.tar()));
    patent.getSource().setEntry("I20140318/DESIGN/USD0999999-20140318.ZIP!USD0999999-20140318/USD0999999-20140318.XML");

    for (boolean randomAccess : new boolean[] {true, false}) {
      try (ProductArchiveImages images = new ProductArchiveImages(FigureImagesSettings.DEFAULT_MAX_IMAGE_BYTES, randomAccess)) {
        assertThatThrownBy(() -> images.read(patent, figure(patent, WithImagesProduct.FIRST_SHEET)))
            .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING))
            .hasMessageContaining("no I20140318/DESIGN/USD0999999-20140318.ZIP in ");
      }
    }
  }

  @Test
  void namesTheMissingTiff() throws Exception {
    Patent patent = ingest(Files.write(dir.resolve("I20140318.tar"), WithImagesProduct.tar()));

    try (ProductArchiveImages images = new ProductArchiveImages(FigureImagesSettings.DEFAULT_MAX_IMAGE_BYTES)) {
      assertThatThrownBy(() -> images.read(patent, figure(patent, WithImagesProduct.MISSING_SHEET)))
          .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING))
          .hasMessageContaining("no USD0701016-20140318/USD0701016-20140318-D00002.TIF in " + WithImagesProduct.ZIP_ENTRY);
    }
  }

  @Test
  void refusesATiffOverTheLimitAndStillReadsTheSmallerOne() throws Exception {
    Patent patent = ingest(Files.write(dir.resolve("I20140318.tar"), WithImagesProduct.tar()));
    long limit = 20_000; // the first sheet has 15,398 bytes, the second 28,502

    try (ProductArchiveImages images = new ProductArchiveImages(limit)) {
      assertThatThrownBy(() -> images.read(patent, figure(patent, WithImagesProduct.SECOND_SHEET)))
          .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
          .hasMessageContaining(WithImagesProduct.SECOND_SHEET)
          .hasMessageContaining("over the limit of 20000");
      assertThat(images.read(patent, figure(patent, WithImagesProduct.FIRST_SHEET))).isEqualTo(WithImagesProduct.firstSheet());
    }
  }

  @Test
  void keepsTheLastPerPatentZipForTheOtherFiguresOfItsPatent() throws Exception {
    Path product = Files.write(dir.resolve("I20140318.tar"), WithImagesProduct.tar());
    Patent patent = ingest(product);

    try (ProductArchiveImages images = new ProductArchiveImages(FigureImagesSettings.DEFAULT_MAX_IMAGE_BYTES)) {
      images.read(patent, figure(patent, WithImagesProduct.FIRST_SHEET));
      Files.delete(product);
      assertThat(images.read(patent, figure(patent, WithImagesProduct.SECOND_SHEET))).isEqualTo(WithImagesProduct.secondSheet());
    }
  }

  @Test
  void saysSoWhenTheProductIsGoneOrThePatentCameFromElsewhere() throws Exception {
    Path product = Files.write(dir.resolve("I20140318.tar"), WithImagesProduct.tar());
    Patent patent = ingest(product);
    Files.delete(product);
    Patent bare = Patent.newBuilder(patent).build();
    bare.getSource().setEntry(null);

    try (ProductArchiveImages images = new ProductArchiveImages(FigureImagesSettings.DEFAULT_MAX_IMAGE_BYTES)) {
      assertThatThrownBy(() -> images.read(patent, figure(patent, WithImagesProduct.FIRST_SHEET)))
          .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING))
          .hasMessageContaining("not found");
      assertThatThrownBy(() -> images.read(bare, figure(bare, WithImagesProduct.FIRST_SHEET)))
          .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_SOURCE));
    }
  }

  /** The patent as ingest makes it: read from the product, parsed and normalized. */
  static Patent ingest(Path product) throws Exception {
    RawDocument raw;
    try (UsptoBulkFileReader reader = new UsptoBulkFileReader(Files.newInputStream(product),
        product.toUri().toString(), UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES)) {
      raw = reader.next();
      assertThat(reader.next()).isNull();
    }
    return new UsptoDocumentProcessor().process(raw.bytes, raw.toSource(), 0L);
  }

  static Figure figure(Patent patent, String file) throws IOException {
    return patent.getFigures().stream().filter(f -> file.equals(f.getFile())).findFirst()
        .orElseThrow(() -> new AssertionError("no figure " + file + " in " + patent.getFigures()));
  }
}
