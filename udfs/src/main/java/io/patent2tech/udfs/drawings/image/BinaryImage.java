package io.patent2tech.udfs.drawings.image;

import java.util.Arrays;

/**
 * A bilevel image, 1 = ink, bit-packed: each row is {@code wordsPerRow} longs, pixel {@code x} is
 * bit {@code 63 - (x % 64)} of word {@code x / 64} (most significant bit first, the order TIFF and
 * PNG pack 1-bit rows in, so decoded bytes copy straight in). Bits past the width are always 0.
 *
 * <p>A 2592x3508 sheet takes 1.1 MB, an eighth of a byte-per-pixel copy; row operations (AND/OR of
 * rows, runs found with {@link Long#numberOfLeadingZeros}) work on 64 pixels at a time.
 * Mutable (the analysis builds images step by step); methods that return an image return a new one.
 */
public final class BinaryImage {

  private final int width;
  private final int height;
  private final int wordsPerRow;
  private final long[] bits;

  public BinaryImage(int width, int height) {
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException("negative size " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    this.wordsPerRow = (width + 63) >>> 6;
    this.bits = new long[Math.multiplyExact(wordsPerRow, height)];
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  int wordsPerRow() {
    return wordsPerRow;
  }

  /** The backing words, row after row (package code reads and writes them directly). */
  long[] words() {
    return bits;
  }

  public boolean get(int x, int y) {
    if (x < 0 || y < 0 || x >= width || y >= height) {
      return false;
    }
    return (bits[y * wordsPerRow + (x >>> 6)] & (Long.MIN_VALUE >>> (x & 63))) != 0;
  }

  public void set(int x, int y, boolean ink) {
    int i = y * wordsPerRow + (x >>> 6);
    long m = Long.MIN_VALUE >>> (x & 63);
    bits[i] = ink ? bits[i] | m : bits[i] & ~m;
  }

  /** Sets pixels {@code x0 <= x < x1} of row y to ink (clipped to the image). */
  public void fillRun(int y, int x0, int x1) {
    x0 = Math.max(0, x0);
    x1 = Math.min(width, x1);
    if (x0 >= x1 || y < 0 || y >= height) {
      return;
    }
    int row = y * wordsPerRow;
    int w0 = x0 >>> 6;
    int w1 = (x1 - 1) >>> 6;
    long first = -1L >>> (x0 & 63);
    long last = -1L << (63 - ((x1 - 1) & 63));
    if (w0 == w1) {
      bits[row + w0] |= first & last;
      return;
    }
    bits[row + w0] |= first;
    for (int w = w0 + 1; w < w1; w++) {
      bits[row + w] = -1L;
    }
    bits[row + w1] |= last;
  }

  /** Fills the rectangle {@code [x0, x1) x [y0, y1)} with ink. */
  public void fillRect(int x0, int y0, int x1, int y1) {
    for (int y = Math.max(0, y0); y < Math.min(height, y1); y++) {
      fillRun(y, x0, x1);
    }
  }

  /**
   * The first ink pixel at or after x in row y, or -1.
   */
  public int nextInk(int y, int x) {
    if (x >= width) {
      return -1;
    }
    int row = y * wordsPerRow;
    int w = x >>> 6;
    long word = bits[row + w] & (-1L >>> (x & 63));
    while (word == 0) {
      if (++w >= wordsPerRow) {
        return -1;
      }
      word = bits[row + w];
    }
    return (w << 6) + Long.numberOfLeadingZeros(word);
  }

  /** The first background pixel at or after x in row y, or the width when the row is ink to its end. */
  public int nextBackground(int y, int x) {
    if (x >= width) {
      return width;
    }
    int row = y * wordsPerRow;
    int w = x >>> 6;
    long word = ~bits[row + w] & (-1L >>> (x & 63));
    while (word == 0) {
      if (++w >= wordsPerRow) {
        return width;
      }
      word = ~bits[row + w];
    }
    return Math.min(width, (w << 6) + Long.numberOfLeadingZeros(word));
  }

  /** Number of ink pixels. */
  public long inkCount() {
    long n = 0;
    for (long b : bits) {
      n += Long.bitCount(b);
    }
    return n;
  }

  /** Number of ink pixels inside the box. */
  public long inkCount(Box box) {
    return crop(box).inkCount();
  }

  public BinaryImage copy() {
    BinaryImage c = new BinaryImage(width, height);
    System.arraycopy(bits, 0, c.bits, 0, bits.length);
    return c;
  }

  /** Ink becomes background and background ink (the padding bits stay 0). */
  public BinaryImage inverted() {
    BinaryImage c = new BinaryImage(width, height);
    long padMask = width % 64 == 0 ? -1L : -1L << (64 - width % 64);
    for (int y = 0; y < height; y++) {
      int row = y * wordsPerRow;
      for (int w = 0; w < wordsPerRow; w++) {
        long v = ~bits[row + w];
        c.bits[row + w] = w == wordsPerRow - 1 ? v & padMask : v;
      }
    }
    return c;
  }

  /** The pixels inside the box (clipped to the image) as a new image whose (0,0) is the box's corner. */
  public BinaryImage crop(Box box) {
    BinaryImage c = new BinaryImage(box.width(), box.height());
    for (int y = box.minY(); y <= box.maxY(); y++) {
      if (y < 0 || y >= height) {
        continue;
      }
      int x = nextInk(y, Math.max(0, box.minX()));
      while (x >= 0 && x <= box.maxX()) {
        int end = Math.min(nextBackground(y, x), box.maxX() + 1);
        c.fillRun(y - box.minY(), x - box.minX(), end - box.minX());
        x = nextInk(y, end);
      }
    }
    return c;
  }

  /** The tight box around the ink, or null when there is none. */
  public Box inkBox() {
    int minX = Integer.MAX_VALUE;
    int minY = -1;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < height; y++) {
      int x = nextInk(y, 0);
      if (x < 0) {
        continue;
      }
      if (minY < 0) {
        minY = y;
      }
      maxY = y;
      minX = Math.min(minX, x);
      int last = x;
      while (x >= 0) {
        int end = nextBackground(y, x);
        last = end - 1;
        x = nextInk(y, end);
      }
      maxX = Math.max(maxX, last);
    }
    return minY < 0 ? null : new Box(minX, minY, maxX, maxY);
  }

  /** The image with rows and columns swapped (x, y) -> (y, x): vertical lines become horizontal runs. */
  public BinaryImage transposed() {
    BinaryImage t = new BinaryImage(height, width);
    for (int y = 0; y < height; y++) {
      int x = nextInk(y, 0);
      while (x >= 0) {
        int end = nextBackground(y, x);
        for (int i = x; i < end; i++) {
          t.set(y, i, true);
        }
        x = nextInk(y, end);
      }
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinaryImage b && b.width == width && b.height == height && Arrays.equals(b.bits, bits);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return "BinaryImage[" + width + "x" + height + ", ink " + inkCount() + "]";
  }
}
