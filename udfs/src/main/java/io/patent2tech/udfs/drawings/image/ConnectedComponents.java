package io.patent2tech.udfs.drawings.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Connected-component labelling on runs: every row's ink runs are found 64 pixels at a time, runs
 * of neighbouring rows that touch are joined with union-find. Work and memory follow the number of
 * runs (tens of thousands on a drawing sheet), not the number of pixels (nine million), so a sheet
 * labels in a few milliseconds and no per-pixel label array is needed.
 *
 * <p>Ink uses 8-connectivity (diagonal steps join, so thin slanted strokes stay one piece);
 * labelling the inverted image with 4-connectivity gives the background regions that match it
 * (a diagonal gap in an 8-connected outline does not let the background through).
 */
public final class ConnectedComponents {

  private final int width;
  private final int height;
  private final int[] rowStart;   // runs of row y are rowStart[y] .. rowStart[y + 1] - 1
  private final int[] runX0;      // first pixel
  private final int[] runX1;      // one past the last pixel
  private final int[] runLabel;   // component id
  private final List<Component> components;

  private ConnectedComponents(int width, int height, int[] rowStart, int[] runX0, int[] runX1,
                              int[] runLabel, List<Component> components) {
    this.width = width;
    this.height = height;
    this.rowStart = rowStart;
    this.runX0 = runX0;
    this.runX1 = runX1;
    this.runLabel = runLabel;
    this.components = components;
  }

  /** The ink components, 8-connected. */
  public static ConnectedComponents of(BinaryImage image) {
    return label(image, true);
  }

  /** The components of the given image with 4-connectivity (used on the inverted image: background regions). */
  public static ConnectedComponents of4(BinaryImage image) {
    return label(image, false);
  }

  private static ConnectedComponents label(BinaryImage image, boolean eight) {
    int w = image.width();
    int h = image.height();
    int[] rowStart = new int[h + 1];
    int[] x0 = new int[1024];
    int[] x1 = new int[1024];
    int n = 0;
    for (int y = 0; y < h; y++) {
      rowStart[y] = n;
      int x = image.nextInk(y, 0);
      while (x >= 0) {
        int end = image.nextBackground(y, x);
        if (n == x0.length) {
          x0 = Arrays.copyOf(x0, n * 2);
          x1 = Arrays.copyOf(x1, n * 2);
        }
        x0[n] = x;
        x1[n] = end;
        n++;
        x = image.nextInk(y, end);
      }
    }
    rowStart[h] = n;

    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    // 8-connectivity: runs touch when they share a column or a corner; 4: only a column
    int slack = eight ? 1 : 0;
    for (int y = 1; y < h; y++) {
      int a = rowStart[y - 1];
      int aEnd = rowStart[y];
      int b = rowStart[y];
      int bEnd = rowStart[y + 1];
      while (a < aEnd && b < bEnd) {
        if (x0[a] < x1[b] + slack && x0[b] < x1[a] + slack) {
          union(parent, a, b);
        }
        // advance the run that ends first; the other may still touch the next one
        if (x1[a] < x1[b]) {
          a++;
        } else {
          b++;
        }
      }
    }

    int[] label = new int[n];
    int[] rootLabel = new int[n];
    Arrays.fill(rootLabel, -1);
    int count = 0;
    for (int i = 0; i < n; i++) {
      int r = find(parent, i);
      if (rootLabel[r] < 0) {
        rootLabel[r] = count++;
      }
      label[i] = rootLabel[r];
    }

    int[] minX = new int[count];
    int[] minY = new int[count];
    int[] maxX = new int[count];
    int[] maxY = new int[count];
    long[] px = new long[count];
    double[] sx = new double[count];
    double[] sy = new double[count];
    double[] sxx = new double[count];
    double[] syy = new double[count];
    double[] sxy = new double[count];
    Arrays.fill(minX, Integer.MAX_VALUE);
    Arrays.fill(minY, Integer.MAX_VALUE);
    Arrays.fill(maxX, -1);
    Arrays.fill(maxY, -1);
    for (int y = 0; y < h; y++) {
      for (int i = rowStart[y]; i < rowStart[y + 1]; i++) {
        int c = label[i];
        int a = x0[i];
        int e = x1[i] - 1;
        long len = e - a + 1;
        minX[c] = Math.min(minX[c], a);
        maxX[c] = Math.max(maxX[c], e);
        minY[c] = Math.min(minY[c], y);
        maxY[c] = Math.max(maxY[c], y);
        px[c] += len;
        // sums of x and x^2 over a..e in closed form
        double sumX = (a + e) * (double) len / 2.0;
        double sumXX = sumSquares(e) - sumSquares(a - 1);
        sx[c] += sumX;
        sy[c] += (double) y * len;
        sxx[c] += sumXX;
        syy[c] += (double) y * y * len;
        sxy[c] += y * sumX;
      }
    }
    List<Component> comps = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      double m = px[c];
      double cx = sx[c] / m;
      double cy = sy[c] / m;
      // covariance of a pixel grid; + 1/12 per axis counts each pixel as a unit square
      double vxx = sxx[c] / m - cx * cx + 1.0 / 12;
      double vyy = syy[c] / m - cy * cy + 1.0 / 12;
      double vxy = sxy[c] / m - cx * cy;
      double tr = vxx + vyy;
      double det = vxx * vyy - vxy * vxy;
      double l1 = tr / 2 + Math.sqrt(Math.max(0, tr * tr / 4 - det));
      double length = Math.sqrt(12 * l1);
      double angle = 0.5 * Math.atan2(2 * vxy, vxx - vyy);
      comps.add(new Component(c, new Box(minX[c], minY[c], maxX[c], maxY[c]), (int) m, cx, cy, length,
          m / Math.max(1.0, length), angle));
    }
    return new ConnectedComponents(w, h, rowStart, Arrays.copyOf(x0, n), Arrays.copyOf(x1, n), label, comps);
  }

  private static double sumSquares(long k) {
    return k < 0 ? 0 : k * (k + 1) * (2.0 * k + 1) / 6.0;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      // the smaller index stays root: labels then follow the first pixel in raster order
      if (ra < rb) {
        parent[rb] = ra;
      } else {
        parent[ra] = rb;
      }
    }
  }

  /** The components, ordered by their first pixel in raster order. */
  public List<Component> components() {
    return components;
  }

  /** The id of the component holding pixel (x, y), or -1 for background. */
  public int labelAt(int x, int y) {
    if (y < 0 || y >= height || x < 0 || x >= width) {
      return -1;
    }
    int lo = rowStart[y];
    int hi = rowStart[y + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (runX1[mid] <= x) {
        lo = mid + 1;
      } else if (runX0[mid] > x) {
        hi = mid - 1;
      } else {
        return runLabel[mid];
      }
    }
    return -1;
  }

  /** A new image holding only the components whose id is marked in {@code keep}. */
  public BinaryImage paint(boolean[] keep) {
    BinaryImage out = new BinaryImage(width, height);
    for (int y = 0; y < height; y++) {
      for (int i = rowStart[y]; i < rowStart[y + 1]; i++) {
        if (keep[runLabel[i]]) {
          out.fillRun(y, runX0[i], runX1[i]);
        }
      }
    }
    return out;
  }

  /** Number of runs (a measure of the work the labelling did). */
  public int runCount() {
    return runX0.length;
  }
}
