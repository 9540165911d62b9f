package io.patent2tech.connectors.reconstruct.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.udfs.reconstruct.CanonicalTriangles;
import io.patent2tech.udfs.reconstruct.CpuCarver;
import io.patent2tech.udfs.reconstruct.CpuMarchingCubes;
import io.patent2tech.udfs.reconstruct.Extents;
import io.patent2tech.udfs.reconstruct.GridSpec;
import io.patent2tech.udfs.reconstruct.Mesh;
import io.patent2tech.udfs.reconstruct.RegisteredViews;
import io.patent2tech.udfs.reconstruct.VoxelGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import io.patent2tech.udfs.reconstruct.Carver;
import org.junit.jupiter.api.Test;

/**
 * The GPU path's host code and the kernels' algorithm, run everywhere: the buffers Java uploads
 * ({@link CudaKernels#views}, {@link CudaKernels#table}) fed to a Java port of reconstruct.cu, and
 * the results assembled by the same {@link EdgeIdSurface} the GPU path uses, equal the CPU
 * reference. Whether the PTX computes what the port computes needs a GPU (CudaEquivalenceTest).
 */
class KernelPortTest {

  private static VoxelGrid carveByPort(RegisteredViews views, GridSpec spec) {
    CudaKernels.ViewBuffers b = CudaKernels.views(views);
    long[] words = ReconstructCuPort.carve(b.masks(), b.descriptors(), b.viewCount(), spec.nx(), spec.ny(), spec.nz(),
        spec.voxelCount(), VoxelGrid.wordCount(spec));
    return VoxelGrid.ofWords(spec, words);
  }

  private static Mesh extractByPort(VoxelGrid grid, long chunkCells) {
    return EdgeIdSurface.extract(grid.spec(),
        new ReconstructCuPort.Passes(grid.words(), grid.nx(), grid.ny(), grid.nz()), chunkCells);
  }

  private static List<VoxelGrid> carveBatchByPort(List<Carver.Item> items) {
    CudaKernels.CarveBatch b = CudaKernels.carveBatch(items.stream().map(Carver.Item::views).toList(),
        items.stream().map(Carver.Item::spec).toList());
    long[] words = ReconstructCuPort.carveBatch(b.masks(), b.descriptors(), b.items(), b.blocksX(), b.itemCount(),
        b.totalWords());
    return CudaCarver.split(items, b, words);
  }

  @Test
  void batchedCarveOfDifferentSetsAndGridSizesEqualsEachAloneAndCpuCarver() {
    List<Carver.Item> items = ReconstructionFixtures.mixedBatch();
    List<VoxelGrid> batched = carveBatchByPort(items);
    List<VoxelGrid> cpuBatched = new CpuCarver().carveAll(items);
    assertThat(batched).hasSize(items.size());
    for (int i = 0; i < items.size(); i++) {
      Carver.Item item = items.get(i);
      VoxelGrid alone = carveByPort(item.views(), item.spec());
      VoxelGrid cpu = new CpuCarver().carve(item.views(), item.spec());
      assertThat(cpu.count()).as("item %d carves something", i).isBetween(1L, item.spec().voxelCount());
      assertThat(batched.get(i).spec()).isEqualTo(item.spec());
      assertThat(batched.get(i).sameVoxels(alone)).as("item %d batched = alone", i).isTrue();
      assertThat(batched.get(i).sameVoxels(cpu)).as("item %d batched = CPU", i).isTrue();
      assertThat(cpuBatched.get(i).sameVoxels(cpu)).as("item %d CPU batch = CPU", i).isTrue();
    }
  }

