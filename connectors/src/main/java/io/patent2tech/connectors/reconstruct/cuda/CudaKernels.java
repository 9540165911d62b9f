package io.patent2tech.connectors.reconstruct.cuda;

import io.patent2tech.udfs.reconstruct.Axis;
import io.patent2tech.udfs.reconstruct.CarveRule;
import io.patent2tech.udfs.reconstruct.GridSpec;
import io.patent2tech.udfs.reconstruct.MarchingCubesTable;
import io.patent2tech.udfs.reconstruct.RegisteredViews;
import io.patent2tech.udfs.reconstruct.Silhouette;
import io.patent2tech.udfs.reconstruct.VoxelGrid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the Java side and {@code connectors/src/main/cuda/reconstruct.cu} agree on: the PTX resource,
 * the entry names, the block size of the marching cubes kernels, and the layouts of the buffers
 * Java uploads (the marching cubes table, the view descriptors and masks). Pure Java: nothing here
 * touches JCuda, so the layouts are tested on machines without a GPU.
 */
public final class CudaKernels {

  /** The PTX scripts/make-ptx generates, on the classpath. */
  public static final String PTX_RESOURCE = "/io/patent2tech/cuda/reconstruct.ptx";

  /** One thread per 64-bit voxel word. */
  public static final String CARVE = "p2t_carve";
  /** Marching cubes pass 1: triangles per block of cells. */
  public static final String MC_COUNT = "p2t_mc_count";
  /** Marching cubes pass 2: triangles as edge-id triples at the scanned offsets. */
  public static final String MC_EMIT = "p2t_mc_emit";
  /** {@link #CARVE} over several grids in one launch, the item in the launch grid's y dimension. */
  public static final String CARVE_BATCH = "p2t_carve_batch";
  /** {@link #MC_COUNT} over the whole lattices of several grids in one launch. */
  public static final String MC_COUNT_BATCH = "p2t_mc_count_batch";
  /** {@link #MC_EMIT} over the whole lattices of several grids in one launch. */
  public static final String MC_EMIT_BATCH = "p2t_mc_emit_batch";

  /**
   * Each entry's parameters as the bit widths of their PTX types, in order: 64 for a device pointer
   * or a {@code long long} (Java long), 32 for an {@code int}. {@link #checkArguments} holds every
   * launch to it and PtxResourceTest holds the PTX's {@code .param} lists to it.
   */
  public static final Map<String, List<Integer>> PARAM_BITS = Map.of(
      // masks, views, viewCount, nx, ny, nz, voxelCount, wordCount, words
      CARVE, List.of(64, 64, 32, 32, 32, 32, 64, 32, 64),
      // words, nx, ny, nz, firstCell, cellCount, table, blockSums
      MC_COUNT, List.of(64, 32, 32, 32, 64, 32, 64, 64),
      // words, nx, ny, nz, firstCell, cellCount, table, stride, blockOffsets, edgeIds
      MC_EMIT, List.of(64, 32, 32, 32, 64, 32, 64, 32, 64, 64),
      // masks, views, items, words
      CARVE_BATCH, List.of(64, 64, 64, 64),
      // words, items, table, blockSums
      MC_COUNT_BATCH, List.of(64, 64, 64, 64),
      // words, items, table, stride, blockOffsets, edgeIds
      MC_EMIT_BATCH, List.of(64, 64, 64, 32, 64, 64));

  /** Threads per block of every kernel; P2T_MC_BLOCK and the kernels' __launch_bounds__ in reconstruct.cu. */
  public static final int BLOCK = 256;

  /** Ints per view descriptor (P2T_VIEW_INTS): column axis, row axis, mirrored (bit 0 columns, bit 1 rows), width, height, mask offset. */
  public static final int VIEW_INTS = 6;

  /**
   * Ints per item of {@link #CARVE_BATCH} (P2T_CARVE_ITEM_INTS): first view, view count, nx, ny, nz,
   * offset of the item's words in the batch's word buffer.
   */
  public static final int CARVE_ITEM_INTS = 6;

