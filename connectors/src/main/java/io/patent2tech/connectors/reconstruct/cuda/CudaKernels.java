package io.patent2tech.connectors.reconstruct.cuda;

import io.patent2tech.udfs.reconstruct.Axis;
import io.patent2tech.udfs.reconstruct.CarveRule;
import io.patent2tech.udfs.reconstruct.MarchingCubesTable;
import io.patent2tech.udfs.reconstruct.RegisteredViews;
import io.patent2tech.udfs.reconstruct.Silhouette;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
      MC_EMIT, List.of(64, 32, 32, 32, 64, 32, 64, 32, 64, 64));

  /** Threads per block of every kernel; P2T_MC_BLOCK and the kernels' __launch_bounds__ in reconstruct.cu. */
  public static final int BLOCK = 256;

  /** Ints per view descriptor (P2T_VIEW_INTS): column axis, row axis, mirrored (bit 0 columns, bit 1 rows), width, height, mask offset. */
  public static final int VIEW_INTS = 6;

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
}
