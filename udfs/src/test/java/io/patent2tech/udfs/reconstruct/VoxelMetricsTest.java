package io.patent2tech.udfs.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VoxelMetricsTest {

  @Test
  void intersectionOverUnionCountsSharedVoxels() {
    VoxelGrid lowerHalf = TestSolids.grid(8, 8, 8, (x, y, z) -> z < 4);
    VoxelGrid lowerThreeQuarters = TestSolids.grid(8, 8, 8, (x, y, z) -> z < 6);
    VoxelGrid upperHalf = TestSolids.grid(8, 8, 8, (x, y, z) -> z >= 4);
    assertThat(VoxelMetrics.intersectionOverUnion(lowerHalf, lowerHalf)).isEqualTo(1.0);
    assertThat(VoxelMetrics.intersectionOverUnion(lowerHalf, lowerThreeQuarters)).isCloseTo(4.0 / 6, within(1e-12));
    assertThat(VoxelMetrics.intersectionOverUnion(lowerHalf, upperHalf)).isZero();
  }

  @Test
  void intersectionOverUnionNeedsEqualGrids() {
    assertThatThrownBy(() -> VoxelMetrics.intersectionOverUnion(new VoxelGrid(GridSpec.ofCubicVoxels(8, 8, 8)),
        new VoxelGrid(GridSpec.ofCubicVoxels(8, 8, 9)))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void volumeIsVoxelsTimesVoxelVolume() {
    // 10 x 5 x 4 grid over a 1 x 0.5 x 0.4 box: voxels are 0.1 on a side
    VoxelGrid half = TestSolids.grid(10, 5, 4, (x, y, z) -> x < 5);
    assertThat(VoxelMetrics.volume(half)).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void gridIsBitPackedXFastest() {
    GridSpec spec = GridSpec.ofCubicVoxels(256, 256, 256);
    assertThat(VoxelGrid.wordCount(spec) * 8L).isEqualTo(2L << 20);
    VoxelGrid g = new VoxelGrid(GridSpec.ofCubicVoxels(5, 3, 2));
    g.set(4, 2, 1, true);
    // index 4 + 5 * (2 + 3 * 1) = 29
    assertThat(g.words()).containsExactly(1L << 29);
    assertThat(VoxelGrid.ofWords(g.spec(), g.words()).get(4, 2, 1)).isTrue();
  }

  @Test
  void fittedGridGivesTheLongestSideTheResolution() {
    GridSpec spec = GridSpec.fitted(new Extents(0.5, 1.0, 0.001), 256);
    assertThat(new int[] {spec.nx(), spec.ny(), spec.nz()}).containsExactly(128, 256, 1);
  }
}
