package io.patent2tech.connectors.reconstruct.cuda;

import io.patent2tech.udfs.reconstruct.Carver;
import io.patent2tech.udfs.reconstruct.GridSpec;
import io.patent2tech.udfs.reconstruct.RegisteredViews;
import io.patent2tech.udfs.reconstruct.VoxelGrid;

/**
 * The GPU {@link Carver}: kernel {@code p2t_carve} applies {@code CarveRule} to every voxel, one
 * thread per 64-bit word of the {@link VoxelGrid} packing, and the words come back as they are, so
 * the grid is {@code CpuCarver}'s bit for bit. Masks go up as bytes, one descriptor of six ints per
 * view ({@link CudaKernels#views}). Device memory lives for one call. See {@link CudaDevice} for the
 * context and thread rules; {@link #close} releases the module and the context reference.
 */
public final class CudaCarver implements Carver, AutoCloseable {

  private final CudaDevice device;

  private CudaCarver(CudaDevice device) {
    this.device = device;
  }

  /** Opens device {@code ordinal}; fails with the driver's error when it cannot. */
  public static CudaCarver open(int ordinal) {
    return new CudaCarver(new CudaDevice(ordinal));
  }

  /** {@code cuda:<device name>}. */
  public String device() {
    return device.description();
  }

  @Override
  public synchronized VoxelGrid carve(RegisteredViews views, GridSpec spec) {
    CudaKernels.ViewBuffers buffers = CudaKernels.views(views);
    int wordCount = VoxelGrid.wordCount(spec);
    long[] words = new long[wordCount];
    device.makeCurrent();
    try (CudaDevice.Buffer masks = device.upload(buffers.masks());
        CudaDevice.Buffer descriptors = device.upload(buffers.descriptors());
        CudaDevice.Buffer out = device.alloc(8L * wordCount)) {
      int blocks = (int) ((wordCount + (long) CudaKernels.BLOCK - 1) / CudaKernels.BLOCK);
      device.launch(CudaKernels.CARVE, blocks, masks, descriptors, buffers.viewCount(), spec.nx(), spec.ny(), spec.nz(),
          spec.voxelCount(), wordCount, out);
      out.download(words);
    }
    return VoxelGrid.ofWords(spec, words);
  }

  @Override
  public synchronized void close() {
    device.close();
  }

  @Override
  public String toString() {
    return "CudaCarver[" + device() + "]";
  }
}
