package io.patent2tech.udfs.reconstruct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The 256-case marching cubes table, generated from the algorithm rather than copied, with one
 * consistent answer to the ambiguous faces (docs/reconstruction.md, "Surface").
 *
 * <p><b>Numbering.</b> Corner {@code c = dx + 2 dy + 4 dz} of a cell sits at offset (dx, dy, dz); the
 * case index has bit {@code c} set when corner {@code c} is inside. Edge {@code e = 4 a + q} runs
 * along axis {@code a} (0 = x, 1 = y, 2 = z) from the corner whose coordinate along {@code a} is 0;
 * {@code q} packs the other two coordinates, lower axis first: along x, q = dy + 2 dz; along y,
 * q = dx + 2 dz; along z, q = dx + 2 dy.
 *
 * <p><b>Generation.</b> On each of the cell's six faces the inside corners are cut off by segments
 * between the midpoints of the face's sign-changing edges. A face with two diagonally opposite
 * inside corners is ambiguous; this table always separates the inside corners there (two segments,
 * one around each inside corner). The decision depends only on the face's four corners, so the two
 * cells sharing a face draw the same segments and the surface has no holes; the inside is
 * 6-connected (voxels touching only along an edge or at a corner get separate surfaces). Each
 * segment is directed so the inside lies on its left seen from outside the cell, the segments
 * close into loops, and each loop is cut into triangles whose diagonals never join two midpoints of
 * one face (such a diagonal would lie in the face and could be shared with the neighbouring cell).
 * Triangles are wound counter-clockwise seen from outside the solid, so normals point outward.
 */
public final class MarchingCubesTable {

  /** {@code TRIANGLES[case]}: cell edge indices, three per triangle. */
  private static final int[][] TRIANGLES = generate();

  /** Most triangles any case produces (the GPU twin sizes its per-cell output with it). */
  public static final int MAX_TRIANGLES_PER_CASE =
      Arrays.stream(TRIANGLES).mapToInt(t -> t.length / 3).max().orElseThrow();

  private MarchingCubesTable() {}

  /** The triangles of case {@code cubeCase} (0..255) as cell edge indices, three per triangle; a copy. */
  public static int[] triangles(int cubeCase) {
    return TRIANGLES[cubeCase].clone();
  }

  /**
   * The table as one array for a GPU kernel: 256 rows of {@code 3 * MAX_TRIANGLES_PER_CASE + 1}
   * entries, each row's edge indices followed by -1 padding.
   */
  public static int[] flattened() {
    int stride = 3 * MAX_TRIANGLES_PER_CASE + 1;
    int[] flat = new int[256 * stride];
    Arrays.fill(flat, -1);
    for (int c = 0; c < 256; c++) {
      System.arraycopy(TRIANGLES[c], 0, flat, c * stride, TRIANGLES[c].length);
    }
    return flat;
  }

  /** Offset (0 or 1) of corner {@code corner} along {@code axis}. */
  public static int cornerBit(int corner, int axis) {
    return (corner >> axis) & 1;
  }

  /** The corner edge {@code edge} starts at (its coordinate along the edge's axis is 0). */
  public static int edgeStart(int edge) {
    int axis = edge / 4;
    int q = edge % 4;
    int[] bits = new int[3];
    int other = 0;
    for (int b = 0; b < 3; b++) {
      if (b != axis) {
        bits[b] = (q >> other++) & 1;
      }
    }
    return bits[0] + 2 * bits[1] + 4 * bits[2];
  }

  /** The corner edge {@code edge} ends at. */
  public static int edgeEnd(int edge) {
    return edgeStart(edge) | (1 << (edge / 4));
  }

  /** The cell edge joining corners {@code a} and {@code b}, which must differ in one bit. */
  static int edgeBetween(int a, int b) {
    int diff = a ^ b;
    int axis = Integer.numberOfTrailingZeros(diff);
    if (Integer.bitCount(diff) != 1) {
      throw new IllegalArgumentException("corners " + a + " and " + b + " are not joined by an edge");
    }
    int start = Math.min(a, b);
    int q = 0;
    int other = 0;
    for (int bit = 0; bit < 3; bit++) {
      if (bit != axis) {
        q |= cornerBit(start, bit) << other++;
      }
    }
    return 4 * axis + q;
  }

  private static double[] corner(int c) {
    return new double[] {cornerBit(c, 0), cornerBit(c, 1), cornerBit(c, 2)};
  }

