package io.patent2tech.udfs.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class MarchingCubesTableTest {

  @Test
  void edgesAreNumberedByAxisThenTheOtherTwoCoordinates() {
    // edge 5 runs along y (4 + 1) from corner (dx=1, dy=0, dz=0) = 1 to corner (1, 1, 0) = 3
    assertThat(MarchingCubesTable.edgeStart(5)).isEqualTo(1);
    assertThat(MarchingCubesTable.edgeEnd(5)).isEqualTo(3);
    // edge 11 runs along z from corner (1, 1, 0) = 3 to (1, 1, 1) = 7
    assertThat(MarchingCubesTable.edgeStart(11)).isEqualTo(3);
    assertThat(MarchingCubesTable.edgeEnd(11)).isEqualTo(7);
  }

  @Test
  void everyCaseUsesExactlyItsSignChangingEdges() {
    for (int c = 0; c < 256; c++) {
      Set<Integer> crossing = new TreeSet<>();
      for (int e = 0; e < 12; e++) {
        boolean startInside = (c >> MarchingCubesTable.edgeStart(e) & 1) != 0;
        boolean endInside = (c >> MarchingCubesTable.edgeEnd(e) & 1) != 0;
        if (startInside != endInside) {
          crossing.add(e);
        }
      }
      Set<Integer> used = new TreeSet<>();
      Arrays.stream(MarchingCubesTable.triangles(c)).forEach(used::add);
      assertThat(used).as("case %d", c).isEqualTo(crossing);
    }
    assertThat(MarchingCubesTable.triangles(0)).isEmpty();
    assertThat(MarchingCubesTable.triangles(255)).isEmpty();
  }

  @Test
  void oneInsideCornerIsCutOffByOneTriangle() {
    // corner 0 inside: the triangle on edges 0 (x), 4 (y), 8 (z), wound so its normal points away
    // from corner 0, i.e. toward +x+y+z: 0 -> 4 -> 8 is (0.5,0,0) -> (0,0.5,0) -> (0,0,0.5), whose
    // right-hand normal is (+,+,+)
    int[] t = MarchingCubesTable.triangles(1);
    assertThat(t).hasSize(3);
    int first = t[0] == 0 ? 0 : t[1] == 0 ? 1 : 2;
    assertThat(new int[] {t[first], t[(first + 1) % 3], t[(first + 2) % 3]}).containsExactly(0, 4, 8);
  }

  @Test
  void complementaryCasesHaveTheSameEdgesButNotTheSameSurface() {
    // inverting the inside flips the separation rule on ambiguous faces: corners 0 and 3 (diagonal
    // on the bottom face) inside are two corner triangles; both outside, the six other corners are
    // joined across that face and the surface is one hexagonal band of four triangles
    assertThat(MarchingCubesTable.triangles(0b0000_1001)).hasSize(3 * 2);
    assertThat(MarchingCubesTable.triangles(0b1111_0110)).hasSize(3 * 4);
  }

  @Test
  void flattenedTableHasFixedRowsPaddedWithMinusOne() {
    int stride = 3 * MarchingCubesTable.MAX_TRIANGLES_PER_CASE + 1;
    int[] flat = MarchingCubesTable.flattened();
    assertThat(flat).hasSize(256 * stride);
    for (int c = 0; c < 256; c++) {
      int[] row = Arrays.copyOfRange(flat, c * stride, (c + 1) * stride);
      int[] triangles = MarchingCubesTable.triangles(c);
      assertThat(Arrays.copyOf(row, triangles.length)).isEqualTo(triangles);
      assertThat(Arrays.stream(row, triangles.length, stride)).allMatch(x -> x == -1);
    }
  }
}
