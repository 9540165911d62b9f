package io.patent2tech.udfs.drawings.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Polygon;
import java.awt.geom.Path2D;

import org.junit.jupiter.api.Test;

import io.patent2tech.udfs.drawings.image.TextRegion.Kind;

/** Sheets drawn here with java.awt, so what the analysis must find is known exactly. */
class SyntheticDrawingsTest {

  @Test
  void aRectangleWithLabelNumeralLeadLineAndDashesBecomesTheFilledRectangle() {
    Canvas c = new Canvas(1200, 1000);
    c.frame(300, 200, 500, 400, 4);                       // the object: [300, 800) x [200, 600)
    c.text("FIG. 1", 440, 780, 64);
    c.text("10", 900, 300, 40);
    c.stroke(3).g.drawLine(890, 290, 798, 340);           // lead line from the numeral onto the outline
    for (int y = 150; y < 650; y += 32) {
      c.g.fillRect(150, y, 3, 20);                        // a dashed line beside the object
    }
    DrawingAnalysis a = DrawingAnalyzer.analyze(c.binary(), null);

    FilledOutline s = a.silhouette();
    assertThat(s).isNotNull();
    assertThat(Math.abs(s.box().minX() - 300)).isLessThanOrEqualTo(2);
    assertThat(Math.abs(s.box().minY() - 200)).isLessThanOrEqualTo(2);
    assertThat(Math.abs(s.box().maxX() - 799)).isLessThanOrEqualTo(2);
    assertThat(Math.abs(s.box().maxY() - 599)).isLessThanOrEqualTo(2);
    assertFilled(s, (x, y) -> distanceToRectEdge(x, y, 300, 200, 799, 599));

    assertThat(a.text(Kind.FIGURE_LABEL)).singleElement()
        .satisfies(t -> assertThat(c.textBox("FIG. 1", 440, 780, 64).grow(2).contains(t.box())).isTrue());
    Box numeral = c.textBox("10", 900, 300, 40);
    assertThat(a.text(Kind.REFERENCE)).singleElement()
        .satisfies(t -> assertThat(numeral.grow(2).contains(t.box())).isTrue());
    assertThat(a.brokenLines()).singleElement()
        .satisfies(b -> assertThat(b).isEqualTo(new Box(150, 150, 152, 649)));
    // gone from the drawing: label, numeral, dashes; the lead line is outside the silhouette
    assertThat(a.drawing().inkCount(new Box(400, 700, 700, 800))).isZero();
    assertThat(a.drawing().inkCount(numeral)).isZero();
    assertThat(a.drawing().inkCount(new Box(140, 140, 160, 660))).isZero();
    assertThat(s.box().maxX()).isLessThan(803);
  }

  @Test
  void aCircleOutlineBecomesAFilledDisc() {
    Canvas c = new Canvas(1000, 1000);
    c.stroke(4).g.drawOval(250, 200, 500, 500);            // centre (500, 450), radius 250 +- 2
    c.text("FIG. 2", 420, 860, 64);
    DrawingAnalysis a = DrawingAnalyzer.analyze(c.binary(), null);

    FilledOutline s = a.silhouette();
    assertThat(s).isNotNull();
    assertThat(s.box().width()).isBetween(500, 506);
    assertThat(s.box().height()).isBetween(500, 506);
    // the disc's edge is the stroke's outer edge, radius 252
    assertFilled(s, (x, y) -> Math.hypot(x - 500, y - 450) - 252);
    assertThat(a.text(Kind.FIGURE_LABEL)).hasSize(1);
  }

  @Test
  void boxesWithTextJoinedByArrowsAreAFlowchart() {
    Canvas c = new Canvas(1000, 1100);
    String[] steps = {"START", "READ", "CHECK", "STOP"};
    for (int i = 0; i < steps.length; i++) {
      int top = 80 + 220 * i;
      c.frame(300, top, 360, 120, 4);
      c.text(steps[i], 390, top + 75, 40);
      if (i + 1 < steps.length) {
        c.g.fillRect(478, top + 120, 4, 85);               // the arrow's shaft, from box to box
        c.g.fillPolygon(new Polygon(new int[] {465, 495, 480}, new int[] {top + 195, top + 195, top + 220}, 3));
      }
    }
    c.text("FIG. 3", 400, 1040, 64);
    DrawingAnalysis a = DrawingAnalyzer.analyze(c.binary(), null);

    assertThat(a.features().boxes()).isEqualTo(4);
    assertThat(a.features().textBoxes()).isEqualTo(4);
    assertThat(a.type()).isEqualTo(DrawingType.FLOWCHART);
    // the same drawing said to be a circuit diagram: the view text wins
    assertThat(DrawingAnalyzer.analyze(c.binary(), "FIG. 3 is a block diagram of the controller").type())
        .isEqualTo(DrawingType.SCHEMATIC);
  }

