package io.patent2tech.connectors.reconstruct.cuda;

/**
 * A line-by-line Java port of connectors/src/main/cuda/reconstruct.cu, run sequentially block by
 * block, so the host code (buffer layouts, block sums, offsets, mesh assembly) and the kernels'
 * algorithm are tested on machines without a GPU. It shows the kernels' logic is right, not that
 * the PTX executes it: CudaEquivalenceTest does that on a GPU. Keep it in step with the .cu file.
 */
final class ReconstructCuPort {

  private ReconstructCuPort() {}

  // ---- p2t_carve, for every thread w < wordCount

  static long[] carve(byte[] masks, int[] views, int viewCount, int nx, int ny, int nz, long voxelCount,
      int wordCount) {
    long[] words = new long[wordCount];
    for (long w = 0; w < wordCount; w++) {
      words[(int) w] = carveWord(masks, views, 0, viewCount, nx, ny, nz, voxelCount, w);
    }
    return words;
  }

  // ---- p2t_carve_batch, for every block (x, item) of the launch grid and every thread of it

  static long[] carveBatch(byte[] masks, int[] views, int[] items, int blocksX, int itemCount, int totalWords) {
    long[] words = new long[totalWords];
    for (int blockY = 0; blockY < itemCount; blockY++) {
      int item = CudaKernels.CARVE_ITEM_INTS * blockY;
      int nx = items[item + 2];
      int ny = items[item + 3];
      int nz = items[item + 4];
      long voxelCount = (long) nx * ny * nz;
      long wordCount = (voxelCount + 63) / 64;
      for (int blockX = 0; blockX < blocksX; blockX++) {
        for (int t = 0; t < CudaKernels.BLOCK; t++) {
          long w = (long) blockX * CudaKernels.BLOCK + t;
          if (w >= wordCount) {
            continue; // return
          }
          words[(int) ((long) items[item + 5] + w)] = carveWord(masks, views, CudaKernels.VIEW_INTS * items[item],
              items[item + 1], nx, ny, nz, voxelCount, w);
        }
      }
    }
    return words;
  }

  /** p2t_carve_word; {@code viewBase} is the index the kernel's {@code views} pointer starts at. */
  private static long carveWord(byte[] masks, int[] views, int viewBase, int viewCount, int nx, int ny, int nz,
      long voxelCount, long w) {
    {
      long first = w * 64;
      int x = (int) (first % nx);
      long yz = first / nx;
      int y = (int) (yz % ny);
      int z = (int) (yz / ny);
      long remaining = voxelCount - first;
      int bitsInWord = remaining < 64 ? (int) remaining : 64;
      long bits = 0;
      for (int b = 0; b < bitsInWord; b++) {
        boolean keep = true;
        for (int v = 0; v < viewCount && keep; v++) {
          int d = viewBase + CudaKernels.VIEW_INTS * v;
          int colAxis = views[d];
          int rowAxis = views[d + 1];
          int mirrored = views[d + 2];
          int width = views[d + 3];
          int height = views[d + 4];
          int offset = views[d + 5];
          int nCol = colAxis == 0 ? nx : (colAxis == 1 ? ny : nz);
          int nRow = rowAxis == 0 ? nx : (rowAxis == 1 ? ny : nz);
          int pc = pixel(along(colAxis, x, y, z), nCol, width);
          int column = (mirrored & 1) != 0 ? width - 1 - pc : pc;
          int pr = pixel(along(rowAxis, x, y, z), nRow, height);
          int row = (mirrored & 2) != 0 ? pr : height - 1 - pr;
          keep = masks[(int) ((long) offset + (long) row * width + column)] != 0;
        }
        if (keep) {
          bits |= 1L << b;
        }
        if (++x == nx) {
          x = 0;
          if (++y == ny) {
            y = 0;
            ++z;
          }
        }
      }
      return bits;
    }
  }

  private static int pixel(int voxel, int voxels, int pixels) {
    return ((2 * voxel + 1) * pixels) / (2 * voxels);
  }

  private static int along(int axis, int x, int y, int z) {
    return axis == 0 ? x : (axis == 1 ? y : z);
  }

  // ---- p2t_mc_count_batch and p2t_mc_emit_batch: every block (x, item) of the launch grid

  static final class BatchPasses implements MarchingCubesBatchPasses {
    @Override
    public Loaded load(CudaKernels.MarchingCubesBatch batch) {
      long[] words = batch.words();
      int[] items = batch.items();
      return new Loaded() {
        @Override
        public int[] count() {
          int[] blockSums = new int[batch.totalBlocks()];
          for (int blockY = 0; blockY < batch.itemCount(); blockY++) {
            int item = CudaKernels.MC_ITEM_INTS * blockY;
            int cellCount = items[item + 4];
            Passes passes = new Passes(words, items[item + 3], items[item], items[item + 1], items[item + 2]);
            for (int block = 0; block < batch.blocksX(); block++) {
              if ((long) block * CudaKernels.BLOCK >= cellCount) {
                continue; // the whole block returns
              }
              blockSums[items[item + 5] + block] = passes.countBlock(0, cellCount, block);
            }
          }
          return blockSums;
        }

        @Override
        public long[] emit(long[] blockOffsets, int triangles) {
          long[] edgeIds = new long[3 * triangles];
          for (int blockY = 0; blockY < batch.itemCount(); blockY++) {
            int item = CudaKernels.MC_ITEM_INTS * blockY;
            int cellCount = items[item + 4];
            Passes passes = new Passes(words, items[item + 3], items[item], items[item + 1], items[item + 2]);
            for (int block = 0; block < batch.blocksX(); block++) {
              if ((long) block * CudaKernels.BLOCK >= cellCount) {
                continue;
              }
              passes.emitBlock(0, cellCount, block, blockOffsets[items[item + 5] + block], edgeIds);
            }
          }
          return edgeIds;
        }

        @Override
        public void close() {}
      };
    }
  }