  /**
   * Ints per item of {@link #MC_COUNT_BATCH} and {@link #MC_EMIT_BATCH} (P2T_MC_ITEM_INTS): nx, ny,
   * nz, offset of the item's words, its cell count, the index of its first block in the batch's
   * block sums and offsets.
   */
  public static final int MC_ITEM_INTS = 6;

  /**
   * The most items of one batched launch: the launch grid's y dimension, which CUDA allows up to
   * 65,535; far more than the figure sets of any patent.
   */
  public static final int MAX_BATCH_ITEMS = 65_535;

  /** Offsets in {@link #table()} (P2T_TABLE_*): triangle counts, edge start corners, triangle rows. */
  public static final int TABLE_COUNTS = 0;
  public static final int TABLE_EDGE_STARTS = 256;
  public static final int TABLE_TRIANGLES = 268;

  private CudaKernels() {}

  /**
   * Fails unless {@code args} match {@code entry}'s {@link #PARAM_BITS}: an {@link Integer} for each
   * 32-bit parameter, a {@link Long} or a device buffer (any other object) for each 64-bit one.
   */
  public static void checkArguments(String entry, Object... args) {
    List<Integer> bits = PARAM_BITS.get(entry);
    if (bits == null) {
      throw new IllegalArgumentException("no kernel " + entry);
    }
    if (bits.size() != args.length) {
      throw new IllegalArgumentException(entry + " takes " + bits.size() + " arguments, got " + args.length);
    }
    for (int a = 0; a < args.length; a++) {
      boolean is32 = args[a] instanceof Integer;
      boolean ok = bits.get(a) == 32 ? is32 : !is32 && args[a] != null;
      if (!ok) {
        throw new IllegalArgumentException(entry + " argument " + a + " must be " + bits.get(a) + "-bit, got "
            + (args[a] == null ? "null" : args[a].getClass().getSimpleName()));
      }
    }
  }

  /** The PTX text, NUL-terminated as cuModuleLoadData expects. */
  public static byte[] ptx() {
    try (InputStream in = CudaKernels.class.getResourceAsStream(PTX_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(PTX_RESOURCE + " is not on the classpath (scripts/make-ptx generates it)");
      }
      byte[] text = in.readAllBytes();
      return Arrays.copyOf(text, text.length + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + PTX_RESOURCE, e);
    }
  }

  /** Ints per row of triangles in {@link #table()}: {@link MarchingCubesTable#flattened()}'s stride. */
  public static int tableStride() {
    return 3 * MarchingCubesTable.MAX_TRIANGLES_PER_CASE + 1;
  }

  /**
   * The marching cubes table as the kernels read it: 256 triangle counts, then the start corner of
   * each of the 12 cell edges ({@link MarchingCubesTable#edgeStart}), then
   * {@link MarchingCubesTable#flattened()} (256 rows of {@link #tableStride()} edge indices).
   */
  public static int[] table() {
    int[] flat = MarchingCubesTable.flattened();
    int[] table = new int[TABLE_TRIANGLES + flat.length];
    for (int c = 0; c < 256; c++) {
      table[TABLE_COUNTS + c] = MarchingCubesTable.triangles(c).length / 3;
    }
    for (int e = 0; e < 12; e++) {
      table[TABLE_EDGE_STARTS + e] = MarchingCubesTable.edgeStart(e);
    }
    System.arraycopy(flat, 0, table, TABLE_TRIANGLES, flat.length);
    return table;
  }

  /** The silhouettes of a carve as the carve kernel reads them. */
  public record ViewBuffers(int[] descriptors, byte[] masks, int viewCount) {}