  @Test
  void axesWithTicksAndACurveAreAGraph() {
    Canvas c = new Canvas(1100, 900);
    c.g.fillRect(200, 100, 4, 600);                         // y axis
    c.g.fillRect(200, 700, 800, 4);                         // x axis
    for (int k = 0; k < 7; k++) {
      c.g.fillRect(300 + 100 * k, 704, 3, 15);               // ticks below the x axis
      c.g.fillRect(185, 150 + 80 * k, 15, 3);                // ticks left of the y axis
    }
    Path2D curve = new Path2D.Double();
    curve.moveTo(240, 650);
    for (int x = 240; x <= 960; x += 5) {
      curve.lineTo(x, 400 - 220 * Math.sin((x - 240) / 720.0 * 2 * Math.PI));
    }
    c.stroke(3).g.draw(curve);
    c.text("FIG. 4", 480, 840, 64);
    DrawingAnalysis a = DrawingAnalyzer.analyze(c.binary(), null);

    assertThat(a.features().axes()).isTrue();
    assertThat(a.features().curve()).isTrue();
    assertThat(a.features().ticks()).isEqualTo(7);
    assertThat(a.type()).isEqualTo(DrawingType.GRAPH);
  }

  @Test
  void aClosedFrameIsNotAPairOfAxes() {
    Canvas c = new Canvas(1100, 900);
    c.frame(200, 100, 800, 604, 4);
    Path2D curve = new Path2D.Double();
    curve.moveTo(240, 650);
    curve.curveTo(400, 100, 700, 600, 960, 200);
    c.stroke(3).g.draw(curve);
    DrawingAnalysis a = DrawingAnalyzer.analyze(c.binary(), null);

    assertThat(a.features().axes()).isFalse();
    assertThat(a.type()).isNotEqualTo(DrawingType.GRAPH);
  }

  @Test
  void numeralsOfOnesAreTextAndADottedCircleIsABrokenLine() {
    Canvas c = new Canvas(1000, 800);
    c.text("111", 100, 100, 40);
    c.text("1111", 100, 200, 40);
    for (int k = 0; k < 60; k++) {                           // 60 dots on a circle of radius 200
      double t = k * 2 * Math.PI / 60;
      c.g.fillOval((int) (600 + 200 * Math.cos(t)) - 3, (int) (400 + 200 * Math.sin(t)) - 3, 7, 7);
    }
    DrawingAnalysis a = DrawingAnalyzer.analyze(c.binary(), null);

    assertThat(a.brokenLines()).singleElement()
        .satisfies(b -> assertThat(b.grow(5).contains(new Box(400, 200, 800, 600))).isTrue());
    assertThat(a.text(Kind.REFERENCE)).hasSize(2);
    assertThat(a.drawing().inkCount()).isZero();
  }

  /** Signed distance of a sheet pixel from the expected shape's edge: negative inside. */
  @FunctionalInterface
  private interface Edge {
    double distance(int x, int y);
  }

  /** Every pixel more than 2 px inside the edge is in the silhouette, every one more than 2 px outside is not. */
  private static void assertFilled(FilledOutline s, Edge edge) {
    Box scan = s.box().grow(20);
    int wrong = 0;
    for (int y = scan.minY(); y <= scan.maxY(); y++) {
      for (int x = scan.minX(); x <= scan.maxX(); x++) {
        double d = edge.distance(x, y);
        if ((d < -2 && !s.inside(x, y)) || (d > 2 && s.inside(x, y))) {
          wrong++;
        }
      }
    }
    assertThat(wrong).as("pixels more than 2 px from the edge on the wrong side").isZero();
  }

  private static double distanceToRectEdge(int x, int y, int minX, int minY, int maxX, int maxY) {
    double dx = Math.max(minX - x, x - maxX);
    double dy = Math.max(minY - y, y - maxY);
    return Math.max(dx, dy);
  }
}
