package io.patent2tech.udfs.drawings.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SolidsTest {

  @Test
  void lBracketHasBothLegsAndAnEmptyNotch() {
    Solid l = Solids.lBracket(1.0, 0.5, 0.8, 0.2);
    assertThat(l.inside(0.1, 0.25, 0.7)).as("upright leg").isTrue();
    assertThat(l.inside(0.9, 0.25, 0.1)).as("base leg").isTrue();
    assertThat(l.inside(0.5, 0.25, 0.5)).as("the notch above the base").isFalse();
    assertThat(l.inside(0.5, 0.6, 0.1)).as("behind the bounding box").isFalse();
  }

  @Test
  void concavitiesAreEmptyAndTheirFloorsSolid() {
    Solid tray = Solids.openBox(1.0, 0.7, 0.5, 0.1);
    assertThat(tray.inside(0.5, 0.35, 0.3)).as("tray pocket").isFalse();
    assertThat(tray.inside(0.5, 0.35, 0.05)).as("tray floor").isTrue();
    Solid pocket = Solids.pocketBlock(1.0, 0.6, 0.6, 0.3);
    assertThat(pocket.inside(0.5, 0.1, 0.3)).as("blind pocket in the front face").isFalse();
    assertThat(pocket.inside(0.5, 0.45, 0.3)).as("behind the pocket").isTrue();
    Solid plate = Solids.drilledPlate(1.0, 0.7, 0.15, 0.15);
    assertThat(plate.inside(0.5, 0.35, 0.07)).as("through hole").isFalse();
    assertThat(plate.inside(0.1, 0.1, 0.07)).isTrue();
  }

  @Test
  void rasterizedVolumesMatchTheAnalyticVolumes() {
    // 80 voxels: every dimension of these solids is a whole number of voxels
    VoxelGrid.GridSpec n80 = new VoxelGrid.GridSpec(80);
    assertThat(VoxelGrid.rasterize(Solids.box(1.0, 0.6, 0.4), n80).volume()).isCloseTo(0.24, within(0.24 * 0.02));
    assertThat(VoxelGrid.rasterize(Solids.lBracket(1.0, 0.5, 0.8, 0.2), n80).volume())
        .isCloseTo(0.16, within(0.16 * 0.02));
    assertThat(VoxelGrid.rasterize(Solids.verticalCylinder(0.4, 1.0), n80).volume())
        .isCloseTo(Math.PI * 0.16, within(Math.PI * 0.16 * 0.02));
    assertThat(VoxelGrid.rasterize(Solids.openBox(1.0, 0.7, 0.5, 0.1), n80).volume())
        .isCloseTo(0.35 - 0.8 * 0.5 * 0.4, within(0.19 * 0.03));
    double plate = 0.105 - Math.PI * 0.15 * 0.15 * 0.15;
    assertThat(VoxelGrid.rasterize(Solids.drilledPlate(1.0, 0.7, 0.15, 0.15), n80).volume())
        .isCloseTo(plate, within(plate * 0.03));
  }

  @Test
  void gridIsFittedToTheBoundingBoxWithTheLongestSideGiven() {
    VoxelGrid g = VoxelGrid.rasterize(Solids.box(1.0, 0.6, 0.4), new VoxelGrid.GridSpec(50));
    assertThat(new int[] {g.nx, g.ny, g.nz}).containsExactly(50, 30, 20);
    assertThat(g.count()).isEqualTo(50 * 30 * 20);
    VoxelGrid l = VoxelGrid.rasterize(Solids.lBracket(1.0, 0.5, 0.8, 0.2), new VoxelGrid.GridSpec(50));
    assertThat(l.get(2, 5, 35)).as("upright, x index 2 of 50").isTrue();
    assertThat(l.get(25, 5, 25)).as("notch").isFalse();
    assertThat(l.iou(l)).isEqualTo(1.0);
    VoxelGrid box = VoxelGrid.rasterize(Solids.box(1.0, 0.5, 0.8), new VoxelGrid.GridSpec(50));
    assertThat(l.iou(box)).isCloseTo(0.16 / 0.4, within(0.02));
  }

  @Test
  void raySpansAgreeWithTheInsideTest() {
    Random rnd = new Random(7);
    for (Solid s : Solids.catalogue()) {
      for (int k = 0; k < 300; k++) {
        View v = View.values()[k % View.values().length];
        double[] d = v.direction();
        double[] o = {rnd.nextDouble() * 1.2 - 0.1 - 3 * d[0], rnd.nextDouble() * 1.2 - 0.1 - 3 * d[1],
            rnd.nextDouble() * 1.2 - 0.1 - 3 * d[2]};
        List<Csg.Span> spans = s.shape().spans(o, d);
        double prevEnd = 0;
        for (Csg.Span sp : spans) {
          assertThat(sp.t1).isGreaterThan(sp.t0);
          assertThat(insideAt(s, o, d, (sp.t0 + sp.t1) / 2)).as("%s: middle of a span", s.id()).isTrue();
          if (sp.t0 - prevEnd > 1e-6 && prevEnd > 0) {
            assertThat(insideAt(s, o, d, (prevEnd + sp.t0) / 2)).as("%s: gap between spans", s.id()).isFalse();
          }
          prevEnd = sp.t1;
        }
        if (spans.isEmpty()) {
          for (double t = 0; t < 6; t += 0.01) {
            assertThat(insideAt(s, o, d, t)).as("%s: a ray with no span", s.id()).isFalse();
          }
        }
      }
    }
  }

  @Test
  void onlyTheConcaveSolidsAreLargerThanTheirHull() {
    for (Solid s : Solids.catalogue()) {
      boolean concave = s.id().equals("open-box") || s.id().equals("pocket-block");
      assertThat(s.hull() == Solid.Hull.LARGER).as(s.id()).isEqualTo(concave);
      assertThat(s.longestSide()).as(s.id()).isEqualTo(1.0);
    }
  }

  private static boolean insideAt(Solid s, double[] o, double[] d, double t) {
    return s.inside(o[0] + t * d[0], o[1] + t * d[1], o[2] + t * d[2]);
  }
}
