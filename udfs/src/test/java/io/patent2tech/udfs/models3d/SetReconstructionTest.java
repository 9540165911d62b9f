package io.patent2tech.udfs.models3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.udfs.drawings.image.DrawingImages;
import io.patent2tech.udfs.drawings.image.ImageLimits;
import io.patent2tech.udfs.drawings.sheets.G4Tiff;
import io.patent2tech.udfs.drawings.sheets.SheetPainter;
import io.patent2tech.udfs.drawings.sheets.Solid;
import io.patent2tech.udfs.drawings.sheets.Solids;
import io.patent2tech.udfs.models3d.SetReconstruction.Outcome;
import io.patent2tech.udfs.models3d.SetReconstruction.ViewSheet;
import io.patent2tech.udfs.reconstruct.CpuCarver;
import io.patent2tech.udfs.reconstruct.CpuMarchingCubes;
import io.patent2tech.udfs.reconstruct.GridSpec;
import io.patent2tech.udfs.reconstruct.View;
import io.patent2tech.udfs.reconstruct.VoxelGrid;
import io.patent2tech.udfs.reconstruct.VoxelMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetReconstructionTest {

  /** Not symmetric from above or below: an L of two strips 0.3 wide, 0.3 thick, lying flat. */
  private static final Solid FLAT_L = Solids.flatLPlate(1.0, 0.8, 0.3, 0.3);

  @Test
  void theBottomViewAsDrawnInThirdAngleProjectionCarvesTheSolid() throws Exception {
    // the generator draws the bottom view turned about x (x left to right, the front at the top):
    // read the other way round, the L lands on the opposite corner and the hull is a quarter of it
    double bottomOnly = iou(List.of(View.FRONT, View.BOTTOM, View.RIGHT));
    double all = iou(List.of(View.FRONT, View.REAR, View.TOP, View.BOTTOM, View.LEFT, View.RIGHT));
    assertThat(bottomOnly).isGreaterThanOrEqualTo(0.97);
    assertThat(all).isGreaterThanOrEqualTo(0.97);
  }

  private static double iou(List<View> views) throws Exception {
    List<ViewSheet> sheets = new ArrayList<>();
    int figure = 2;
    for (View v : views) {
      io.patent2tech.udfs.drawings.sheets.View drawn = io.patent2tech.udfs.drawings.sheets.View.valueOf(v.name());
      SheetPainter.Sheet sheet = SheetPainter.paint(FLAT_L, drawn, figure, 990_000L + figure);
      figure++;
      sheets.add(new ViewSheet(v, DrawingImages.decode(G4Tiff.write(sheet.image), ImageLimits.DEFAULT).get(0),
          "FIG. " + figure + " is a " + drawn.phrase() + " thereof;"));
    }
    CpuCarver carver = new CpuCarver();
    Outcome outcome = SetReconstruction.reconstruct(sheets, new ReconstructionSettings(64, 0.25, 64), carver,
        new CpuMarchingCubes());
    assertThat(outcome.made()).as("made from %s", views).isTrue();
    GridSpec spec = outcome.grid();
    VoxelGrid truth = new VoxelGrid(spec);
    for (int z = 0; z < spec.nz(); z++) {
      for (int y = 0; y < spec.ny(); y++) {
        for (int x = 0; x < spec.nx(); x++) {
          truth.set(x, y, z, FLAT_L.inside((x + 0.5) / spec.nx() * FLAT_L.width(),
              (y + 0.5) / spec.ny() * FLAT_L.depth(), (z + 0.5) / spec.nz() * FLAT_L.height()));
        }
      }
    }
    return VoxelMetrics.intersectionOverUnion(carver.carve(outcome.views(), spec), truth);
  }
}
