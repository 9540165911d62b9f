package io.patent2tech.udfs.drawings.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;

import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageWriterSpi;

import io.patent2tech.schema.DeadLetter;
import io.patent2tech.udfs.DeadLetters;
import io.patent2tech.udfs.drawings.image.DrawingImageRejectedException.Why;

class DrawingImagesTest {

  @Test
  void decodesTheEpoG4SheetsWithInkAsOne() throws Exception {
    for (String name : List.of(EpoSheets.SHEET, EpoSheets.FRONT_PAGE)) {
      List<BinaryImage> pages = DrawingImages.decode(EpoSheets.bytes(name), ImageLimits.DEFAULT);
      assertThat(pages).as(name).hasSize(1);
      BinaryImage page = pages.get(0);
      assertThat(page.width()).isEqualTo(2592);
      assertThat(page.height()).isEqualTo(3508);
      // line drawings on white paper: a few percent ink, so black (not white) became 1
      double ink = page.inkCount() / (double) (2592L * 3508);
      assertThat(ink).as(name).isBetween(0.005, 0.05);
      assertThat(page.get(0, 0)).isFalse();
    }
    // "Fig 1" on the drawing sheet: F, i (stem and dot), g and 1, 3485 pixels (looked at)
    BinaryImage sheet = EpoSheets.page(EpoSheets.SHEET);
    assertThat(sheet.inkCount(new Box(1144, 1103, 1308, 1181))).isEqualTo(3485);
  }

  @Test
  void aTruncatedTiffIsRejectedAsCorrupt() {
    byte[] whole = EpoSheets.bytes(EpoSheets.SHEET);
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    assertThatThrownBy(() -> DrawingImages.decode(cut, ImageLimits.DEFAULT))
        .isInstanceOfSatisfying(DrawingImageRejectedException.class, e -> {
          assertThat(e.why()).isEqualTo(Why.CORRUPT);
          assertThat(e.stage()).isEqualTo(DrawingImageRejectedException.STAGE_DECODE);
          assertThat(e.reason()).contains("truncated");
        });
  }

  @Test
  void aTiffWhoseDirectoryPointsOutsideIsRejectedAsCorrupt() {
    byte[] bytes = EpoSheets.bytes(EpoSheets.SHEET).clone();
    // big-endian first-IFD offset at bytes 4..7: point it far past the end
    bytes[4] = 0x7f;
    assertThatThrownBy(() -> DrawingImages.decode(bytes, ImageLimits.DEFAULT))
        .isInstanceOfSatisfying(DrawingImageRejectedException.class, e -> assertThat(e.why()).isEqualTo(Why.CORRUPT));
  }

  @Test
  void anOversizedPageIsRejectedBeforeDecoding() throws Exception {
    // 9000 px wide, over the default 8192, though only a few hundred bytes as PNG
    byte[] wide = png(new BufferedImage(9000, 4, BufferedImage.TYPE_BYTE_BINARY));
    assertThatThrownBy(() -> DrawingImages.decode(wide, ImageLimits.DEFAULT))
        .isInstanceOfSatisfying(DrawingImageRejectedException.class, e -> {
          assertThat(e.why()).isEqualTo(Why.TOO_LARGE);
          assertThat(e.reason()).contains("9000x4");
        });
    // the EPO sheet (9.1 Mpx) under a tighter pixel limit
    ImageLimits eightMegapixels = new ImageLimits(1 << 20, 8192, 8192, 8_000_000L, 10);
    assertThatThrownBy(() -> DrawingImages.decode(EpoSheets.bytes(EpoSheets.SHEET), eightMegapixels))
        .isInstanceOfSatisfying(DrawingImageRejectedException.class, e -> assertThat(e.why()).isEqualTo(Why.TOO_LARGE));
  }

  @Test
  void tooManyBytesIsRejected() {
    ImageLimits tenKb = new ImageLimits(10_000, 8192, 8192, 16_000_000L, 10);
    assertThatThrownBy(() -> DrawingImages.decode(EpoSheets.bytes(EpoSheets.SHEET), tenKb))
        .isInstanceOfSatisfying(DrawingImageRejectedException.class, e -> {
          assertThat(e.why()).isEqualTo(Why.TOO_LARGE);
          assertThat(e.reason()).contains("15398 bytes");
        });
  }

