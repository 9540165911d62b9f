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
    EdgeVertices vertices = new EdgeVertices();
    IntList triangles = new IntList();
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
            triangles.add(vertices.indexOf(SurfaceLattice.cellEdgeId(spec, i, j, k, edge)));
          }
        }
      }
    }
    long[] ids = vertices.ids();
    float[] positions = new float[3 * ids.length];
    for (int v = 0; v < ids.length; v++) {
      SurfaceLattice.position(spec, ids[v], positions, 3 * v);
    }
    return Mesh.of(positions, triangles.toArray(), ids);
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

  /** Vertex numbering by lattice edge id: an open-addressing map, first use gets the next index. */
  private static final class EdgeVertices {
    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private long[] order = new long[1 << 10];
    private int size;

    EdgeVertices() {
      Arrays.fill(keys, -1);
    }

    int indexOf(long id) {
      int mask = keys.length - 1;
      int slot = (int) (mix(id) & mask);
      while (keys[slot] != -1) {
        if (keys[slot] == id) {
          return values[slot];
        }
        slot = (slot + 1) & mask;
      }
      keys[slot] = id;
      values[slot] = size;
      if (size == order.length) {
        order = Arrays.copyOf(order, 2 * size);
      }
      order[size] = id;
      int index = size++;
      if (2 * size > keys.length) {
        grow();
      }
      return index;
    }

    long[] ids() {
      return Arrays.copyOf(order, size);
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldValues = values;
      keys = new long[2 * oldKeys.length];
      values = new int[2 * oldKeys.length];
      Arrays.fill(keys, -1);
      int mask = keys.length - 1;
      for (int s = 0; s < oldKeys.length; s++) {
        if (oldKeys[s] != -1) {
          int slot = (int) (mix(oldKeys[s]) & mask);
          while (keys[slot] != -1) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = oldKeys[s];
          values[slot] = oldValues[s];
        }
      }
    }

    private static long mix(long x) {
      x *= 0x9E3779B97F4A7C15L;
      return x ^ (x >>> 29);
    }
  }

  private static final class IntList {
    private int[] items = new int[1 << 12];
    private int size;

    void add(int v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, 2 * size);
      }
      items[size++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(items, size);
    }
  }
}
