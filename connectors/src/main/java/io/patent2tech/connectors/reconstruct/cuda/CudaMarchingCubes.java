package io.patent2tech.connectors.reconstruct.cuda;

import io.patent2tech.udfs.reconstruct.Mesh;
import io.patent2tech.udfs.reconstruct.SurfaceExtractor;
import io.patent2tech.udfs.reconstruct.VoxelGrid;
import java.util.List;

/**
 * The GPU {@link SurfaceExtractor}: the same padded lattice, table and edge ids as
 * {@code CpuMarchingCubes}. Per chunk of cells, {@code p2t_mc_count} sums each block's triangles,
 * the host scans the block sums ({@link EdgeIdSurface}), and {@code p2t_mc_emit} writes every
 * triangle as three lattice edge ids at its offset; the host then numbers vertices by edge id and
 * computes positions and normals with the CPU path's own code. The voxel words and the table
 * ({@link CudaKernels#table}) are uploaded once per call. {@link #extractAll} runs each pass once
 * over a batch of whole grids ({@code p2t_mc_count_batch}, {@code p2t_mc_emit_batch}). Runs on a
 * {@link CudaDevice} it does not own: see there for the context and thread rules.
 */
public final class CudaMarchingCubes implements SurfaceExtractor {

  private final CudaDevice device;
  private final int[] table = CudaKernels.table();

  private CudaMarchingCubes(CudaDevice device) {
    this.device = device;
  }

  /** Marching cubes on {@code device}, which its opener closes. */
  public static CudaMarchingCubes on(CudaDevice device) {
    return new CudaMarchingCubes(device);
  }

  /** {@code cuda:<device name>}. */
  public String device() {
    return device.description();
  }

  @Override
  public Mesh extract(VoxelGrid grid) {
    synchronized (device) {
      device.makeCurrent();
      try (CudaDevice.Buffer words = device.upload(grid.words());
          CudaDevice.Buffer tableBuffer = device.upload(table)) {
        return EdgeIdSurface.extract(grid.spec(), new Passes(grid, words, tableBuffer), EdgeIdSurface.CHUNK_CELLS);
      }
    }
  }

  /** Each mesh is what {@link #extract} gives for its grid; grids up to {@link EdgeIdSurface#BATCH_CELLS} cells go in batches. */
  @Override
  public List<Mesh> extractAll(List<VoxelGrid> grids) {
    synchronized (device) {
      device.makeCurrent();
      try (CudaDevice.Buffer tableBuffer = device.upload(table)) {
        return EdgeIdSurface.extractAll(grids, batch -> new Batch(batch, tableBuffer), this::extract,
            EdgeIdSurface.BATCH_CELLS);
      }
    }
  }

  /** The kernels over one uploaded grid. */
  private final class Passes implements MarchingCubesPasses {
    private final VoxelGrid grid;
    private final CudaDevice.Buffer words;
    private final CudaDevice.Buffer tableBuffer;

    Passes(VoxelGrid grid, CudaDevice.Buffer words, CudaDevice.Buffer tableBuffer) {
      this.grid = grid;
      this.words = words;
      this.tableBuffer = tableBuffer;
    }

    @Override
    public int[] count(long firstCell, int cellCount) {
      int blocks = CudaKernels.blocks(cellCount);
      int[] sums = new int[blocks];
      try (CudaDevice.Buffer out = device.alloc(4L * blocks)) {
        device.launch(CudaKernels.MC_COUNT, blocks, words, grid.nx(), grid.ny(), grid.nz(), firstCell, cellCount, tableBuffer, out);
        out.download(sums);
      }
      return sums;
    }

    @Override
    public long[] emit(long firstCell, int cellCount, long[] blockOffsets, int triangles) {
      long[] ids = new long[3 * triangles];
      try (CudaDevice.Buffer offsets = device.upload(blockOffsets);
          CudaDevice.Buffer out = device.alloc(8L * ids.length)) {
        device.launch(CudaKernels.MC_EMIT, CudaKernels.blocks(cellCount), words, grid.nx(), grid.ny(), grid.nz(),
            firstCell, cellCount, tableBuffer, CudaKernels.tableStride(), offsets, out);
        out.download(ids);
      }
      return ids;
    }
  }

  /** The batched kernels over one batch's grids, their words and items uploaded once for both passes. */
  private final class Batch implements MarchingCubesBatchPasses.Loaded {
    private final CudaKernels.MarchingCubesBatch batch;
    private final CudaDevice.Buffer tableBuffer;
    private final CudaDevice.Buffer words;
    private final CudaDevice.Buffer items;

    Batch(CudaKernels.MarchingCubesBatch batch, CudaDevice.Buffer tableBuffer) {
      this.batch = batch;
      this.tableBuffer = tableBuffer;
      this.words = device.upload(batch.words());
      CudaDevice.Buffer uploaded;
      try {
        uploaded = device.upload(batch.items());
      } catch (RuntimeException e) {
        words.close();
        throw e;
      }
      this.items = uploaded;
    }

    @Override
    public int[] count() {
      int[] sums = new int[batch.totalBlocks()];
      try (CudaDevice.Buffer out = device.alloc(4L * sums.length)) {
        device.launchBatch(CudaKernels.MC_COUNT_BATCH, batch.blocksX(), batch.itemCount(), words, items, tableBuffer, out);
        out.download(sums);
      }
      return sums;
    }

    @Override
    public long[] emit(long[] blockOffsets, int triangles) {
      long[] ids = new long[3 * triangles];
      try (CudaDevice.Buffer offsets = device.upload(blockOffsets);
          CudaDevice.Buffer out = device.alloc(8L * ids.length)) {
        device.launchBatch(CudaKernels.MC_EMIT_BATCH, batch.blocksX(), batch.itemCount(), words, items, tableBuffer,
            CudaKernels.tableStride(), offsets, out);
        out.download(ids);
      }
      return ids;
    }

    @Override
    public void close() {
      try {
        words.close();
      } finally {
        items.close();
      }
    }
  }

  @Override
  public String toString() {
    return "CudaMarchingCubes[" + device() + "]";
  }
}
