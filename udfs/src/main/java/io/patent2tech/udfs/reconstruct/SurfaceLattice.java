package io.patent2tech.udfs.reconstruct;

/**
 * The lattice marching cubes runs on, and the names of its edges (docs/reconstruction.md,
 * "Surface").
 *
 * <p>The grid is padded by one empty voxel on every side, so the surface is closed. Lattice point
 * (i, j, k), 0 <= i <= nx + 1 (likewise j, k), is the centre of voxel (i - 1, j - 1, k - 1); the
 * cells are the (nx + 1)(ny + 1)(nz + 1) unit cubes between lattice points, cell (i, j, k) having
 * its corner 0 at lattice point (i, j, k). The lattice edge leaving point (i, j, k) along axis
 * {@code a} is named
 *
 * <pre>
 *   edgeId = ((k * (ny + 2) + j) * (nx + 2) + i) * 3 + a
 * </pre>
 *
 * and a vertex on it sits at its midpoint, which is the face between two voxels: coordinate
 * {@code L * size} along {@code a} and {@code (L - 0.5) * size} along the other two axes, with L the
 * lattice coordinate and size the voxel size along that axis ({@link GridSpec#voxelSize}).
 */
public final class SurfaceLattice {

  private SurfaceLattice() {}

  public static long edgeId(GridSpec spec, int i, int j, int k, int axis) {
    return (((long) k * (spec.ny() + 2) + j) * (spec.nx() + 2) + i) * 3 + axis;
  }

  /** The lattice edge that cell (i, j, k)'s edge {@code cellEdge} ({@link MarchingCubesTable}) is. */
  public static long cellEdgeId(GridSpec spec, int i, int j, int k, int cellEdge) {
    int start = MarchingCubesTable.edgeStart(cellEdge);
    return edgeId(spec, i + (start & 1), j + ((start >> 1) & 1), k + ((start >> 2) & 1), cellEdge / 4);
  }

  /** The midpoint of lattice edge {@code edgeId}, into {@code out[offset..offset+2]}. */
  public static void position(GridSpec spec, long edgeId, float[] out, int offset) {
    int axis = (int) (edgeId % 3);
    long point = edgeId / 3;
    long px = spec.nx() + 2;
    long py = spec.ny() + 2;
    long[] lattice = {point % px, (point / px) % py, point / (px * py)};
    for (int b = 0; b < 3; b++) {
      double size = spec.voxelSize(Axis.values()[b]);
      out[offset + b] = (float) (b == axis ? lattice[b] * size : (lattice[b] - 0.5) * size);
    }
  }
}