  @Test
  void carveBatchLaysOutItemsViewsAndWordOffsets() {
    List<Carver.Item> items = ReconstructionFixtures.mixedBatch();
    CudaKernels.CarveBatch b = CudaKernels.carveBatch(items.stream().map(Carver.Item::views).toList(),
        items.stream().map(Carver.Item::spec).toList());
    assertThat(b.itemCount()).isEqualTo(items.size());
    int view = 0;
    int mask = 0;
    int maxWords = 0;
    for (int i = 0; i < items.size(); i++) {
      Carver.Item item = items.get(i);
      int it = CudaKernels.CARVE_ITEM_INTS * i;
      int views = item.views().silhouettes().size();
      assertThat(b.items()[it]).isEqualTo(view);
      assertThat(b.items()[it + 1]).isEqualTo(views);
      assertThat(new int[] {b.items()[it + 2], b.items()[it + 3], b.items()[it + 4]})
          .containsExactly(item.spec().nx(), item.spec().ny(), item.spec().nz());
      assertThat(b.items()[it + 5]).isEqualTo(b.wordOffsets()[i]);
      assertThat(b.wordOffsets()[i + 1] - b.wordOffsets()[i]).isEqualTo(VoxelGrid.wordCount(item.spec()));
      for (int v = 0; v < views; v++) {
        assertThat(b.descriptors()[CudaKernels.VIEW_INTS * (view + v) + 5]).as("mask offset").isEqualTo(mask);
        var s = item.views().silhouettes().get(v);
        mask += s.width() * s.height();
      }
      view += views;
      maxWords = Math.max(maxWords, VoxelGrid.wordCount(item.spec()));
    }
    assertThat(b.masks()).hasSize(mask);
    assertThat(b.blocksX()).isEqualTo((maxWords + CudaKernels.BLOCK - 1) / CudaKernels.BLOCK);
  }

  /** The mixed batch carved, a grid of coin flips (every case) and an empty grid. */
  private static List<VoxelGrid> mixedGrids() {
    List<VoxelGrid> grids = new ArrayList<>(new CpuCarver().carveAll(ReconstructionFixtures.mixedBatch()));
    Random random = new Random(5);
    GridSpec spec = GridSpec.ofCubicVoxels(13, 11, 9);
    VoxelGrid coins = new VoxelGrid(spec);
    for (int z = 0; z < spec.nz(); z++) {
      for (int y = 0; y < spec.ny(); y++) {
        for (int x = 0; x < spec.nx(); x++) {
          coins.set(x, y, z, random.nextBoolean());
        }
      }
    }
    grids.add(2, coins);
    grids.add(new VoxelGrid(GridSpec.ofCubicVoxels(5, 4, 3))); // empty: no triangles, still its own mesh
    return grids;
  }

  private static void assertEachIsTheCpuMeshArrayForArray(List<VoxelGrid> grids, List<Mesh> meshes) {
    assertThat(meshes).hasSize(grids.size());
    List<Mesh> cpuBatched = new CpuMarchingCubes().extractAll(grids);
    for (int i = 0; i < grids.size(); i++) {
      Mesh cpu = new CpuMarchingCubes().extract(grids.get(i));
      Mesh alone = extractByPort(grids.get(i), EdgeIdSurface.CHUNK_CELLS);
      for (Mesh other : List.of(meshes.get(i), alone, cpuBatched.get(i))) {
        assertThat(CanonicalTriangles.same(other, cpu)).as("grid %d", i).isTrue();
        assertThat(other.triangles()).as("grid %d triangles", i).isEqualTo(cpu.triangles());
        assertThat(other.vertexIds()).as("grid %d vertex ids", i).isEqualTo(cpu.vertexIds());
        assertThat(other.positions()).as("grid %d positions", i).isEqualTo(cpu.positions());
      }
    }
  }

  @Test
  void batchedMarchingCubesOfDifferentGridsEqualsEachAloneAndTheCpuArrayForArray() {
    List<VoxelGrid> grids = mixedGrids();
    int[] launches = {0};
    ReconstructCuPort.BatchPasses port = new ReconstructCuPort.BatchPasses();
    List<Mesh> meshes = EdgeIdSurface.extractAll(grids, batch -> {
      launches[0]++;
      assertThat(batch.itemCount()).isEqualTo(grids.size());
      return port.load(batch);
    }, g -> {
      throw new AssertionError("no grid here is too large for a batch");
    }, EdgeIdSurface.BATCH_CELLS);
    assertThat(launches[0]).as("one batched launch for all grids").isEqualTo(1);
    assertEachIsTheCpuMeshArrayForArray(grids, meshes);
    assertThat(meshes.get(0).triangleCount()).isGreaterThan(100);
  }

