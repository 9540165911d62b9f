package io.patent2tech.udfs.reconstruct;

import java.util.Arrays;

/**
 * A binary mask of one view of an object: {@code width x height} pixels, row-major, row 0 at the
 * top of the image, 1 = inside the object. Registration expects it cropped to the object's
 * bounding box ({@link #isCropped()}), so that its first and last rows and columns touch the
 * object; {@link #cropped()} makes it so.
 *
 * <p>The mask is a byte per pixel, the layout a GPU kernel can take as it is.
 */
public final class Silhouette {

  private final View view;
  private final int width;
  private final int height;
  private final byte[] mask;

  /**
   * @param mask row-major, {@code mask[row * width + column]}, each byte 0 or 1; copied
   */
  public Silhouette(View view, int width, int height, byte[] mask) {
    if (view == null) {
      throw new IllegalArgumentException("a silhouette needs its view");
    }
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("silhouette must be at least 1x1, got " + width + "x" + height);
    }
    if (mask.length != (long) width * height) {
      throw new IllegalArgumentException(
          "mask has " + mask.length + " pixels, " + width + "x" + height + " needs " + (long) width * height);
    }
    for (byte b : mask) {
      if (b != 0 && b != 1) {
        throw new IllegalArgumentException("mask pixels must be 0 or 1, found " + b);
      }
    }
    this.view = view;
    this.width = width;
    this.height = height;
    this.mask = mask.clone();
  }

  /** Builds a silhouette from a predicate over (column, row), row 0 at the top. */
  public static Silhouette of(View view, int width, int height, PixelPredicate inside) {
    byte[] mask = new byte[width * height];
    for (int row = 0; row < height; row++) {
      for (int col = 0; col < width; col++) {
        mask[row * width + col] = (byte) (inside.test(col, row) ? 1 : 0);
      }
    }
    return new Silhouette(view, width, height, mask);
  }

  /** Whether pixel (column, row) is inside, for functional construction of masks. */
  @FunctionalInterface
  public interface PixelPredicate {
    boolean test(int column, int row);
  }

  public View view() {
    return view;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** True when pixel (column, row) is inside the object; row 0 is the top row. */
  public boolean inside(int column, int row) {
    return mask[row * width + column] != 0;
  }

  /** A copy of the row-major mask. */
  public byte[] mask() {
    return mask.clone();
  }

  /** Number of inside pixels. */
  public long area() {
    long n = 0;
    for (byte b : mask) {
      n += b;
    }
    return n;
  }

  /** True when the first and last row and the first and last column each hold an inside pixel. */
  public boolean isCropped() {
    int[] box = insideBox();
    return box != null && box[0] == 0 && box[1] == 0 && box[2] == width - 1 && box[3] == height - 1;
  }

  /** This silhouette cut to the bounding box of its inside pixels; fails when there are none. */
  public Silhouette cropped() {
    int[] box = insideBox();
    if (box == null) {
      throw new IllegalArgumentException(view + " silhouette has no inside pixel");
    }
    int w = box[2] - box[0] + 1;
    int h = box[3] - box[1] + 1;
    byte[] out = new byte[w * h];
    for (int row = 0; row < h; row++) {
      System.arraycopy(mask, (row + box[1]) * width + box[0], out, row * w, w);
    }
    return new Silhouette(view, w, h, out);
  }

  /** {minColumn, minRow, maxColumn, maxRow} of the inside pixels, or null when there are none. */
  private int[] insideBox() {
    int minC = Integer.MAX_VALUE, minR = Integer.MAX_VALUE, maxC = -1, maxR = -1;
    for (int row = 0; row < height; row++) {
      for (int col = 0; col < width; col++) {
        if (mask[row * width + col] != 0) {
          minC = Math.min(minC, col);
          maxC = Math.max(maxC, col);
          minR = Math.min(minR, row);
          maxR = Math.max(maxR, row);
        }
      }
    }
    return maxC < 0 ? null : new int[] {minC, minR, maxC, maxR};
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Silhouette s
        && s.view == view && s.width == width && s.height == height && Arrays.equals(s.mask, mask);
  }

  @Override
  public int hashCode() {
    return (view.hashCode() * 31 + width) * 31 + height + Arrays.hashCode(mask);
  }

  @Override
  public String toString() {
    return "Silhouette[" + view + " " + width + "x" + height + "]";
  }
}
