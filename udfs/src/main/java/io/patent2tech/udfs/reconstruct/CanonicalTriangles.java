package io.patent2tech.udfs.reconstruct;

import java.util.Arrays;

/**
 * The order-free form of a mesh's triangles, for comparing two extractors (CPU and GPU).
 *
 * <p>Each triangle is written as the lattice edge ids of its three vertices
 * ({@link Mesh#vertexIds()}), rotated (never reflected, which would flip the winding) so the smallest
 * id comes first; the triangles are then sorted lexicographically. Two meshes are the same surface
 * exactly when their canonical forms are equal.
 */
public final class CanonicalTriangles {

  private CanonicalTriangles() {}

  /** Three ids per triangle, each triangle rotated smallest-first, triangles sorted. */
  public static long[] of(Mesh mesh) {
    int[] tri = mesh.triangles();
    long[] ids = mesh.vertexIds();
    int n = mesh.triangleCount();
    long[][] rows = new long[n][];
    for (int t = 0; t < n; t++) {
      long a = ids[tri[3 * t]], b = ids[tri[3 * t + 1]], c = ids[tri[3 * t + 2]];
      if (a < b && a < c) {
        rows[t] = new long[] {a, b, c};
      } else if (b < c) {
        rows[t] = new long[] {b, c, a};
      } else {
        rows[t] = new long[] {c, a, b};
      }
    }
    Arrays.sort(rows, Arrays::compare);
    long[] flat = new long[3 * n];
    for (int t = 0; t < n; t++) {
      System.arraycopy(rows[t], 0, flat, 3 * t, 3);
    }
    return flat;
  }

  /** True when both meshes have the same triangles with the same windings, in any order. */
  public static boolean same(Mesh a, Mesh b) {
    return a.triangleCount() == b.triangleCount() && Arrays.equals(of(a), of(b));
  }
}
