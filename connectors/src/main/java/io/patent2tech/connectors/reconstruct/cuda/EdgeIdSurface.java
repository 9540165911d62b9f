package io.patent2tech.connectors.reconstruct.cuda;

import io.patent2tech.udfs.reconstruct.EdgeIdMesh;
import io.patent2tech.udfs.reconstruct.GridSpec;
import io.patent2tech.udfs.reconstruct.Mesh;

/**
 * The host half of the GPU marching cubes: drives {@link MarchingCubesPasses} chunk by chunk, turns
 * each chunk's block sums into offsets (the exclusive prefix sum runs here, over one int per 256
 * cells), and builds the {@link Mesh} from the edge ids with the CPU's own {@link EdgeIdMesh}:
 * one vertex per edge id, numbered in order of first use. The kernels emit triangles in the CPU's cell and table order, so the mesh is
 * the CPU's, array for array; the contract is only {@code CanonicalTriangles.same}.
 */
final class EdgeIdSurface {

  /** Cells per chunk: 2^26 cells, 262,144 blocks (1 MiB of block sums); 256^3 is one chunk. */
  static final long CHUNK_CELLS = 1L << 26;

  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private EdgeIdSurface() {}

  static Mesh extract(GridSpec spec, MarchingCubesPasses passes, long chunkCells) {
    long cells = (spec.nx() + 1L) * (spec.ny() + 1L) * (spec.nz() + 1L);
    EdgeIdMesh mesh = new EdgeIdMesh(spec);
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
      mesh.addAll(passes.emit(first, count, offsets, (int) total));
    }
    return mesh.build();
  }
}
