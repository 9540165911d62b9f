package io.patent2tech.connectors.reconstruct.cuda;

import io.patent2tech.udfs.reconstruct.Mesh;
import io.patent2tech.udfs.reconstruct.SurfaceExtractor;
import io.patent2tech.udfs.reconstruct.VoxelGrid;

/**
 * The GPU {@link SurfaceExtractor}: the same padded lattice, table and edge ids as
 * {@code CpuMarchingCubes}. Per chunk of cells, {@code p2t_mc_count} sums each block's triangles,
 * the host scans the block sums ({@link EdgeIdSurface}), and {@code p2t_mc_emit} writes every
 * triangle as three lattice edge ids at its offset; the host then numbers vertices by edge id and
 * computes positions and normals with the CPU path's own code. The voxel words and the table
 * ({@link CudaKernels#table}) are uploaded once per call. See {@link CudaDevice} for the context and
 * thread rules; {@link #close} releases the module and the context reference.
 */
public final class CudaMarchingCubes implements SurfaceExtractor, AutoCloseable {

  private final CudaDevice device;
  private final int[] table = CudaKernels.table();

  private CudaMarchingCubes(CudaDevice device) {
    this.device = device;
  }

  /** Opens device {@code ordinal}; fails with the driver's error when it cannot. */
  public static CudaMarchingCubes open(int ordinal) {
    return new CudaMarchingCubes(new CudaDevice(ordinal));
  }

  /** {@code cuda:<device name>}. */
  public String device() {
    return device.description();
  }

  @Override
  public synchronized Mesh extract(VoxelGrid grid) {
    device.makeCurrent();
    try (CudaDevice.Buffer words = device.upload(grid.words());
        CudaDevice.Buffer tableBuffer = device.upload(table)) {
      return EdgeIdSurface.extract(grid.spec(), new Passes(grid, words, tableBuffer), EdgeIdSurface.CHUNK_CELLS);
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
      int blocks = blocks(cellCount);
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
        device.launch(CudaKernels.MC_EMIT, blocks(cellCount), words, grid.nx(), grid.ny(), grid.nz(), firstCell, cellCount,
            tableBuffer, CudaKernels.tableStride(), offsets, out);
        out.download(ids);
      }
      return ids;
    }

    private int blocks(int cellCount) {
      return (int) ((cellCount + (long) CudaKernels.BLOCK - 1) / CudaKernels.BLOCK);
    }
  }

  @Override
  public synchronized void close() {
    device.close();
  }

  @Override
  public String toString() {
    return "CudaMarchingCubes[" + device() + "]";
  }
}
