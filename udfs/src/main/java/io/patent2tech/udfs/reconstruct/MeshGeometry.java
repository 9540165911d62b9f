package io.patent2tech.udfs.reconstruct;

/** Small geometry shared by the writers and the preview. */
final class MeshGeometry {

  private MeshGeometry() {}

  /** Unit normal of triangle (a, b, c) by the right-hand rule, into {@code out}; zero when degenerate. */
  static void faceNormal(float[] p, int a, int b, int c, float[] out) {
    double ux = p[3 * b] - p[3 * a], uy = p[3 * b + 1] - p[3 * a + 1], uz = p[3 * b + 2] - p[3 * a + 2];
    double vx = p[3 * c] - p[3 * a], vy = p[3 * c + 1] - p[3 * a + 1], vz = p[3 * c + 2] - p[3 * a + 2];
    double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
    if (len == 0) {
      out[0] = out[1] = out[2] = 0;
    } else {
      out[0] = (float) (nx / len);
      out[1] = (float) (ny / len);
      out[2] = (float) (nz / len);
    }
  }
}
