package io.patent2tech.udfs.drawings.sheets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.twelvemonkeys.imageio.metadata.tiff.Rational;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFEntry;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageMetadata;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageWriterSpi;

/**
 * Bilevel TIFF with CCITT T.6 (Group 4) compression at 300 dpi, as USPTO drawing sheets are, written
 * and read with TwelveMonkeys imageio-tiff (named explicitly: the JDK has a TIFF plugin of its own).
 */
public final class G4Tiff {

  private G4Tiff() {}

  /** Encodes a TYPE_BYTE_BINARY image. */
  public static byte[] write(BufferedImage image) throws IOException {
    if (image.getType() != BufferedImage.TYPE_BYTE_BINARY || image.getColorModel().getPixelSize() != 1) {
      throw new IllegalArgumentException("expected a 1-bit TYPE_BYTE_BINARY image, got type " + image.getType());
    }
    ImageWriter writer = new TIFFImageWriterSpi().createWriterInstance(null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType("CCITT T.6");
      Rational dpi = new Rational(SheetPainter.DPI);
      TIFFImageMetadata metadata = new TIFFImageMetadata(List.of(
          new TIFFEntry(TIFF.TAG_X_RESOLUTION, dpi),
          new TIFFEntry(TIFF.TAG_Y_RESOLUTION, dpi),
          new TIFFEntry(TIFF.TAG_RESOLUTION_UNIT, 2 /* inch */)));
      writer.write(null, new IIOImage(image, null, metadata), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** Decodes the first image of a TIFF. */
  public static BufferedImage read(byte[] tiff) throws IOException {
    ImageReader reader = new TIFFImageReaderSpi().createReaderInstance(null);
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(tiff))) {
      reader.setInput(in);
      return reader.read(0);
    } finally {
      reader.dispose();
    }
  }
}
