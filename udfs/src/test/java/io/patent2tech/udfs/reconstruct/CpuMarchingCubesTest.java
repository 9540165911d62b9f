package io.patent2tech.udfs.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class CpuMarchingCubesTest {

  private final SurfaceExtractor marchingCubes = new CpuMarchingCubes();

  @Test
  void singleVoxelBecomesAnOutwardOctahedron() {
    VoxelGrid one = TestSolids.grid(1, 1, 1, (x, y, z) -> true);
    Mesh mesh = marchingCubes.extract(one);
    assertThat(mesh.vertexCount()).isEqualTo(6);
    assertThat(mesh.triangleCount()).isEqualTo(8);
    MeshChecks.assertClosedAndOriented(mesh);
    // an octahedron with vertices at the voxel's face centres: volume 1/6 of the voxel, positive
    // only when the triangles are wound outward
    assertThat(MeshMetrics.volume(mesh)).isCloseTo(1.0 / 6, within(1e-6));
  }

  @Test
  void boxIsClosedGenusZeroAndSpansTheGrid() {
    VoxelGrid box = TestSolids.box(32, 24, 16, 0);
    Mesh mesh = marchingCubes.extract(box);
    MeshChecks.assertClosedAndOriented(mesh);
    assertThat(MeshMetrics.eulerCharacteristic(mesh)).isEqualTo(2);
    double[] bb = MeshMetrics.boundingBox(mesh);
    // the faces sit on the grid's outer voxel faces: [0, 1] x [0, 0.75] x [0, 0.5]
    assertThat(bb).containsExactly(new double[] {0, 0, 0, 1, 0.75, 0.5}, within(1e-6));
  }

  @Test
  void plateWithAHoleHasEulerCharacteristicZero() {
    VoxelGrid plate = TestSolids.rasterize(GridSpec.ofCubicVoxels(40, 40, 12), TestSolids::plateWithHole);
    Mesh mesh = marchingCubes.extract(plate);
    MeshChecks.assertClosedAndOriented(mesh);
    assertThat(MeshMetrics.eulerCharacteristic(mesh)).isZero();
  }

  @Test
  void concaveSolidsStayGenusZero() {
    for (TestSolids.UnitPredicate solid : new TestSolids.UnitPredicate[] {TestSolids::lBracket, TestSolids::cup}) {
      Mesh mesh = marchingCubes.extract(TestSolids.rasterize(GridSpec.ofCubicVoxels(32, 32, 32), solid));
      MeshChecks.assertClosedAndOriented(mesh);
      assertThat(MeshMetrics.eulerCharacteristic(mesh)).isEqualTo(2);
    }
  }

  @Test
  void voxelsTouchingAlongAnEdgeGetSeparateSurfaces() {
    // the ambiguous face: inside corners diagonal on it are separated, so two closed octahedra
    VoxelGrid pair = TestSolids.grid(2, 2, 1, (x, y, z) -> x == y);
    Mesh mesh = marchingCubes.extract(pair);
    MeshChecks.assertClosedAndOriented(mesh);
    assertThat(mesh.vertexCount()).isEqualTo(12);
    assertThat(MeshMetrics.eulerCharacteristic(mesh)).isEqualTo(4);
  }

  @Test
  void voxelsTouchingAtACornerGetSeparateSurfaces() {
    VoxelGrid pair = TestSolids.grid(2, 2, 2, (x, y, z) -> x == y && y == z);
    Mesh mesh = marchingCubes.extract(pair);
    MeshChecks.assertClosedAndOriented(mesh);
    assertThat(MeshMetrics.eulerCharacteristic(mesh)).isEqualTo(4);
  }

  @Test
  void randomNoiseGivesAClosedOrientedSurface() {
    // every ambiguous configuration occurs many times in 16^3 of coin flips
    Random random = new Random(11);
    VoxelGrid noise = TestSolids.grid(16, 16, 16, (x, y, z) -> random.nextBoolean());
    Mesh mesh = marchingCubes.extract(noise);
    MeshChecks.assertClosedAndOriented(mesh);
    assertThat(MeshMetrics.eulerCharacteristic(mesh) % 2).isZero();
    assertThat(MeshMetrics.volume(mesh)).isPositive();
  }

  @Test
  void meshVolumeAgreesWithVoxelVolume() {
    VoxelGrid sphere = TestSolids.rasterize(GridSpec.ofCubicVoxels(48, 48, 48), TestSolids::sphere);
    Mesh mesh = marchingCubes.extract(sphere);
    double voxels = VoxelMetrics.volume(sphere);
    // midpoint vertices shave about half a voxel off convex edges; 2% at 48^3
    assertThat(MeshMetrics.volume(mesh)).isCloseTo(voxels, within(0.02 * voxels));
    MeshChecks.assertClosedAndOriented(mesh);
    assertThat(MeshMetrics.eulerCharacteristic(mesh)).isEqualTo(2);
  }

  @Test
  void verticesKeepTheGridsProportions() {
    // a 2:1:1 box on a 32x16x16 grid whose extents say 2:1:1 too
    GridSpec spec = GridSpec.fitted(new Extents(1.0, 0.5, 0.5), 32);
    Mesh mesh = marchingCubes.extract(TestSolids.grid(spec, (x, y, z) -> true));
    assertThat(MeshMetrics.boundingBox(mesh)).containsExactly(new double[] {0, 0, 0, 1, 0.5, 0.5}, within(1e-6));
  }

  @Test
  void canonicalFormIgnoresOrderButNotWinding() {
    Mesh mesh = marchingCubes.extract(TestSolids.box(4, 4, 4, 1));
    int[] t = mesh.triangles();
    int[] shuffled = new int[t.length];
    // triangles reversed in order, each rotated by one place: same surface
    int n = mesh.triangleCount();
    for (int i = 0; i < n; i++) {
      int from = 3 * (n - 1 - i);
      shuffled[3 * i] = t[from + 1];
      shuffled[3 * i + 1] = t[from + 2];
      shuffled[3 * i + 2] = t[from];
    }
    Mesh reordered = Mesh.of(mesh.positions(), shuffled, mesh.vertexIds());
    assertThat(CanonicalTriangles.same(mesh, reordered)).isTrue();
    int[] flipped = t.clone();
    flipped[0] = t[1];
    flipped[1] = t[0];
    assertThat(CanonicalTriangles.same(mesh, Mesh.of(mesh.positions(), flipped, mesh.vertexIds()))).isFalse();
  }
}