  @Test
  void batchesSplitIntoSeveralLaunchesAndLargeGridsAloneGiveTheSameMeshes() {
    // 3,000 cells a launch: the four grids of more cells go alone through the chunked path (in chunks
    // of 1,000 cells), the coin flips, the 5x3x2 plate, the 20-voxel bracket and the empty grid in
    // two launches (1,680 + 72 cells, then 2,457 + 120)
    List<VoxelGrid> grids = mixedGrids();
    List<Integer> launchSizes = new ArrayList<>();
    int[] alone = {0};
    ReconstructCuPort.BatchPasses port = new ReconstructCuPort.BatchPasses();
    List<Mesh> meshes = EdgeIdSurface.extractAll(grids, batch -> {
      launchSizes.add(batch.itemCount());
      return port.load(batch);
    }, g -> {
      alone[0]++;
      return extractByPort(g, 1000);
    }, 3_000);
    assertThat(grids.stream().filter(g -> CudaKernels.cells(g.spec()) > 3_000).count()).isEqualTo(4);
    assertThat(alone[0]).isEqualTo(4);
    assertThat(launchSizes).containsExactly(2, 2);
    assertThat(launchSizes.stream().mapToInt(Integer::intValue).sum() + alone[0]).isEqualTo(grids.size());
    assertEachIsTheCpuMeshArrayForArray(grids, meshes);
  }

  @Test
  void carveOfSixNoisyViewsOnAGridOfOddSidesMatchesCpuCarver() {
    // 37 x 23 x 29 voxels: words straddle rows and slices, and the last word is partial
    RegisteredViews views = ReconstructionFixtures.sixNoisyViews(7);
    GridSpec spec = new GridSpec(37, 23, 29, views.extents());
    VoxelGrid cpu = new CpuCarver().carve(views, spec);
    assertThat(cpu.count()).isBetween(1L, spec.voxelCount() - 1);
    assertThat(carveByPort(views, spec).sameVoxels(cpu)).isTrue();
  }

  @Test
  void carveOfBoxLBracketAndPlateWithHoleMatchesCpuCarver() {
    Extents extents = new Extents(1.0, 0.6, 0.4);
    for (ReconstructionFixtures.UnitSolid solid : new ReconstructionFixtures.UnitSolid[] {
        ReconstructionFixtures.BOX, ReconstructionFixtures.L_BRACKET, ReconstructionFixtures.PLATE_WITH_HOLE}) {
      RegisteredViews views = ReconstructionFixtures.threeViews(solid, extents);
      GridSpec spec = GridSpec.fitted(views.extents(), 48);
      assertThat(carveByPort(views, spec).sameVoxels(new CpuCarver().carve(views, spec))).isTrue();
    }
  }

  @Test
  void marchingCubesOfAPlateWithAHoleMatchesTheCpuArrayForArray() {
    RegisteredViews views = ReconstructionFixtures.threeViews(ReconstructionFixtures.PLATE_WITH_HOLE, new Extents(1, 1, 1));
    VoxelGrid grid = new CpuCarver().carve(views, GridSpec.fitted(views.extents(), 40));
    Mesh cpu = new CpuMarchingCubes().extract(grid);
    Mesh port = extractByPort(grid, EdgeIdSurface.CHUNK_CELLS);
    assertThat(cpu.triangleCount()).isGreaterThan(100);
    assertThat(CanonicalTriangles.same(port, cpu)).isTrue();
    // the kernels emit in the CPU's order and the host numbers vertices as the CPU does
    assertThat(port.vertexIds()).isEqualTo(cpu.vertexIds());
    assertThat(port.triangles()).isEqualTo(cpu.triangles());
    assertThat(port.positions()).isEqualTo(cpu.positions());
  }

