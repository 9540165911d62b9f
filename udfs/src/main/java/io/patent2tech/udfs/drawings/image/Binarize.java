package io.patent2tech.udfs.drawings.image;

/**
 * Grey to bilevel for PNG and JPEG drawings (TIFF sheets from the offices are bilevel already).
 *
 * <p>Otsu's threshold, not a fixed 128: scans and JPEGs of line drawings have a grey paper tone and
 * soft stroke edges whose levels vary from file to file; Otsu picks, from the histogram alone, the
 * level that best separates the two populations (it maximises the between-class variance), so a
 * light-grey page with dark-grey lines splits as well as black on white. It needs no parameter and
 * is one pass over a 256-bin histogram.
 */
public final class Binarize {

  private Binarize() {}

  /**
   * Otsu's threshold of 8-bit luminances: pixels {@code <= t} are ink. A uniform image (one grey
   * level) has no second population and returns -1: nothing is ink.
   */
  public static int otsuThreshold(int[] histogram) {
    long total = 0;
    double sumAll = 0;
    for (int i = 0; i < 256; i++) {
      total += histogram[i];
      sumAll += (double) i * histogram[i];
    }
    long n0 = 0;
    double sum0 = 0;
    double best = 0;
    int threshold = -1;
    for (int t = 0; t < 255; t++) {
      n0 += histogram[t];
      sum0 += (double) t * histogram[t];
      long n1 = total - n0;
      if (n0 == 0 || n1 == 0) {
        continue;
      }
      double m0 = sum0 / n0;
      double m1 = (sumAll - sum0) / n1;
      double between = (double) n0 * n1 * (m0 - m1) * (m0 - m1);
      if (between > best) {
        best = between;
        threshold = t;
      }
    }
    return threshold;
  }

  /** Histogram of 8-bit luminances. */
  public static int[] histogram(byte[] grey) {
    int[] h = new int[256];
    for (byte b : grey) {
      h[b & 0xff]++;
    }
    return h;
  }

  /** Ink where the luminance (row-major, {@code width * height} bytes) is at most {@code threshold}. */
  public static BinaryImage threshold(byte[] grey, int width, int height, int threshold) {
    BinaryImage out = new BinaryImage(width, height);
    long[] words = out.words();
    int wpr = out.wordsPerRow();
    for (int y = 0; y < height; y++) {
      int row = y * width;
      int wordRow = y * wpr;
      for (int x = 0; x < width; x++) {
        if ((grey[row + x] & 0xff) <= threshold) {
          words[wordRow + (x >>> 6)] |= Long.MIN_VALUE >>> (x & 63);
        }
      }
    }
    return out;
  }

  /** Otsu's threshold applied: the usual way from a grey page to ink. */
  public static BinaryImage otsu(byte[] grey, int width, int height) {
    return threshold(grey, width, height, otsuThreshold(histogram(grey)));
  }
}