  private static double[] midpoint(int edge) {
    double[] a = corner(edgeStart(edge));
    double[] b = corner(edgeEnd(edge));
    return new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2};
  }

  /** True when both edges lie on one face of the cell. */
  private static boolean shareFace(int e1, int e2) {
    for (int axis = 0; axis < 3; axis++) {
      for (int side = 0; side < 2; side++) {
        if (onFace(e1, axis, side) && onFace(e2, axis, side)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean onFace(int edge, int axis, int side) {
    return cornerBit(edgeStart(edge), axis) == side && cornerBit(edgeEnd(edge), axis) == side;
  }

  private static int[][] generate() {
    int[][] table = new int[256][];
    for (int c = 0; c < 256; c++) {
      table[c] = trianglesOf(c);
    }
    return table;
  }

  private static int[] trianglesOf(int cubeCase) {
    int[] next = new int[12];
    Arrays.fill(next, -1);
    for (int axis = 0; axis < 3; axis++) {
      for (int side = 0; side < 2; side++) {
        for (int[] segment : faceSegments(cubeCase, axis, side)) {
          if (next[segment[0]] != -1) {
            throw new IllegalStateException("case " + cubeCase + ": edge " + segment[0] + " leaves twice");
          }
          next[segment[0]] = segment[1];
        }
      }
    }
    List<Integer> triangles = new ArrayList<>();
    boolean[] used = new boolean[12];
    for (int start = 0; start < 12; start++) {
      if (next[start] == -1 || used[start]) {
        continue;
      }
      List<Integer> loop = new ArrayList<>();
      for (int e = start; !used[e]; e = next[e]) {
        used[e] = true;
        loop.add(e);
      }
      // the loop runs counter-clockwise around the inside seen from outside the cell, i.e. its
      // right-hand normal points into the solid; reversed, it points out
      int[] polygon = new int[loop.size()];
      for (int i = 0; i < polygon.length; i++) {
        polygon[i] = loop.get(polygon.length - 1 - i);
      }
      if (!triangulate(polygon, 0, polygon.length - 1, triangles)) {
        throw new IllegalStateException("case " + cubeCase + ": no triangulation of loop " + loop);
      }
    }
    return triangles.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Directed segments {from edge, to edge} on face (axis, side), the inside on the left of each
   * seen from outside the cell.
   */
  private static List<int[]> faceSegments(int cubeCase, int axis, int side) {
    int u = (axis + 1) % 3;
    int v = (axis + 2) % 3;
    int base = side << axis;
    int[] ring = {base, base | (1 << u), base | (1 << u) | (1 << v), base | (1 << v)};
    boolean[] in = new boolean[4];
    int insideCount = 0;
    for (int i = 0; i < 4; i++) {
      in[i] = ((cubeCase >> ring[i]) & 1) != 0;
      insideCount += in[i] ? 1 : 0;
    }
    List<int[]> segments = new ArrayList<>();
    boolean ambiguous = insideCount == 2 && in[0] == in[2];
    if (ambiguous) {
      for (int i = 0; i < 4; i++) {
        if (in[i]) {
          segments.add(new int[] {edgeBetween(ring[(i + 3) % 4], ring[i]), edgeBetween(ring[i], ring[(i + 1) % 4])});
        }
      }
    } else if (insideCount != 0 && insideCount != 4) {
      int[] crossing = new int[2];
      int n = 0;
      for (int i = 0; i < 4; i++) {
        if (in[i] != in[(i + 1) % 4]) {
          crossing[n++] = edgeBetween(ring[i], ring[(i + 1) % 4]);
        }
      }
      segments.add(crossing);
    }
    double[] normal = new double[3];
    normal[axis] = side == 0 ? -1 : 1;
    for (int[] s : segments) {
      double[] p = midpoint(s[0]);
      double[] q = midpoint(s[1]);
      int insideCorner = ((cubeCase >> edgeStart(s[0])) & 1) != 0 ? edgeStart(s[0]) : edgeEnd(s[0]);
      double[] d = sub(q, p);
      double[] left = cross(normal, d);
      if (dot(left, sub(corner(insideCorner), p)) < 0) {
        int t = s[0];
        s[0] = s[1];
        s[1] = t;
      }
    }
    return segments;
  }

  /**
   * Triangulates polygon[i..j] (i, j joined by a side or an allowed diagonal) into {@code out},
   * keeping the polygon's winding; false when every choice needs a diagonal inside a cell face.
   */
  private static boolean triangulate(int[] polygon, int i, int j, List<Integer> out) {
    if (j - i < 2) {
      return true;
    }
    for (int k = i + 1; k < j; k++) {
      boolean left = k == i + 1 || !shareFace(polygon[i], polygon[k]);
      boolean right = k == j - 1 || !shareFace(polygon[k], polygon[j]);
      if (left && right) {
        int mark = out.size();
        out.add(polygon[i]);
        out.add(polygon[k]);
        out.add(polygon[j]);
        if (triangulate(polygon, i, k, out) && triangulate(polygon, k, j, out)) {
          return true;
        }
        out.subList(mark, out.size()).clear();
      }
    }
    return false;
  }

  private static double[] sub(double[] a, double[] b) {
    return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }
}