  @Test
  void marchingCubesInChunksThatSplitBlocksAndSlicesGivesTheSameMesh() {
    // coin flips hit every case, ambiguous faces included; 1000 cells a chunk is not a multiple of
    // the block size and cuts through rows and slices
    Random random = new Random(11);
    GridSpec spec = GridSpec.ofCubicVoxels(13, 11, 9);
    VoxelGrid grid = new VoxelGrid(spec);
    for (int z = 0; z < spec.nz(); z++) {
      for (int y = 0; y < spec.ny(); y++) {
        for (int x = 0; x < spec.nx(); x++) {
          grid.set(x, y, z, random.nextBoolean());
        }
      }
    }
    Mesh cpu = new CpuMarchingCubes().extract(grid);
    Mesh chunked = extractByPort(grid, 1000);
    assertThat(CanonicalTriangles.same(chunked, cpu)).isTrue();
    assertThat(chunked.triangles()).isEqualTo(cpu.triangles());
  }

  @Test
  void emptyGridGivesAnEmptyMesh() {
    Mesh mesh = extractByPort(new VoxelGrid(GridSpec.ofCubicVoxels(5, 4, 3)), EdgeIdSurface.CHUNK_CELLS);
    assertThat(mesh.triangleCount()).isZero();
    assertThat(mesh.vertexCount()).isZero();
  }

  @Test
  void tableHoldsCountsEdgeStartsAndPaddedRows() {
    int[] table = CudaKernels.table();
    int stride = CudaKernels.tableStride();
    assertThat(table).hasSize(CudaKernels.TABLE_TRIANGLES + 256 * stride);
    for (int c = 0; c < 256; c++) {
      int n = table[CudaKernels.TABLE_COUNTS + c];
      int row = CudaKernels.TABLE_TRIANGLES + c * stride;
      for (int e = 0; e < 3 * n; e++) {
        assertThat(table[row + e]).isBetween(0, 11);
      }
      assertThat(table[row + 3 * n]).isEqualTo(-1);
    }
    assertThat(table[CudaKernels.TABLE_COUNTS]).isZero();
    assertThat(table[CudaKernels.TABLE_COUNTS + 255]).isZero();
    assertThat(table[CudaKernels.TABLE_COUNTS + 1]).isEqualTo(1);
    // edge 4 * axis + q starts at corner 0 for q = 0; edge 11 (z, dx = dy = 1) at corner 3
    assertThat(table[CudaKernels.TABLE_EDGE_STARTS + 8]).isZero();
    assertThat(table[CudaKernels.TABLE_EDGE_STARTS + 11]).isEqualTo(3);
  }

  @Test
  void viewDescriptorsNameAxesMirroringSizesAndMaskOffsets() {
    RegisteredViews views = ReconstructionFixtures.sixNoisyViews(3);
    CudaKernels.ViewBuffers b = CudaKernels.views(views);
    assertThat(b.viewCount()).isEqualTo(6);
    int offset = 0;
    for (int v = 0; v < 6; v++) {
      var s = views.silhouettes().get(v);
      int d = CudaKernels.VIEW_INTS * v;
      assertThat(b.descriptors()[d]).isEqualTo(s.view().columnAxis().ordinal());
      assertThat(b.descriptors()[d + 1]).isEqualTo(s.view().rowAxis().ordinal());
      assertThat(b.descriptors()[d + 2]).isEqualTo((s.view().mirrored() ? 1 : 0) | (s.view().rowsMirrored() ? 2 : 0));
      assertThat(b.descriptors()[d + 3]).isEqualTo(s.width());
      assertThat(b.descriptors()[d + 4]).isEqualTo(s.height());
      assertThat(b.descriptors()[d + 5]).isEqualTo(offset);
      offset += s.width() * s.height();
    }
    assertThat(b.masks()).hasSize(offset);
  }
}
