package io.patent2tech.connectors.reconstruct.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.patent2tech.connectors.reconstruct.ReconstructionDevices;
import io.patent2tech.udfs.reconstruct.CanonicalTriangles;
import io.patent2tech.udfs.reconstruct.Carver;
import io.patent2tech.udfs.reconstruct.CpuCarver;
import io.patent2tech.udfs.reconstruct.CpuMarchingCubes;
import io.patent2tech.udfs.reconstruct.Extents;
import io.patent2tech.udfs.reconstruct.GridSpec;
import io.patent2tech.udfs.reconstruct.Mesh;
import io.patent2tech.udfs.reconstruct.RegisteredViews;
import io.patent2tech.udfs.reconstruct.VoxelGrid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GPU path against the CPU reference, on a GPU. Without a CUDA driver or device every test is
 * skipped with the reason (surefire reports them as skipped, never as passed):
 * {@code mvn -B -pl connectors -am test -Dtest=CudaEquivalenceTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CudaEquivalenceTest {

  private static CudaDevice context;
  private static CudaCarver gpuCarver;
  private static CudaMarchingCubes gpuMarchingCubes;

  /** Per test, not in @BeforeAll: surefire counts a class aborted there as 0 tests run, not as skipped. */
  @BeforeEach
  void openTheGpu() {
    CudaProbe.Result probe = CudaProbe.probe();
    assumeTrue(probe.available(), () -> "skipped: no CUDA device/driver found (" + probe.reason() + ")");
    if (context == null) {
      // one context for both, as a slot has
      context = CudaDevice.open(0);
      gpuCarver = CudaCarver.on(context);
      gpuMarchingCubes = CudaMarchingCubes.on(context);
    }
  }

  @AfterAll
  static void closeTheGpu() {
    if (context != null) {
      context.close();
    }
  }

  private static void assertSameCarve(RegisteredViews views, GridSpec spec) {
    VoxelGrid cpu = new CpuCarver().carve(views, spec);
    VoxelGrid gpu = gpuCarver.carve(views, spec);
    assertThat(cpu.count()).isBetween(1L, spec.voxelCount());
    assertThat(gpu.sameVoxels(cpu)).as("GPU voxels equal CPU voxels at %dx%dx%d", spec.nx(), spec.ny(), spec.nz())
        .isTrue();
  }

  @Test
  void carveOfABoxEqualsTheCpu() {
    RegisteredViews views = ReconstructionFixtures.threeViews(ReconstructionFixtures.BOX, new Extents(1.0, 0.6, 0.4));
    assertSameCarve(views, GridSpec.fitted(views.extents(), 64));
    assertSameCarve(views, GridSpec.fitted(views.extents(), 256));
  }

  @Test
  void carveOfAnLBracketEqualsTheCpu() {
    RegisteredViews views = ReconstructionFixtures.threeViews(ReconstructionFixtures.L_BRACKET, new Extents(1.0, 0.6, 0.4));
    assertSameCarve(views, GridSpec.fitted(views.extents(), 64));
    assertSameCarve(views, GridSpec.fitted(views.extents(), 256));
  }

  @Test
  void carveOfAPlateWithAHoleEqualsTheCpu() {
    RegisteredViews views = ReconstructionFixtures.threeViews(ReconstructionFixtures.PLATE_WITH_HOLE, new Extents(1, 1, 1));
    assertSameCarve(views, GridSpec.fitted(views.extents(), 64));
    assertSameCarve(views, GridSpec.fitted(views.extents(), 256));
  }

  @Test
  void carveOfSixNoisyViewsOnAGridOfOddSidesEqualsTheCpu() {
    RegisteredViews views = ReconstructionFixtures.sixNoisyViews(7);
    assertSameCarve(views, new GridSpec(37, 23, 29, views.extents()));
    assertSameCarve(views, new GridSpec(131, 67, 253, views.extents()));
  }

  private static void assertSameSurface(ReconstructionFixtures.UnitSolid solid, int resolution) {
    RegisteredViews views = ReconstructionFixtures.threeViews(solid, new Extents(1, 1, 1));
    VoxelGrid grid = new CpuCarver().carve(views, GridSpec.fitted(views.extents(), resolution));
    Mesh cpu = new CpuMarchingCubes().extract(grid);
    Mesh gpu = gpuMarchingCubes.extract(grid);
    assertThat(cpu.triangleCount()).isPositive();
    assertThat(CanonicalTriangles.same(gpu, cpu)).as("same triangles at %d^3", resolution).isTrue();
  }

  @Test
  void marchingCubesAt64EqualsTheCpu() {
    assertSameSurface(ReconstructionFixtures.L_BRACKET, 64);
    assertSameSurface(ReconstructionFixtures.PLATE_WITH_HOLE, 64);
  }

  @Test
  void marchingCubesAt256EqualsTheCpu() {
    assertSameSurface(ReconstructionFixtures.L_BRACKET, 256);
    assertSameSurface(ReconstructionFixtures.PLATE_WITH_HOLE, 256);
  }

  @Test
  void marchingCubesOfCoinFlipsEqualsTheCpuArrayForArray() {
    // every case, ambiguous faces included; the GPU emits in the CPU's order, so even the arrays agree
    java.util.Random random = new java.util.Random(11);
    GridSpec spec = GridSpec.ofCubicVoxels(61, 47, 33);
    VoxelGrid grid = new VoxelGrid(spec);
    for (int z = 0; z < spec.nz(); z++) {
      for (int y = 0; y < spec.ny(); y++) {
        for (int x = 0; x < spec.nx(); x++) {
          grid.set(x, y, z, random.nextBoolean());
        }
      }
    }
    Mesh cpu = new CpuMarchingCubes().extract(grid);
    Mesh gpu = gpuMarchingCubes.extract(grid);
    assertThat(CanonicalTriangles.same(gpu, cpu)).isTrue();
    assertThat(gpu.triangles()).isEqualTo(cpu.triangles());
    assertThat(gpu.vertexIds()).isEqualTo(cpu.vertexIds());
  }

  @Test
  void batchedCarveOfDifferentSetsAndGridSizesEqualsTheCpu() {
    List<Carver.Item> items = new ArrayList<>(ReconstructionFixtures.mixedBatch());
    RegisteredViews bracket = ReconstructionFixtures.threeViews(ReconstructionFixtures.L_BRACKET, new Extents(1.0, 0.6, 0.4));
    RegisteredViews noisy = ReconstructionFixtures.sixNoisyViews(7);
    items.add(new Carver.Item(bracket, GridSpec.fitted(bracket.extents(), 256)));
    items.add(new Carver.Item(noisy, new GridSpec(131, 67, 253, noisy.extents())));
    List<VoxelGrid> batched = gpuCarver.carveAll(items);
    assertThat(batched).hasSize(items.size());
    for (int i = 0; i < items.size(); i++) {
      VoxelGrid cpu = new CpuCarver().carve(items.get(i).views(), items.get(i).spec());
      assertThat(batched.get(i).sameVoxels(cpu)).as("batched GPU item %d equals the CPU", i).isTrue();
      assertThat(batched.get(i).sameVoxels(gpuCarver.carve(items.get(i).views(), items.get(i).spec())))
          .as("batched GPU item %d equals the GPU alone", i).isTrue();
    }
  }

  @Test
  void batchedMarchingCubesOfDifferentGridsEqualsTheCpuArrayForArray() {
    List<Carver.Item> items = new ArrayList<>(ReconstructionFixtures.mixedBatch());
    RegisteredViews plate = ReconstructionFixtures.threeViews(ReconstructionFixtures.PLATE_WITH_HOLE, new Extents(1, 1, 1));
    items.add(new Carver.Item(plate, GridSpec.fitted(plate.extents(), 256)));
    List<VoxelGrid> grids = new ArrayList<>(new CpuCarver().carveAll(items));
    grids.add(new VoxelGrid(GridSpec.ofCubicVoxels(5, 4, 3))); // empty
    List<Mesh> batched = gpuMarchingCubes.extractAll(grids);
    assertThat(batched).hasSize(grids.size());
    for (int i = 0; i < grids.size(); i++) {
      Mesh cpu = new CpuMarchingCubes().extract(grids.get(i));
      assertThat(CanonicalTriangles.same(batched.get(i), cpu)).as("grid %d", i).isTrue();
      assertThat(batched.get(i).triangles()).as("grid %d triangles", i).isEqualTo(cpu.triangles());
      assertThat(batched.get(i).vertexIds()).as("grid %d vertex ids", i).isEqualTo(cpu.vertexIds());
    }
  }

  @Test
  void twoSlotsHaveTwoContextsAndClosingOneLeavesTheOther() {
    RegisteredViews views = ReconstructionFixtures.threeViews(ReconstructionFixtures.BOX, new Extents(1.0, 0.6, 0.4));
    GridSpec spec = GridSpec.fitted(views.extents(), 64);
    VoxelGrid cpu = new CpuCarver().carve(views, spec);
    try (ReconstructionDevices.Reconstruction a = ReconstructionDevices.open(ReconstructionDevices.Mode.GPU);
        ReconstructionDevices.Reconstruction b = ReconstructionDevices.open(ReconstructionDevices.Mode.GPU)) {
      assertThat(a.context()).isNotNull().isNotSameAs(b.context());
      assertThat(a.carver().carve(views, spec).sameVoxels(cpu)).isTrue();
      a.close();
      assertThat(b.carver().carve(views, spec).sameVoxels(cpu)).as("the other slot's context still works").isTrue();
      assertThat(CanonicalTriangles.same(b.surfaceExtractor().extract(cpu), new CpuMarchingCubes().extract(cpu)))
          .isTrue();
    }
  }

  @Test
  void timingsAt128And256OnCpuAndGpu() {
    assertThat(GpuCheck.timings(System.out)).as("GPU grids and meshes equal the CPU's").isTrue();
  }
}
