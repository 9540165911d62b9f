package io.patent2tech.connectors.reconstruct.cuda;

import io.patent2tech.udfs.reconstruct.GridSpec;
import io.patent2tech.udfs.reconstruct.Mesh;
import io.patent2tech.udfs.reconstruct.SurfaceLattice;
import java.util.Arrays;

/**
 * The host half of the GPU marching cubes: drives {@link MarchingCubesPasses} chunk by chunk, turns
 * each chunk's block sums into offsets (the exclusive prefix sum runs here, over one int per 256
 * cells), and builds the {@link Mesh} from the edge ids exactly as {@code CpuMarchingCubes} does:
 * one vertex per edge id, numbered in order of first use, at {@link SurfaceLattice#position}, normals
 * by {@link Mesh#of}. The kernels emit triangles in the CPU's cell and table order, so the mesh is
 * the CPU's, array for array; the contract is only {@code CanonicalTriangles.same}.
 */
final class EdgeIdSurface {

  /** Cells per chunk: 2^26 cells, 262,144 blocks (1 MiB of block sums); 256^3 is one chunk. */
  static final long CHUNK_CELLS = 1L << 26;

  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private EdgeIdSurface() {}

  static Mesh extract(GridSpec spec, MarchingCubesPasses passes, long chunkCells) {
    long cells = (spec.nx() + 1L) * (spec.ny() + 1L) * (spec.nz() + 1L);
    Builder mesh = new Builder(spec);
    for (long first = 0; first < cells; first += chunkCells) {
      int count = (int) Math.min(chunkCells, cells - first);
      int[] sums = passes.count(first, count);
      long[] offsets = new long[sums.length];
      long total = 0;
      for (int b = 0; b < sums.length; b++) {
        offsets[b] = total;
        total += sums[b];
      }
      if (total == 0) {
        continue;
      }
      if (3 * (total + mesh.triangleCount()) > MAX_ARRAY) {
        throw new IllegalArgumentException("the surface of a " + spec.nx() + "x" + spec.ny() + "x" + spec.nz()
            + " grid has more triangles than one mesh can index");
      }
      mesh.add(passes.emit(first, count, offsets, (int) total));
    }
    return mesh.build();
  }

  /** Vertices by edge id in order of first use (open addressing), triangles as vertex indices. */
  static final class Builder {
    private final GridSpec spec;
    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private long[] order = new long[1 << 10];
    private int size;
    private int[] triangles = new int[1 << 12];
    private int corners;

    Builder(GridSpec spec) {
      this.spec = spec;
      Arrays.fill(keys, -1);
    }

    int triangleCount() {
      return corners / 3;
    }

    void add(long[] edgeIds) {
      if (corners + edgeIds.length > triangles.length) {
        triangles = Arrays.copyOf(triangles, Math.max(2 * triangles.length, corners + edgeIds.length));
      }
      for (long id : edgeIds) {
        triangles[corners++] = indexOf(id);
      }
    }

    Mesh build() {
      long[] ids = Arrays.copyOf(order, size);
      float[] positions = new float[3 * size];
      for (int v = 0; v < size; v++) {
        SurfaceLattice.position(spec, ids[v], positions, 3 * v);
      }
      return Mesh.of(positions, Arrays.copyOf(triangles, corners), ids);
    }

    private int indexOf(long id) {
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
}
