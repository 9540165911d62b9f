package io.patent2tech.udfs.drawings.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;

import io.patent2tech.udfs.drawings.image.DrawingImageRejectedException.Why;

/**
 * Decodes drawing images (TIFF, including CCITT T.6 / Group 4 as EPO OPS and the USPTO serve them;
 * PNG; JPEG) into {@link BinaryImage}s, page by page, within {@link ImageLimits}.
 *
 * <p>The TIFF reader is TwelveMonkeys', created directly rather than looked up through the
 * {@code javax.imageio} registry: the registry depends on service files that a shaded job jar can
 * lose or reorder, and the JDK ships a second TIFF reader that would then be picked silently. PNG
 * and JPEG use the JDK's readers. Any failure inside a reader (they throw IOExceptions and, on
 * malformed data, runtime exceptions) becomes one {@link DrawingImageRejectedException}.
 *
 * <p>Bilevel pages (1 bit per pixel with a two-colour palette) are copied as packed bits, the darker
 * palette entry being ink whatever the TIFF's PhotometricInterpretation; everything else is drawn
 * onto white as 8-bit grey and split with {@link Binarize#otsu Otsu's threshold}.
 */
public final class DrawingImages {

  private DrawingImages() {}

  /** Receives the pages of a multi-page image one at a time. */
  @FunctionalInterface
  public interface PageConsumer {
    void accept(int pageIndex, BinaryImage page) throws DrawingImageRejectedException;
  }

  /** All pages, decoded. Prefer {@link #forEachPage} for long multi-page TIFFs: one page in memory at a time. */
  public static List<BinaryImage> decode(byte[] bytes, ImageLimits limits) throws DrawingImageRejectedException {
    List<BinaryImage> pages = new ArrayList<>();
    forEachPage(bytes, limits, (i, page) -> pages.add(page));
    return pages;
  }

