package io.patent2tech.udfs.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CarveTest {

  private final Carver carver = new CpuCarver();

  /** Rows top to bottom, '#' inside. */
  private static Silhouette drawn(View view, String... rows) {
    return Silhouette.of(view, rows[0].length(), rows.length, (c, r) -> rows[r].charAt(c) == '#');
  }

  private static VoxelGrid carve2(Carver carver, Silhouette... silhouettes) {
    RegisteredViews views = ViewRegistration.register(List.of(silhouettes));
    return carver.carve(views, GridSpec.fitted(views.extents(), 2));
  }

  @Test
  void frontViewShowsWidthAndHeightWithTheTopRowUp() {
    // an upright at the left (low x) on a base: (x=1, z=1) is empty for every depth
    VoxelGrid g = carve2(carver, drawn(View.FRONT, "#.", "##"), drawn(View.RIGHT, "##", "##"));
    assertThat(g.get(0, 0, 1)).isTrue();
    assertThat(g.get(1, 0, 1)).isFalse();
    assertThat(g.get(1, 1, 1)).isFalse();
    assertThat(g.get(1, 1, 0)).isTrue();
    assertThat(g.count()).isEqualTo(6);
  }

  @Test
  void rearViewIsTheFrontMirrored() {
    VoxelGrid fromRear = carve2(carver, drawn(View.REAR, ".#", "##"), drawn(View.RIGHT, "##", "##"));
    VoxelGrid fromFront = carve2(carver, drawn(View.FRONT, "#.", "##"), drawn(View.RIGHT, "##", "##"));
    assertThat(fromRear.sameVoxels(fromFront)).isTrue();
  }

  @Test
  void topViewHasTheFrontAtTheBottomOfTheImage() {
    // missing: the back (high y) right (high x) column
    VoxelGrid g = carve2(carver, drawn(View.FRONT, "##", "##"), drawn(View.TOP, "#.", "##"));
    assertThat(g.get(1, 1, 0)).isFalse();
    assertThat(g.get(1, 1, 1)).isFalse();
    assertThat(g.get(1, 0, 1)).isTrue();
    assertThat(g.get(0, 1, 1)).isTrue();
  }

  @Test
  void bottomViewKeepsXLeftToRightWithTheFrontAtTheTopOfTheImage() {
    // third-angle projection: the object turned about x, so the missing back right column is at
    // the bottom right of the image (the top view shows it at the top right)
    VoxelGrid fromTop = carve2(carver, drawn(View.FRONT, "##", "##"), drawn(View.TOP, "#.", "##"));
    VoxelGrid fromBottom = carve2(carver, drawn(View.FRONT, "##", "##"), drawn(View.BOTTOM, "##", "#."));
    assertThat(fromBottom.sameVoxels(fromTop)).isTrue();
    assertThat(fromBottom.get(1, 1, 0)).isFalse();
    assertThat(fromBottom.get(1, 0, 0)).isTrue();
    assertThat(fromBottom.get(0, 1, 0)).isTrue();
  }

  @Test
  void rightViewHasTheFrontOnTheLeft() {
    // missing: the back (high y) top (high z) row
    VoxelGrid g = carve2(carver, drawn(View.FRONT, "##", "##"), drawn(View.RIGHT, "#.", "##"));
    assertThat(g.get(0, 1, 1)).isFalse();
    assertThat(g.get(1, 1, 1)).isFalse();
    assertThat(g.get(0, 0, 1)).isTrue();
    VoxelGrid fromLeft = carve2(carver, drawn(View.FRONT, "##", "##"), drawn(View.LEFT, ".#", "##"));
    assertThat(fromLeft.sameVoxels(g)).isTrue();
  }

  @Test
  void cpuCarverKeepsExactlyTheVoxelsTheRuleKeeps() {
    // six noisy views at resolutions unrelated to the grid, so every rounding of the rule is hit
    Random random = new Random(7);
    List<Silhouette> silhouettes = new ArrayList<>();
    int[][] sizes = {{53, 37}, {41, 29}, {53, 31}, {47, 31}, {31, 37}, {29, 43}};
    for (View v : View.values()) {
      int[] s = sizes[v.ordinal()];
      Silhouette noisy = Silhouette.of(v, s[0], s[1],
          (c, r) -> c == 0 || r == 0 || c == s[0] - 1 || r == s[1] - 1 ? c == r || c + r == s[0] - 1 : random.nextInt(10) > 0);
      silhouettes.add(noisy.cropped());
    }
    RegisteredViews views = ViewRegistration.register(silhouettes);
    GridSpec spec = new GridSpec(37, 23, 29, views.extents());
    VoxelGrid carved = carver.carve(views, spec);
    VoxelGrid byRule = TestSolids.grid(spec, (x, y, z) -> CarveRule.keeps(views, spec, x, y, z));
    assertThat(carved.count()).isBetween(1L, spec.voxelCount() - 1);
    assertThat(carved.sameVoxels(byRule)).isTrue();
  }

  @Test
  void nearestPixelRuleSplitsPixelsEvenly() {
    // 3 voxels over 4 pixels: centres at 1/6, 1/2, 5/6 -> pixels 0, 2, 3
    assertThat(new int[] {CarveRule.pixel(0, 3, 4), CarveRule.pixel(1, 3, 4), CarveRule.pixel(2, 3, 4)})
        .containsExactly(0, 2, 3);
    // a centre exactly on a pixel border belongs to the higher pixel
    assertThat(CarveRule.pixel(0, 1, 2)).isEqualTo(1);
  }

  @Test
  void carvingTheProjectionsOfASolidGivesItsVisualHull() {
    // a chamfered cup with a closed void in its floor: the chamfer shows in the front view, the
    // pocket and the void in no view
    VoxelGrid solid = TestSolids.rasterize(GridSpec.ofCubicVoxels(32, 24, 20), (u, v, w) -> {
      double du = u - 0.5, dv = v - 0.5, dw = w - 0.15;
      boolean voidInFloor = du * du + dv * dv + dw * dw < 0.01;
      return TestSolids.cup(u, v, w) && !voidInFloor && u + w < 1.6;
    });
    RegisteredViews views = ViewRegistration.register(TestSolids.projectAll(solid, View.FRONT, View.TOP, View.RIGHT));
    GridSpec spec = GridSpec.fitted(views.extents(), 32);
    assertThat(new int[] {spec.nx(), spec.ny(), spec.nz()}).containsExactly(32, 24, 20);
    VoxelGrid carved = carver.carve(views, spec);
    VoxelGrid hull = TestSolids.visualHull(solid);
    assertThat(carved.sameVoxels(hull)).isTrue();
    assertThat(carved.count()).isGreaterThan(solid.count());
    assertThat(carved.count()).isLessThan(spec.voxelCount());
    RegisteredViews mirrored = ViewRegistration.register(TestSolids.projectAll(solid, View.REAR, View.BOTTOM, View.LEFT));
    assertThat(carver.carve(mirrored, spec).sameVoxels(hull)).isTrue();
  }

  @Test
  void solidsEqualToTheirVisualHullAreRecoveredAt64() {
    Extents extents = new Extents(1.0, 0.6, 0.4);
    TestSolids.UnitPredicate[] solids = {(u, v, w) -> true, TestSolids::lBracket, TestSolids::cylinderZ};
    for (TestSolids.UnitPredicate solid : solids) {
      List<Silhouette> drawings = new ArrayList<>();
      for (View v : new View[] {View.FRONT, View.TOP, View.RIGHT}) {
        drawings.add(renderedAt150PxPerUnit(solid, extents, v));
      }
      RegisteredViews views = ViewRegistration.register(drawings);
      GridSpec spec = GridSpec.fitted(views.extents(), 64);
      double iou = VoxelMetrics.intersectionOverUnion(carver.carve(views, spec), TestSolids.rasterize(spec, solid));
      assertThat(iou).isGreaterThanOrEqualTo(0.97);
    }
  }

  @Test
  void extrusionSweepsTheOneViewThroughTheAssumedDepth() {
    Silhouette front = renderedAt150PxPerUnit(TestSolids::lBracket, new Extents(1, 1, 1), View.FRONT);
    RegisteredViews views = ViewRegistration.extrude(front, 0.5);
    GridSpec spec = GridSpec.fitted(views.extents(), 64);
    assertThat(spec.ny()).isEqualTo(32);
    double iou = VoxelMetrics.intersectionOverUnion(carver.carve(views, spec), TestSolids.rasterize(spec, TestSolids::lBracket));
    assertThat(iou).isGreaterThanOrEqualTo(0.97);
  }

  /**
   * A drawing of a unit-box solid stretched to {@code extents}, 150 pixels per unit: a pixel is
   * inside when the solid meets the line through its centre along the viewing axis (sampled 200 times).
   */
  static Silhouette renderedAt150PxPerUnit(TestSolids.UnitPredicate solid, Extents extents, View view) {
    int width = (int) Math.round(150 * extents.along(view.columnAxis()));
    int height = (int) Math.round(150 * extents.along(view.rowAxis()));
    Silhouette s = Silhouette.of(view, width, height, (col, row) -> {
      double[] at = new double[3];
      double fc = (col + 0.5) / width;
      at[view.columnAxis().ordinal()] = view.mirrored() ? 1 - fc : fc;
      double fr = (row + 0.5) / height;
      at[view.rowAxis().ordinal()] = view.rowsMirrored() ? fr : 1 - fr;
      for (int t = 0; t < 200; t++) {
        at[view.viewingAxis().ordinal()] = (t + 0.5) / 200;
        if (solid.test(at[0], at[1], at[2])) {
          return true;
        }
      }
      return false;
    });
    return s.cropped();
  }
}
