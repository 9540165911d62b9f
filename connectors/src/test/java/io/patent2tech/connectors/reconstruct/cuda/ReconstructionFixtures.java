package io.patent2tech.connectors.reconstruct.cuda;

import io.patent2tech.udfs.reconstruct.Carver;
import io.patent2tech.udfs.reconstruct.Extents;
import io.patent2tech.udfs.reconstruct.GridSpec;
import io.patent2tech.udfs.reconstruct.RegisteredViews;
import io.patent2tech.udfs.reconstruct.Silhouette;
import io.patent2tech.udfs.reconstruct.View;
import io.patent2tech.udfs.reconstruct.ViewRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Registered views for the GPU equivalence tests, drawn the way udfs' CarveTest draws them: solids
 * over the unit box rendered at 150 pixels per unit into front, top and right views, and six noisy
 * views at sizes unrelated to any grid so every rounding of the carve rule is hit.
 */
final class ReconstructionFixtures {

  private ReconstructionFixtures() {}

  /** Inside test over the unit bounding box [0,1]^3 (scaled per axis). */
  @FunctionalInterface
  interface UnitSolid {
    boolean test(double u, double v, double w);
  }

  static final UnitSolid BOX = (u, v, w) -> true;

  /** A base plate along x and an upright at low x, extruded along y. */
  static final UnitSolid L_BRACKET = (u, v, w) -> w < 0.3 || u < 0.3;

  /** A plate (thin in z) with a square through-hole in the middle. */
  static final UnitSolid PLATE_WITH_HOLE = (u, v, w) -> {
    boolean hole = u > 0.35 && u < 0.65 && v > 0.35 && v < 0.65;
    return w > 0.3 && w < 0.7 && !hole;
  };

  /** Front, top and right views of {@code solid} stretched to {@code extents}, registered. */
  static RegisteredViews threeViews(UnitSolid solid, Extents extents) {
    List<Silhouette> drawings = new ArrayList<>();
    for (View v : new View[] {View.FRONT, View.TOP, View.RIGHT}) {
      drawings.add(renderedAt150PxPerUnit(solid, extents, v));
    }
    return ViewRegistration.register(drawings);
  }

  /** Six views of random pixels (seeded), cropped, at sizes unrelated to the grid. */
  static RegisteredViews sixNoisyViews(long seed) {
    Random random = new Random(seed);
    List<Silhouette> silhouettes = new ArrayList<>();
    int[][] sizes = {{53, 37}, {41, 29}, {53, 31}, {47, 31}, {31, 37}, {29, 43}};
    for (View v : View.values()) {
      int[] s = sizes[v.ordinal()];
      Silhouette noisy = Silhouette.of(v, s[0], s[1], (c, r) -> c == 0 || r == 0 || c == s[0] - 1 || r == s[1] - 1
          ? c == r || c + r == s[0] - 1 : random.nextInt(10) > 0);
      silhouettes.add(noisy.cropped());
    }
    return ViewRegistration.register(silhouettes);
  }

  /** CarveTest.renderedAt150PxPerUnit: a pixel is inside when the solid meets the line through its centre. */
  static Silhouette renderedAt150PxPerUnit(UnitSolid solid, Extents extents, View view) {
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

  /** Differently shaped sets on grids of different sizes: odd sides, partial last words, a grid of one word. */
  static List<Carver.Item> mixedBatch() {
    Extents extents = new Extents(1.0, 0.6, 0.4);
    RegisteredViews noisy7 = ReconstructionFixtures.sixNoisyViews(7);
    RegisteredViews noisy3 = ReconstructionFixtures.sixNoisyViews(3);
    RegisteredViews box = ReconstructionFixtures.threeViews(ReconstructionFixtures.BOX, extents);
    RegisteredViews bracket = ReconstructionFixtures.threeViews(ReconstructionFixtures.L_BRACKET, extents);
    RegisteredViews plate = ReconstructionFixtures.threeViews(ReconstructionFixtures.PLATE_WITH_HOLE, new Extents(1, 1, 1));
    return List.of(
        new Carver.Item(noisy7, new GridSpec(37, 23, 29, noisy7.extents())),
        new Carver.Item(box, GridSpec.fitted(box.extents(), 48)),
        new Carver.Item(plate, new GridSpec(5, 3, 2, plate.extents())),
        new Carver.Item(bracket, GridSpec.fitted(bracket.extents(), 20)),
        new Carver.Item(noisy3, new GridSpec(64, 16, 9, noisy3.extents())),
        new Carver.Item(plate, GridSpec.fitted(plate.extents(), 40)));
  }
}