  /**
   * Decodes the pages in order and hands each to the consumer before reading the next; a page over
   * the limits rejects the whole image before its pixels are read.
   *
   * @return the number of pages
   */
  public static int forEachPage(byte[] bytes, ImageLimits limits, PageConsumer consumer)
      throws DrawingImageRejectedException {
    if (bytes == null || bytes.length == 0) {
      throw new DrawingImageRejectedException(Why.CORRUPT, "empty image", null, null);
    }
    if (bytes.length > limits.maxBytes()) {
      throw new DrawingImageRejectedException(Why.TOO_LARGE,
          bytes.length + " bytes, more than the limit of " + limits.maxBytes(), null, null);
    }
    ImageReader reader = readerFor(bytes);
    if (isTiff(bytes)) {
      TiffStrips.check(bytes, limits.maxPages());
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, false, true);
      int pages = reader.getNumImages(true);
      if (pages <= 0) {
        throw new DrawingImageRejectedException(Why.CORRUPT, "no page in the image", null, null);
      }
      if (pages > limits.maxPages()) {
        throw new DrawingImageRejectedException(Why.TOO_LARGE,
            pages + " pages, more than the limit of " + limits.maxPages(), null, null);
      }
      for (int i = 0; i < pages; i++) {
        checkSize(reader.getWidth(i), reader.getHeight(i), i, limits);
        consumer.accept(i, toBinary(reader.read(i)));
      }
      return pages;
    } catch (DrawingImageRejectedException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // truncated strips, bad IFD offsets, broken Huffman codes: the readers say it in many ways
      throw new DrawingImageRejectedException(Why.CORRUPT, format(bytes) + " decoding failed: " + e, null, e);
    } finally {
      reader.dispose();
    }
  }

  private static void checkSize(int width, int height, int page, ImageLimits limits)
      throws DrawingImageRejectedException {
    if (width <= 0 || height <= 0) {
      throw new DrawingImageRejectedException(Why.CORRUPT, "page " + page + " is " + width + "x" + height, null, null);
    }
    if (width > limits.maxWidth() || height > limits.maxHeight() || (long) width * height > limits.maxPixels()) {
      throw new DrawingImageRejectedException(Why.TOO_LARGE, "page " + page + " is " + width + "x" + height
          + ", over the limit of " + limits.maxWidth() + "x" + limits.maxHeight() + " and "
          + limits.maxPixels() + " pixels", null, null);
    }
  }

  /** The reader for the bytes' format, told apart by their magic numbers. */
  private static ImageReader readerFor(byte[] b) throws DrawingImageRejectedException {
    String format = format(b);
    if (format.equals("tiff")) {
      return new TIFFImageReaderSpi().createReaderInstance(null);
    }
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
    if (readers.hasNext()) {
      return readers.next();
    }
    throw new DrawingImageRejectedException(Why.UNSUPPORTED,
        "neither TIFF, PNG nor JPEG (first bytes " + hex(b, 4) + ")", null, null);
  }

  /** tiff, png, jpeg, or unknown. */
  static String format(byte[] b) {
    return isTiff(b) ? "tiff" : isPng(b) ? "png" : isJpeg(b) ? "jpeg" : "unknown";
  }

  static boolean isTiff(byte[] b) {
    // "II*\0" little-endian, "MM\0*" big-endian; BigTIFF has 43 instead of 42
    return b.length >= 4 && ((b[0] == 'I' && b[1] == 'I' && (b[2] == 42 || b[2] == 43) && b[3] == 0)
        || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && (b[3] == 42 || b[3] == 43)));
  }

  static boolean isPng(byte[] b) {
    return b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
  }

  static boolean isJpeg(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
  }

  private static String hex(byte[] b, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(n, b.length); i++) {
      sb.append(String.format("%02x", b[i] & 0xff));
    }
    return sb.toString();
  }

  /** A decoded image as ink/background: packed bits copied for bilevel images, Otsu for the rest. */
  public static BinaryImage toBinary(BufferedImage image) {
    BinaryImage packed = packedBilevel(image);
    if (packed != null) {
      return packed;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    BufferedImage grey;
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY && image.getRaster().getDataBuffer() instanceof DataBufferByte
        && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0) {
      grey = image;
    } else {
      // transparent parts are paper: draw onto white
      grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
      Graphics2D g = grey.createGraphics();
      try {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(image, 0, 0, null);
      } finally {
        g.dispose();
      }
    }
    byte[] data = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    return Binarize.otsu(data, w, h);
  }

  /** The packed bits of a 1-bit, two-colour image, or null when the image is anything else. */
  private static BinaryImage packedBilevel(BufferedImage image) {
    Raster raster = image.getRaster();
    if (!(image.getColorModel() instanceof IndexColorModel icm) || icm.getMapSize() != 2
        || !(raster.getSampleModel() instanceof MultiPixelPackedSampleModel sm) || sm.getPixelBitStride() != 1
        || !(raster.getDataBuffer() instanceof DataBufferByte db) || sm.getDataBitOffset() % 8 != 0
        || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
      return null;
    }
    // ink is the darker of the two palette entries (BlackIsZero and WhiteIsZero both occur)
    boolean oneIsInk = luma(icm.getRGB(1)) < luma(icm.getRGB(0));
    int w = image.getWidth();
    int h = image.getHeight();
    BinaryImage out = new BinaryImage(w, h);
    long[] words = out.words();
    int wpr = out.wordsPerRow();
    byte[] data = db.getData();
    int stride = sm.getScanlineStride();
    int rowBytes = (w + 7) >>> 3;
    int base = db.getOffset() + sm.getDataBitOffset() / 8;
    long padMask = w % 64 == 0 ? -1L : -1L << (64 - w % 64);
    for (int y = 0; y < h; y++) {
      int off = base + y * stride;
      for (int k = 0; k < wpr; k++) {
        long v = 0;
        for (int j = 0; j < 8; j++) {
          int i = (k << 3) + j;
          v = (v << 8) | (i < rowBytes ? data[off + i] & 0xff : 0);
        }
        if (!oneIsInk) {
          v = ~v;
        }
        words[y * wpr + k] = k == wpr - 1 ? v & padMask : v;
      }
    }
    return out;
  }

  private static int luma(int rgb) {
    return 299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff);
  }
}
