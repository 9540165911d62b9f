package io.patent2tech.udfs.reconstruct;

/**
 * An indexed triangle mesh: vertex {@code v} at {@code positions[3v..3v+2]} with unit normal
 * {@code normals[3v..3v+2]}, triangle {@code t} the vertices {@code triangles[3t..3t+2]}, wound
 * counter-clockwise seen from outside. {@code vertexIds[v]} names the lattice edge the vertex sits
 * on ({@link SurfaceLattice#edgeId}); two extractors agree when their triangles over these ids
 * agree ({@link CanonicalTriangles}), whatever order they emit vertices in.
 *
 * <p>Coordinates are in the grid's extents' unit (longest bounding-box side 1.0), origin at the
 * bounding box's minimum corner. Arrays are shared, not copied: treat them as read-only.
 */
public final class Mesh {

  private final float[] positions;
  private final float[] normals;
  private final int[] triangles;
  private final long[] vertexIds;

  private Mesh(float[] positions, float[] normals, int[] triangles, long[] vertexIds) {
    this.positions = positions;
    this.normals = normals;
    this.triangles = triangles;
    this.vertexIds = vertexIds;
  }

  /** A mesh whose vertex normals are the area-weighted mean of the adjacent triangles' normals. */
  public static Mesh of(float[] positions, int[] triangles, long[] vertexIds) {
    if (positions.length % 3 != 0 || triangles.length % 3 != 0 || vertexIds.length * 3 != positions.length) {
      throw new IllegalArgumentException("positions " + positions.length + ", triangles " + triangles.length
          + ", ids " + vertexIds.length + " do not describe a mesh");
    }
    int vertexCount = vertexIds.length;
    for (int index : triangles) {
      if (index < 0 || index >= vertexCount) {
        throw new IllegalArgumentException("triangle index " + index + " outside 0.." + (vertexCount - 1));
      }
    }
    double[] sum = new double[positions.length];
    // a vertex whose adjacent normals cancel (a symmetric saddle) takes its first triangle's normal,
    // because glTF requires unit normals
    double[] first = new double[positions.length];
    for (int t = 0; t < triangles.length; t += 3) {
      int a = 3 * triangles[t], b = 3 * triangles[t + 1], c = 3 * triangles[t + 2];
      double ux = positions[b] - positions[a], uy = positions[b + 1] - positions[a + 1], uz = positions[b + 2] - positions[a + 2];
      double vx = positions[c] - positions[a], vy = positions[c + 1] - positions[a + 1], vz = positions[c + 2] - positions[a + 2];
      // the cross product's length is twice the area, so summing it weights by area
      double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
      for (int corner : new int[] {a, b, c}) {
        if (first[corner] == 0 && first[corner + 1] == 0 && first[corner + 2] == 0) {
          first[corner] = nx;
          first[corner + 1] = ny;
          first[corner + 2] = nz;
        }
        sum[corner] += nx;
        sum[corner + 1] += ny;
        sum[corner + 2] += nz;
      }
    }
    float[] normals = new float[positions.length];
    for (int v = 0; v < positions.length; v += 3) {
      double len = Math.sqrt(sum[v] * sum[v] + sum[v + 1] * sum[v + 1] + sum[v + 2] * sum[v + 2]);
      if (len < 1e-12 * (1 + Math.abs(first[v]) + Math.abs(first[v + 1]) + Math.abs(first[v + 2]))) {
        System.arraycopy(first, v, sum, v, 3);
        len = Math.sqrt(sum[v] * sum[v] + sum[v + 1] * sum[v + 1] + sum[v + 2] * sum[v + 2]);
      }
      if (len > 0) {
        normals[v] = (float) (sum[v] / len);
        normals[v + 1] = (float) (sum[v + 1] / len);
        normals[v + 2] = (float) (sum[v + 2] / len);
      }
    }
    return new Mesh(positions, normals, triangles, vertexIds);
  }

  public int vertexCount() {
    return vertexIds.length;
  }

  public int triangleCount() {
    return triangles.length / 3;
  }

  public float[] positions() {
    return positions;
  }

  public float[] normals() {
    return normals;
  }

  public int[] triangles() {
    return triangles;
  }

  public long[] vertexIds() {
    return vertexIds;
  }
}
