package io.patent2tech.udfs.drawings.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.patent2tech.udfs.drawings.image.TextRegion.Kind;

/**
 * The analysis on the two real EPO pages of EP 2400812 A1. Positions were read off a downscaled
 * rendering of each page (what is on them: PROVENANCE.md next to the files).
 */
class EpoSheetAnalysisTest {

  /** The description's sentence for Fig 1 (get_description_response.xml of the same document). */
  private static final String FIG1_VIEW_TEXT =
      "Figure 1 illustrates a schematic diagram of a Bluetooth communication device according to an embodiment of the invention";

  private static BinaryImage sheet;
  private static BinaryImage frontPage;

  @BeforeAll
  static void decode() throws Exception {
    sheet = EpoSheets.page(EpoSheets.SHEET);
    frontPage = EpoSheets.page(EpoSheets.FRONT_PAGE);
  }

  @Test
  void theThreeFigLabelsOfTheDrawingSheetAreFoundAndDropped() {
    DrawingAnalysis a = DrawingAnalyzer.analyze(sheet, null);
    List<Box> labels = a.text(Kind.FIGURE_LABEL).stream().map(TextRegion::box).toList();
    // "Fig 1" under the device, "Fig 2" under the piconets, "Fig 3A" under the nodes
    assertThat(labels).hasSize(3);
    assertThat(labels).anySatisfy(b -> near(b, 1144, 1103, 1308, 1181));
    assertThat(labels).anySatisfy(b -> near(b, 1126, 2024, 1300, 2103));
    assertThat(labels).anySatisfy(b -> near(b, 1079, 2785, 1314, 2863));
    for (Box b : labels) {
      assertThat(sheet.inkCount(b)).as("ink of the label on the sheet").isGreaterThan(2000);
      assertThat(a.drawing().inkCount(b)).as("ink of the label left in the drawing").isZero();
    }
    // the page number "11" and reference numerals such as 100 are text too, but not labels
    assertThat(a.text(Kind.REFERENCE)).anySatisfy(t -> near(t.box(), 1250, 3356, 1282, 3381));
    assertThat(a.text(Kind.REFERENCE)).anySatisfy(t -> near(t.box(), 1118, 413, 1174, 453));
  }

  @Test
  void theSilhouetteOfTheDrawingSheetIsFig1sFilledFrame() {
    FilledOutline s = DrawingAnalyzer.analyze(sheet, null).silhouette();
    // device 100: the largest outline on the sheet, a rectangle around the transceivers and bus
    assertThat(s).isNotNull();
    near(s.box(), 572, 501, 1908, 980);
    assertThat(s.area()).isGreaterThan((long) (0.98 * s.box().area()));
  }

  @Test
  void theDrawingSheetIsBoxesWithTextJoinedByLinesUnlessTheViewTextSaysSchematic() {
    DrawingAnalysis byImage = DrawingAnalyzer.analyze(sheet, null);
    // block diagrams look like flowcharts: boxes with text in them, joined by lines and arrows
    assertThat(byImage.features().textBoxes()).isGreaterThanOrEqualTo(15);
    assertThat(byImage.features().axes()).isFalse();
    assertThat(byImage.type()).isEqualTo(DrawingType.FLOWCHART);
    // the applicant calls Fig 1 a schematic diagram
    assertThat(DrawingAnalyzer.analyze(sheet, FIG1_VIEW_TEXT).type()).isEqualTo(DrawingType.SCHEMATIC);
  }

  @Test
  void theFrontPageFig1IsFoundBelowTheAbstract() {
    DrawingAnalysis a = DrawingAnalyzer.analyze(frontPage, FIG1_VIEW_TEXT);
    assertThat(a.text(Kind.FIGURE_LABEL)).singleElement().satisfies(t -> near(t.box(), 1162, 2776, 1326, 2854));
    // the table rules above it are larger but enclose nothing; the silhouette is Fig 1's frame,
    // the same 1337 x 480 rectangle as on the drawing sheet
    FilledOutline s = a.silhouette();
    assertThat(s).isNotNull();
    near(s.box(), 590, 2174, 1926, 2653);
    assertThat(a.type()).isEqualTo(DrawingType.SCHEMATIC);
    // the abstract's and the bibliography's text is gone from the drawing: a strip of the abstract
    assertThat(frontPage.inkCount(new Box(300, 1720, 2300, 1760))).isGreaterThan(5000);
    assertThat(a.drawing().inkCount(new Box(300, 1720, 2300, 1760))).isLessThan(200);
  }

  @Test
  void aSheetIsAnalysedQuickly() {
    DrawingAnalyzer.analyze(sheet, null); // warm-up
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      DrawingAnalyzer.analyze(sheet, null);
      best = Math.min(best, System.nanoTime() - t);
    }
    // measured, not asserted: timing depends on the machine's load
    System.out.printf("drawings.image: analysed a 2592x3508 EPO sheet in %.1f ms (best of 3, warm)%n", best / 1e6);
    assertThat(best).isPositive();
  }

  private static void near(Box b, int minX, int minY, int maxX, int maxY) {
    int tol = 15;
    assertThat(Math.abs(b.minX() - minX)).as("%s minX", b).isLessThanOrEqualTo(tol);
    assertThat(Math.abs(b.minY() - minY)).as("%s minY", b).isLessThanOrEqualTo(tol);
    assertThat(Math.abs(b.maxX() - maxX)).as("%s maxX", b).isLessThanOrEqualTo(tol);
    assertThat(Math.abs(b.maxY() - maxY)).as("%s maxY", b).isLessThanOrEqualTo(tol);
  }
}
