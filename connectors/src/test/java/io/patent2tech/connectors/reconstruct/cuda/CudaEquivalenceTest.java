package io.patent2tech.connectors.reconstruct.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.patent2tech.udfs.reconstruct.CanonicalTriangles;
import io.patent2tech.udfs.reconstruct.CpuCarver;
import io.patent2tech.udfs.reconstruct.CpuMarchingCubes;
import io.patent2tech.udfs.reconstruct.Extents;
import io.patent2tech.udfs.reconstruct.GridSpec;
import io.patent2tech.udfs.reconstruct.Mesh;
import io.patent2tech.udfs.reconstruct.RegisteredViews;
import io.patent2tech.udfs.reconstruct.VoxelGrid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GPU path against the CPU reference, on a GPU. Without a CUDA driver or device every test is
 * skipped with the reason (surefire reports them as skipped, never as passed):
 * {@code mvn -B -pl connectors -am test -Dtest=CudaEquivalenceTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CudaEquivalenceTest {

  private static CudaCarver gpuCarver;
  private static CudaMarchingCubes gpuMarchingCubes;

  /** Per test, not in @BeforeAll: surefire counts a class aborted there as 0 tests run, not as skipped. */
  @BeforeEach
  void openTheGpu() {
    CudaProbe.Result probe = CudaProbe.probe();
    assumeTrue(probe.available(), () -> "skipped: no CUDA device/driver found (" + probe.reason() + ")");
    if (gpuCarver == null) {
      gpuCarver = CudaCarver.open(0);
      gpuMarchingCubes = CudaMarchingCubes.open(0);
    }
  }

  @AfterAll
  static void closeTheGpu() {
    if (gpuMarchingCubes != null) {
      gpuMarchingCubes.close();
    }
    if (gpuCarver != null) {
      gpuCarver.close();
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
  void timingsAt128And256OnCpuAndGpu() {
    assertThat(GpuCheck.timings(System.out)).as("GPU grids and meshes equal the CPU's").isTrue();
  }
}