  @Test
  void otherFormatsAreUnsupported() {
    byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> DrawingImages.decode(gif, ImageLimits.DEFAULT))
        .isInstanceOfSatisfying(DrawingImageRejectedException.class, e -> assertThat(e.why()).isEqualTo(Why.UNSUPPORTED));
  }

  @Test
  void aRejectionBecomesADeadLetter() {
    byte[] cut = Arrays.copyOf(EpoSheets.bytes(EpoSheets.SHEET), 1000);
    try {
      DrawingImages.decode(cut, ImageLimits.DEFAULT);
    } catch (DrawingImageRejectedException e) {
      DeadLetter d = DeadLetters.rejected(e.forPublication("EP2400812A1"), "epo", null, cut,
          DeadLetters.DEFAULT_MAX_RAW_BYTES, 0L);
      assertThat(d.getStage()).isEqualTo("decode-drawing");
      assertThat(d.getReason()).startsWith("corrupt: TIFF strip 0 of page 0");
      assertThat(d.getPublicationKey()).isEqualTo("EP2400812A1");
      assertThat(d.getRawSize()).isEqualTo(1000L);
      return;
    }
    throw new AssertionError("not rejected");
  }

  @Test
  void greyPngAndJpegAreSplitWithOtsu() throws Exception {
    // dark-grey lines on light-grey paper: a fixed 128 would still work, 200 vs 90 is the usual scan
    BufferedImage grey = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = grey.createGraphics();
    g.setColor(new Color(200, 200, 200));
    g.fillRect(0, 0, 300, 200);
    g.setColor(new Color(90, 90, 90));
    g.fillRect(50, 50, 200, 8);
    g.dispose();
    for (byte[] bytes : List.of(png(grey), jpeg(grey))) {
      BinaryImage b = DrawingImages.decode(bytes, ImageLimits.DEFAULT).get(0);
      assertThat(b.get(150, 54)).isTrue();
      assertThat(b.get(150, 30)).isFalse();
      assertThat(b.get(10, 54)).isFalse();
      assertThat(b.inkCount()).isBetween(1400L, 2000L); // 200 x 8 = 1600, JPEG blurs the edges
    }
  }

  @Test
  void otsuSplitsTwoPopulationsAndLeavesAUniformPageBlank() {
    int[] hist = new int[256];
    hist[60] = 100;
    hist[70] = 100;
    hist[190] = 1000;
    hist[210] = 1000;
    int t = Binarize.otsuThreshold(hist);
    assertThat(t).isBetween(70, 189);
    int[] uniform = new int[256];
    uniform[255] = 1000;
    assertThat(Binarize.otsuThreshold(uniform)).isEqualTo(-1);
  }

  @Test
  void aMultiPageTiffIsReadPageByPage() throws Exception {
    List<BufferedImage> pages = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      BufferedImage p = new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_BINARY);
      Graphics2D g = p.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 400, 300);
      g.setColor(Color.BLACK);
      g.fillRect(10 + 100 * i, 10, 50, 50); // the square moves right page by page
      g.dispose();
      pages.add(p);
    }
    byte[] tiff = g4Tiff(pages);
    List<Integer> seen = new ArrayList<>();
    int count = DrawingImages.forEachPage(tiff, ImageLimits.DEFAULT, (i, page) -> {
      assertThat(page.get(10 + 100 * i + 25, 35)).as("page %d", i).isTrue();
      assertThat(page.inkCount()).isEqualTo(2500);
      seen.add(i);
    });
    assertThat(count).isEqualTo(3);
    assertThat(seen).containsExactly(0, 1, 2);
    ImageLimits twoPages = new ImageLimits(1 << 20, 8192, 8192, 16_000_000L, 2);
    assertThatThrownBy(() -> DrawingImages.decode(tiff, twoPages))
        .isInstanceOfSatisfying(DrawingImageRejectedException.class, e -> assertThat(e.why()).isEqualTo(Why.TOO_LARGE));
  }

  static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  /** A multi-page CCITT T.6 TIFF written with TwelveMonkeys' writer. */
  private static byte[] g4Tiff(List<BufferedImage> pages) throws IOException {
    ImageWriter writer = new TIFFImageWriterSpi().createWriterInstance(null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType("CCITT T.6");
      writer.prepareWriteSequence(null);
      for (BufferedImage p : pages) {
        writer.writeToSequence(new IIOImage(p, null, null), param);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