  /**
   * One descriptor of {@link #VIEW_INTS} ints per silhouette ({column axis, row axis, mirrored (bit 0 columns, bit 1 rows),
   * width, height, offset of its mask in {@code masks}}) and the masks back to back, row-major.
   */
  public static ViewBuffers views(RegisteredViews views) {
    CarveRule.requireRepresentable(views);
    List<Silhouette> silhouettes = views.silhouettes();
    long total = 0;
    for (Silhouette s : silhouettes) {
      total += (long) s.width() * s.height();
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("silhouettes of " + total + " pixels in all do not fit one mask buffer");
    }
    int[] descriptors = new int[VIEW_INTS * silhouettes.size()];
    byte[] masks = new byte[(int) total];
    int offset = 0;
    for (int v = 0; v < silhouettes.size(); v++) {
      Silhouette s = silhouettes.get(v);
      Axis column = s.view().columnAxis();
      Axis row = s.view().rowAxis();
      int d = VIEW_INTS * v;
      descriptors[d] = column.ordinal();
      descriptors[d + 1] = row.ordinal();
      descriptors[d + 2] = (s.view().mirrored() ? 1 : 0) | (s.view().rowsMirrored() ? 2 : 0);
      descriptors[d + 3] = s.width();
      descriptors[d + 4] = s.height();
      descriptors[d + 5] = offset;
      byte[] mask = s.mask();
      System.arraycopy(mask, 0, masks, offset, mask.length);
      offset += mask.length;
    }
    return new ViewBuffers(descriptors, masks, silhouettes.size());
  }

  /**
   * The silhouettes and grids of a batched carve as {@link #CARVE_BATCH} reads them: all views'
   * descriptors and masks back to back (mask offsets into the one mask buffer), one item of
   * {@link #CARVE_ITEM_INTS} ints per grid, and where each grid's words start in the word buffer.
   *
   * @param wordOffsets item {@code i}'s words are {@code wordOffsets[i] .. wordOffsets[i + 1] - 1};
   *     the last entry is the total
   * @param blocksX the launch grid's x dimension: blocks of the largest item
   */
  public record CarveBatch(int[] descriptors, byte[] masks, int[] items, int[] wordOffsets, int blocksX) {

    public int itemCount() {
      return items.length / CARVE_ITEM_INTS;
    }

    public int totalWords() {
      return wordOffsets[wordOffsets.length - 1];
    }
  }

  /** {@link CarveBatch} of {@code views.get(i)} carved into {@code specs.get(i)}. */
  public static CarveBatch carveBatch(List<RegisteredViews> views, List<GridSpec> specs) {
    int n = views.size();
    if (n != specs.size() || n == 0 || n > MAX_BATCH_ITEMS) {
      throw new IllegalArgumentException("a batch takes 1.." + MAX_BATCH_ITEMS + " items with a grid each, got "
          + n + " views and " + specs.size() + " grids");
    }
    List<ViewBuffers> each = new ArrayList<>(n);
    long pixels = 0;
    int viewTotal = 0;
    for (RegisteredViews v : views) {
      ViewBuffers b = views(v);
      each.add(b);
      pixels += b.masks().length;
      viewTotal += b.viewCount();
    }
    if (pixels > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("silhouettes of " + pixels + " pixels in all do not fit one mask buffer");
    }
    int[] descriptors = new int[VIEW_INTS * viewTotal];
    byte[] masks = new byte[(int) pixels];
    int[] items = new int[CARVE_ITEM_INTS * n];
    int[] wordOffsets = new int[n + 1];
    int maskOffset = 0;
    int view = 0;
    long words = 0;
    long maxWords = 0;
    for (int i = 0; i < n; i++) {
      ViewBuffers b = each.get(i);
      for (int v = 0; v < b.viewCount(); v++) {
        int d = VIEW_INTS * (view + v);
        System.arraycopy(b.descriptors(), VIEW_INTS * v, descriptors, d, VIEW_INTS);
        descriptors[d + 5] += maskOffset; // the item's own offset, moved into the batch's buffer
      }
      System.arraycopy(b.masks(), 0, masks, maskOffset, b.masks().length);
      GridSpec spec = specs.get(i);
      int it = CARVE_ITEM_INTS * i;
      items[it] = view;
      items[it + 1] = b.viewCount();
      items[it + 2] = spec.nx();
      items[it + 3] = spec.ny();
      items[it + 4] = spec.nz();
      items[it + 5] = (int) words;
      int itemWords = VoxelGrid.wordCount(spec);
      maxWords = Math.max(maxWords, itemWords);
      words += itemWords;
      if (words > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("a batch of " + words + " voxel words does not fit one buffer");
      }
      wordOffsets[i + 1] = (int) words;
      maskOffset += b.masks().length;
      view += b.viewCount();
    }
    return new CarveBatch(descriptors, masks, items, wordOffsets, blocks(maxWords));
  }

