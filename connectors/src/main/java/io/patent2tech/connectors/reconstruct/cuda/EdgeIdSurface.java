package io.patent2tech.connectors.reconstruct.cuda;

import io.patent2tech.udfs.reconstruct.EdgeIdMesh;
import io.patent2tech.udfs.reconstruct.GridSpec;
import io.patent2tech.udfs.reconstruct.Mesh;
import io.patent2tech.udfs.reconstruct.VoxelGrid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The host half of the GPU marching cubes: drives {@link MarchingCubesPasses} chunk by chunk, turns
 * each chunk's block sums into offsets (the exclusive prefix sum runs here, over one int per 256
 * cells), and builds the {@link Mesh} from the edge ids with the CPU's own {@link EdgeIdMesh}:
 * one vertex per edge id, numbered in order of first use. The kernels emit triangles in the CPU's cell and table order, so the mesh is
 * the CPU's, array for array; the contract is only {@code CanonicalTriangles.same}. Batches of
 * grids ({@link #extractAll}) give each grid the mesh it gets alone.
 */
final class EdgeIdSurface {

  /** Cells per chunk: 2^26 cells, 262,144 blocks (1 MiB of block sums); 256^3 is one chunk. */
  static final long CHUNK_CELLS = 1L << 26;

  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private EdgeIdSurface() {}

  /**
   * Cells of one batched launch at most: as a chunk. A grid of more cells is extracted alone, in
   * chunks; smaller ones are packed into launches of up to this many cells, in order.
   */
  static final long BATCH_CELLS = CHUNK_CELLS;

  /**
   * The meshes of {@code grids}, mesh {@code i} of grid {@code i}, each array for array what
   * {@link #extract} gives for its grid alone: launches of whole grids through {@code batches},
   * the block sums of all items scanned into one run of offsets so that the items' triangles lie
   * back to back, item by item, and cut apart at the offset of each item's first block; a grid of
   * more than {@code batchCells} cells goes to {@code alone}.
   */
  static List<Mesh> extractAll(List<VoxelGrid> grids, MarchingCubesBatchPasses batches, Function<VoxelGrid, Mesh> alone,
      long batchCells) {
    List<Mesh> meshes = new ArrayList<>(Collections.nCopies(grids.size(), (Mesh) null));
    List<Integer> launch = new ArrayList<>();
    long launchCells = 0;
    for (int i = 0; i < grids.size(); i++) {
      long cells = CudaKernels.cells(grids.get(i).spec());
      if (cells > batchCells) {
        meshes.set(i, alone.apply(grids.get(i)));
        continue;
      }
      if (launchCells + cells > batchCells || launch.size() == CudaKernels.MAX_BATCH_ITEMS) {
        extractBatch(grids, launch, batches, meshes);
        launch.clear();
        launchCells = 0;
      }
      launch.add(i);
      launchCells += cells;
    }
    if (!launch.isEmpty()) {
      extractBatch(grids, launch, batches, meshes);
    }
    return meshes;
  }

  private static void extractBatch(List<VoxelGrid> grids, List<Integer> launch, MarchingCubesBatchPasses batches,
      List<Mesh> meshes) {
    CudaKernels.MarchingCubesBatch batch =
        CudaKernels.marchingCubesBatch(launch.stream().map(grids::get).toList());
    try (MarchingCubesBatchPasses.Loaded loaded = batches.load(batch)) {
      int[] sums = loaded.count();
      long[] offsets = new long[sums.length];
      long total = 0;
      for (int b = 0; b < sums.length; b++) {
        offsets[b] = total;
        total += sums[b];
      }
      if (3 * total > MAX_ARRAY) {
        throw new IllegalArgumentException("the surfaces of a batch of " + launch.size()
            + " grids have more triangles than one buffer can hold");
      }
      long[] ids = total == 0 ? new long[0] : loaded.emit(offsets, (int) total);
      int[] firstBlocks = batch.firstBlocks();
      for (int k = 0; k < launch.size(); k++) {
        long from = offsets[firstBlocks[k]];
        long to = k + 1 < launch.size() ? offsets[firstBlocks[k + 1]] : total;
        EdgeIdMesh mesh = new EdgeIdMesh(grids.get(launch.get(k)).spec());
        mesh.addAll(Arrays.copyOfRange(ids, (int) (3 * from), (int) (3 * to)));
        meshes.set(launch.get(k), mesh.build());
      }
    }
  }

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