  // ---- p2t_mc_count and p2t_mc_emit over one grid (p2t_count_block, p2t_emit_block)

  static final class Passes implements MarchingCubesPasses {
    private final long[] words;
    private final int wordOffset;
    private final int nx;
    private final int ny;
    private final int nz;
    private final int[] table = CudaKernels.table();
    private final int stride = CudaKernels.tableStride();

    Passes(long[] words, int nx, int ny, int nz) {
      this(words, 0, nx, ny, nz);
    }

    /** The grid whose words start at {@code words[wordOffset]}: the kernels' {@code words + offset}. */
    Passes(long[] words, int wordOffset, int nx, int ny, int nz) {
      this.words = words;
      this.wordOffset = wordOffset;
      this.nx = nx;
      this.ny = ny;
      this.nz = nz;
    }

    @Override
    public int[] count(long firstCell, int cellCount) {
      int blocks = (cellCount + CudaKernels.BLOCK - 1) / CudaKernels.BLOCK;
      int[] blockSums = new int[blocks];
      for (int block = 0; block < blocks; block++) {
        blockSums[block] = countBlock(firstCell, cellCount, block);
      }
      return blockSums;
    }

    @Override
    public long[] emit(long firstCell, int cellCount, long[] blockOffsets, int triangles) {
      long[] edgeIds = new long[3 * triangles];
      int blocks = (cellCount + CudaKernels.BLOCK - 1) / CudaKernels.BLOCK;
      for (int block = 0; block < blocks; block++) {
        emitBlock(firstCell, cellCount, block, blockOffsets[block], edgeIds);
      }
      return edgeIds;
    }

    /** p2t_count_block: the block's triangles (the tree reduction's result; the sum is the same). */
    int countBlock(long firstCell, int cellCount, int block) {
      int sum = 0;
      for (int t = 0; t < CudaKernels.BLOCK; t++) {
        sum += cellTriangles(firstCell, cellCount, block * CudaKernels.BLOCK + t, new int[4]);
      }
      return sum;
    }

    /** p2t_emit_block: the block's triangles from triangle {@code blockOffset} on. */
    void emitBlock(long firstCell, int cellCount, int block, long blockOffset, long[] edgeIds) {
      {
        int[] n = new int[CudaKernels.BLOCK];
        int[][] cell = new int[CudaKernels.BLOCK][4];
        int[] s = new int[CudaKernels.BLOCK];
        for (int t = 0; t < CudaKernels.BLOCK; t++) {
          n[t] = cellTriangles(firstCell, cellCount, block * CudaKernels.BLOCK + t, cell[t]);
          s[t] = n[t];
        }
        // Hillis-Steele inclusive scan, each step reading before any thread writes
        for (int off = 1; off < CudaKernels.BLOCK; off <<= 1) {
          int[] add = new int[CudaKernels.BLOCK];
          for (int t = 0; t < CudaKernels.BLOCK; t++) {
            add[t] = t >= off ? s[t - off] : 0;
          }
          for (int t = 0; t < CudaKernels.BLOCK; t++) {
            s[t] += add[t];
          }
        }
        for (int t = 0; t < CudaKernels.BLOCK; t++) {
          if (n[t] == 0) {
            continue;
          }
          long base = 3 * (blockOffset + (s[t] - n[t]));
          int cubeCase = cell[t][0];
          int row = CudaKernels.TABLE_TRIANGLES + cubeCase * stride;
          long px = (long) nx + 2;
          long py = (long) ny + 2;
          for (int e = 0; e < 3 * n[t]; e++) {
            int edge = table[row + e];
            int start = table[CudaKernels.TABLE_EDGE_STARTS + edge];
            long li = cell[t][1] + (start & 1);
            long lj = cell[t][2] + ((start >> 1) & 1);
            long lk = cell[t][3] + ((start >> 2) & 1);
            edgeIds[(int) (base + e)] = ((lk * py + lj) * px + li) * 3 + edge / 4;
          }
        }
      }
    }

    /** p2t_cell_triangles: fills {case, i, j, k}; 0 past the chunk. */
    private int cellTriangles(long firstCell, int cellCount, int local, int[] out) {
      out[0] = 0;
      if (local >= cellCount) {
        return 0;
      }
      long cell = firstCell + local;
      long cx = (long) nx + 1;
      long cy = (long) ny + 1;
      int i = (int) (cell % cx);
      long rest = cell / cx;
      int j = (int) (rest % cy);
      int k = (int) (rest / cy);
      int c = 0;
      for (int corner = 0; corner < 8; corner++) {
        int dx = corner & 1;
        int dy = (corner >> 1) & 1;
        int dz = (corner >> 2) & 1;
        c |= occupied(i + dx - 1, j + dy - 1, k + dz - 1) << corner;
      }
      out[0] = c;
      out[1] = i;
      out[2] = j;
      out[3] = k;
      return table[CudaKernels.TABLE_COUNTS + c];
    }

    private int occupied(int x, int y, int z) {
      if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) {
        return 0;
      }
      long i = x + (long) nx * (y + (long) ny * z);
      return (int) ((words[wordOffset + (int) (i >> 6)] >>> (i & 63)) & 1L);
    }
  }
}
