package io.patent2tech.udfs.reconstruct;

/** Measurements of a closed mesh, in the mesh's unit (longest bounding-box side 1.0). */
public final class MeshMetrics {

  private MeshMetrics() {}

  /**
   * Enclosed volume by the divergence theorem: the sum over triangles of
   * {@code a . (b x c) / 6}. Positive for an outward-wound closed mesh.
   */
  public static double volume(Mesh mesh) {
    float[] p = mesh.positions();
    int[] t = mesh.triangles();
    double sum = 0;
    for (int i = 0; i < t.length; i += 3) {
      int a = 3 * t[i], b = 3 * t[i + 1], c = 3 * t[i + 2];
      double cx = (double) p[b + 1] * p[c + 2] - (double) p[b + 2] * p[c + 1];
      double cy = (double) p[b + 2] * p[c] - (double) p[b] * p[c + 2];
      double cz = (double) p[b] * p[c + 1] - (double) p[b + 1] * p[c];
      sum += p[a] * cx + p[a + 1] * cy + p[a + 2] * cz;
    }
    return sum / 6;
  }

  /** {minX, minY, minZ, maxX, maxY, maxZ} of the vertices; all zero for an empty mesh. */
  public static double[] boundingBox(Mesh mesh) {
    float[] p = mesh.positions();
    if (p.length == 0) {
      return new double[6];
    }
    double[] box = {p[0], p[1], p[2], p[0], p[1], p[2]};
    for (int i = 0; i < p.length; i += 3) {
      for (int a = 0; a < 3; a++) {
        box[a] = Math.min(box[a], p[i + a]);
        box[a + 3] = Math.max(box[a + 3], p[i + a]);
      }
    }
    return box;
  }

  /** Number of distinct undirected edges; with {@link Mesh#vertexCount()} and triangles, V - E + F. */
  public static long edgeCount(Mesh mesh) {
    int[] t = mesh.triangles();
    java.util.HashSet<Long> edges = new java.util.HashSet<>();
    for (int i = 0; i < t.length; i += 3) {
      for (int e = 0; e < 3; e++) {
        int a = t[i + e], b = t[i + (e + 1) % 3];
        edges.add(Math.min(a, b) * (long) mesh.vertexCount() + Math.max(a, b));
      }
    }
    return edges.size();
  }

  /** V - E + F: 2 per closed genus-0 component, 0 for a torus (a plate with one hole). */
  public static long eulerCharacteristic(Mesh mesh) {
    return mesh.vertexCount() - edgeCount(mesh) + mesh.triangleCount();
  }
}
