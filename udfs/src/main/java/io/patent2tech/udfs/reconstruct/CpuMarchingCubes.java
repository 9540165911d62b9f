package io.patent2tech.udfs.reconstruct;

import java.util.Arrays;

/**
 * The reference {@link SurfaceExtractor}: marching cubes over the padded voxel lattice
 * ({@link SurfaceLattice}) with {@link MarchingCubesTable}, vertices at edge midpoints, one vertex
 * per lattice edge. Cells are visited z, then y, then x (x fastest) and vertices are numbered in the
 * order they are first used; the GPU twin may order both differently.
 */
public final class CpuMarchingCubes implements SurfaceExtractor {

  @Override
  public Mesh extract(VoxelGrid grid) {
    GridSpec spec = grid.spec();
    int px = spec.nx() + 2;
    int py = spec.ny() + 2;
    // two padded z-slices of occupancy at a time: lattice point (i, j) of slice k is voxel (i-1, j-1, k-1)
    byte[] lower = new byte[px * py];
    byte[] upper = slice(grid, 0, px, py);
    int[][] table = new int[256][];
    for (int c = 0; c < 256; c++) {
      table[c] = MarchingCubesTable.triangles(c);
    }
    EdgeIdMesh mesh = new EdgeIdMesh(spec);
    for (int k = 0; k <= spec.nz(); k++) {
      byte[] swap = lower;
      lower = upper;
      upper = swap;
      fillSlice(grid, k + 1, px, py, upper);
      for (int j = 0; j <= spec.ny(); j++) {
        for (int i = 0; i <= spec.nx(); i++) {
          int p = i + px * j;
          int cubeCase = lower[p] | lower[p + 1] << 1 | lower[p + px] << 2 | lower[p + px + 1] << 3
              | upper[p] << 4 | upper[p + 1] << 5 | upper[p + px] << 6 | upper[p + px + 1] << 7;
          if (cubeCase == 0 || cubeCase == 255) {
            continue;
          }
          for (int edge : table[cubeCase]) {
            mesh.add(SurfaceLattice.cellEdgeId(spec, i, j, k, edge));
          }
        }
      }
    }
    return mesh.build();
  }

  private static byte[] slice(VoxelGrid grid, int k, int px, int py) {
    byte[] s = new byte[px * py];
    fillSlice(grid, k, px, py, s);
    return s;
  }

  private static void fillSlice(VoxelGrid grid, int k, int px, int py, byte[] out) {
    Arrays.fill(out, (byte) 0);
    int z = k - 1;
    if (z < 0 || z >= grid.nz()) {
      return;
    }
    for (int j = 1; j < py - 1; j++) {
      for (int i = 1; i < px - 1; i++) {
        out[i + px * j] = (byte) (grid.get(i - 1, j - 1, z) ? 1 : 0);
      }
    }
  }
}