  /**
   * The grids of a batched marching cubes as {@link #MC_COUNT_BATCH} and {@link #MC_EMIT_BATCH} read
   * them: every grid's words back to back, one item of {@link #MC_ITEM_INTS} ints per grid.
   *
   * @param firstBlocks item {@code i}'s blocks are {@code firstBlocks[i] .. firstBlocks[i + 1] - 1}
   *     of the batch's block sums; the last entry is the total
   * @param blocksX the launch grid's x dimension: blocks of the largest item
   */
  public record MarchingCubesBatch(long[] words, int[] items, int[] firstBlocks, int blocksX) {

    public int itemCount() {
      return items.length / MC_ITEM_INTS;
    }

    public int totalBlocks() {
      return firstBlocks[firstBlocks.length - 1];
    }
  }

  /** Cells of {@code spec}'s padded lattice: (nx + 1)(ny + 1)(nz + 1). */
  public static long cells(GridSpec spec) {
    return (spec.nx() + 1L) * (spec.ny() + 1L) * (spec.nz() + 1L);
  }

  /**
   * {@link MarchingCubesBatch} of {@code grids}, each grid's whole lattice as one item; a grid of
   * more than {@link Integer#MAX_VALUE} cells cannot be an item (EdgeIdSurface sends it alone, in
   * chunks).
   */
  public static MarchingCubesBatch marchingCubesBatch(List<VoxelGrid> grids) {
    int n = grids.size();
    if (n == 0 || n > MAX_BATCH_ITEMS) {
      throw new IllegalArgumentException("a batch takes 1.." + MAX_BATCH_ITEMS + " grids, got " + n);
    }
    long totalWords = 0;
    for (VoxelGrid g : grids) {
      totalWords += VoxelGrid.wordCount(g.spec());
    }
    if (totalWords > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("a batch of " + totalWords + " voxel words does not fit one buffer");
    }
    long[] words = new long[(int) totalWords];
    int[] items = new int[MC_ITEM_INTS * n];
    int[] firstBlocks = new int[n + 1];
    int wordOffset = 0;
    long blocks = 0;
    long maxBlocks = 0;
    for (int i = 0; i < n; i++) {
      VoxelGrid g = grids.get(i);
      long cells = cells(g.spec());
      if (cells > Integer.MAX_VALUE - BLOCK) {
        throw new IllegalArgumentException("a grid of " + cells + " cells cannot be one item of a batch");
      }
      long[] w = g.words();
      System.arraycopy(w, 0, words, wordOffset, w.length);
      int it = MC_ITEM_INTS * i;
      items[it] = g.nx();
      items[it + 1] = g.ny();
      items[it + 2] = g.nz();
      items[it + 3] = wordOffset;
      items[it + 4] = (int) cells;
      items[it + 5] = (int) blocks;
      int itemBlocks = blocks(cells);
      maxBlocks = Math.max(maxBlocks, itemBlocks);
      blocks += itemBlocks;
      if (blocks > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("a batch of " + blocks + " blocks does not fit one launch");
      }
      firstBlocks[i + 1] = (int) blocks;
      wordOffset += w.length;
    }
    return new MarchingCubesBatch(words, items, firstBlocks, (int) maxBlocks);
  }

  /** Blocks of {@link #BLOCK} threads for {@code threads} threads. */
  public static int blocks(long threads) {
    long blocks = (threads + BLOCK - 1) / BLOCK;
    if (blocks > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(threads + " threads need more than 2^31 blocks");
    }
    return (int) blocks;
  }
}
