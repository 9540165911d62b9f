package io.patent2tech.connectors.reconstruct.cuda;

import io.patent2tech.udfs.reconstruct.Carver;
import io.patent2tech.udfs.reconstruct.GridSpec;
import io.patent2tech.udfs.reconstruct.RegisteredViews;
import io.patent2tech.udfs.reconstruct.VoxelGrid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The GPU {@link Carver}: kernel {@code p2t_carve} applies {@code CarveRule} to every voxel, one
 * thread per 64-bit word of the {@link VoxelGrid} packing, and the words come back as they are, so
 * the grid is {@code CpuCarver}'s bit for bit. Masks go up as bytes, one descriptor of six ints per
 * view ({@link CudaKernels#views}). {@link #carveAll} carves a batch of grids of any sizes in one
 * launch of {@code p2t_carve_batch} ({@link CudaKernels#carveBatch}). Device memory lives for one
 * call. Runs on a {@link CudaDevice} it does not own: see there for the context and thread rules.
 */
public final class CudaCarver implements Carver {

  private final CudaDevice device;

  private CudaCarver(CudaDevice device) {
    this.device = device;
  }

  /** A carver on {@code device}, which its opener closes. */
  public static CudaCarver on(CudaDevice device) {
    return new CudaCarver(device);
  }

  /** {@code cuda:<device name>}. */
  @Override
  public String device() {
    return device.description();
  }

  @Override
  public VoxelGrid carve(RegisteredViews views, GridSpec spec) {
    CudaKernels.ViewBuffers buffers = CudaKernels.views(views);
    int wordCount = VoxelGrid.wordCount(spec);
    long[] words = new long[wordCount];
    synchronized (device) {
      device.makeCurrent();
      try (CudaDevice.Buffer masks = device.upload(buffers.masks());
          CudaDevice.Buffer descriptors = device.upload(buffers.descriptors());
          CudaDevice.Buffer out = device.alloc(8L * wordCount)) {
        device.launch(CudaKernels.CARVE, CudaKernels.blocks(wordCount), masks, descriptors, buffers.viewCount(),
            spec.nx(), spec.ny(), spec.nz(), spec.voxelCount(), wordCount, out);
        out.download(words);
      }
    }
    return VoxelGrid.ofWords(spec, words);
  }

  /** All items in one launch of {@code p2t_carve_batch}; each grid is what {@link #carve} gives for its item. */
  @Override
  public List<VoxelGrid> carveAll(List<Item> items) {
    if (items.isEmpty()) {
      return List.of();
    }
    CudaKernels.CarveBatch batch = CudaKernels.carveBatch(items.stream().map(Item::views).toList(),
        items.stream().map(Item::spec).toList());
    long[] words = new long[batch.totalWords()];
    synchronized (device) {
      device.makeCurrent();
      try (CudaDevice.Buffer masks = device.upload(batch.masks());
          CudaDevice.Buffer descriptors = device.upload(batch.descriptors());
          CudaDevice.Buffer itemBuffer = device.upload(batch.items());
          CudaDevice.Buffer out = device.alloc(8L * words.length)) {
        device.launchBatch(CudaKernels.CARVE_BATCH, batch.blocksX(), batch.itemCount(), masks, descriptors, itemBuffer, out);
        out.download(words);
      }
    }
    return split(items, batch, words);
  }

  /** The batch's word buffer cut into its items' grids. */
  static List<VoxelGrid> split(List<Item> items, CudaKernels.CarveBatch batch, long[] words) {
    List<VoxelGrid> grids = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      grids.add(VoxelGrid.ofWords(items.get(i).spec(),
          Arrays.copyOfRange(words, batch.wordOffsets()[i], batch.wordOffsets()[i + 1])));
    }
    return grids;
  }

  @Override
  public String toString() {
    return "CudaCarver[" + device() + "]";
  }
}
