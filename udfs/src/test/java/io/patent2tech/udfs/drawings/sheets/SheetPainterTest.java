package io.patent2tech.udfs.drawings.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

import org.junit.jupiter.api.Test;

class SheetPainterTest {

  private static final double S = SheetPainter.OBJECT_SIZE; // pixels per unit: longest side 1

  @Test
  void frontOutlineOfABoxEnclosesItsProjectedArea() {
    assertFilledFrontArea(Solids.box(1.0, 0.6, 0.4), 1.0 * 0.4);
  }

  @Test
  void frontOutlineOfAnLBracketEnclosesTheL() {
    assertFilledFrontArea(Solids.lBracket(1.0, 0.5, 0.8, 0.2), 1.0 * 0.2 + 0.2 * 0.6);
  }

  @Test
  void frontOutlineOfAHorizontalCylinderEnclosesItsCircle() {
    assertFilledFrontArea(Solids.horizontalCylinder(0.35, 1.0), Math.PI * 0.35 * 0.35);
  }

  @Test
  void aBlindPocketIsDrawnInsideTheFrontViewButLeavesTheSilhouetteWhole() {
    Solid block = Solids.pocketBlock(1.0, 0.6, 0.6, 0.3);
    SheetPainter.Sheet sheet = SheetPainter.paint(block, View.FRONT, 2, 1L);
    assertThat(filledArea(sheet) / (S * S)).isCloseTo(0.6, within(0.6 * 0.02));
    // the pocket's rim: x from 0.3 to 0.7, z from 0.18 to 0.42 -> a line at x = 0.3 halfway up
    Rectangle b = sheet.objectBounds;
    int x = b.x + (int) Math.round(0.3 * S);
    int y = b.y + b.height - (int) Math.round(0.3 * S);
    assertThat(blackNear(sheet.image, x, y, 2)).as("pocket rim line").isTrue();
    assertThat(blackNear(sheet.image, b.x + (int) (0.15 * S), y, 5)).as("plain front face").isFalse();
  }

  @Test
  void linesAreThreePixelsWide() {
    SheetPainter.Sheet sheet = SheetPainter.paint(Solids.box(1.0, 0.6, 0.4), View.FRONT, 2, 1L);
    Raster r = sheet.image.getRaster();
    int y = sheet.objectBounds.y + sheet.objectBounds.height / 2;
    int run = 0;
    for (int x = sheet.objectBounds.x - 10; x < sheet.objectBounds.x + 10; x++) {
      if (r.getSample(x, y, 0) == 0) {
        run++;
      }
    }
    assertThat(run).isEqualTo(3);
  }

  @Test
  void aSheetIsUsLetterAt300DpiWithTheObjectAbout1600PixelsAcross() {
    SheetPainter.Sheet sheet = SheetPainter.paint(Solids.lBracket(1.0, 0.5, 0.8, 0.2), View.PERSPECTIVE, 1, 1L);
    assertThat(sheet.image.getWidth()).isEqualTo(2550);
    assertThat(sheet.image.getHeight()).isEqualTo(3300);
    assertThat(Math.max(sheet.objectBounds.width, sheet.objectBounds.height)).isBetween(1590, 1610);
    // the label and numerals are drawn outside the object: black pixels below it, where "FIG. 1" goes
    int below = 0;
    Raster r = sheet.image.getRaster();
    for (int y = sheet.objectBounds.y + sheet.objectBounds.height + 20; y < 3300; y++) {
      for (int x = 1000; x < 1550; x++) {
        if (r.getSample(x, y, 0) == 0) {
          below++;
        }
      }
    }
    assertThat(below).as("black pixels of the label and the dashed ground under the object").isGreaterThan(500);
  }

  @Test
  void theBrokenGroundLineKeepsClearOfTheObject() {
    SheetPainter.Sheet sheet = SheetPainter.paint(Solids.box(1.0, 0.6, 0.4), View.FRONT, 2, 1L);
    Raster r = sheet.image.getRaster();
    Rectangle b = sheet.objectBounds;
    int ground = b.y + b.height - 1; // z = 0: the bottom row of the silhouette
    assertThat(sheet.silhouetteAt(b.x + 5, ground)).isTrue();
    assertThat(sheet.silhouetteAt(b.x - 5, ground)).isFalse();
    int gap = 0;
    for (int x = b.x - SheetPainter.ENVIRONMENT_CLEARANCE + 2; x < b.x - 2; x++) {
      for (int y = ground - 2; y <= ground + 2; y++) {
        gap += r.getSample(x, y, 0) == 0 ? 1 : 0;
      }
    }
    assertThat(gap).as("black pixels in the clearance left of the object").isZero();
    int dashes = 0;
    int runs = 0;
    boolean inDash = false;
    for (int x = b.x - 380; x < b.x - SheetPainter.ENVIRONMENT_CLEARANCE; x++) {
      boolean black = r.getSample(x, ground, 0) == 0 || r.getSample(x, ground + 1, 0) == 0
          || r.getSample(x, ground - 1, 0) == 0;
      dashes += black ? 1 : 0;
      if (black && !inDash) {
        runs++;
      }
      inDash = black;
    }
    assertThat(runs).as("dashes of the broken ground line").isGreaterThanOrEqualTo(5);
    assertThat(dashes).as("a broken line is not solid").isLessThan(356 * 3 / 4);
  }

  @Test
  void worldPointsMapOntoTheSheetAtTheSharedScale() {
    Solid l = Solids.lBracket(1.0, 0.5, 0.8, 0.2);
    SheetPainter.Sheet front = SheetPainter.paint(l, View.FRONT, 2, 1L);
    Rectangle b = front.objectBounds;
    assertThat(front.toSheet(0, 0, 0)).containsExactly(b.x, b.y + b.height);
    assertThat(front.toSheet(1.0, 0.3, 0.8)).containsExactly(b.x + b.width, b.y);
    assertThat(front.scale).isEqualTo(S);
    SheetPainter.Sheet right = SheetPainter.paint(l, View.RIGHT, 5, 1L);
    double[] frontCorner = right.toSheet(0.7, 0, 0.8); // front top: the right view's top left corner
    assertThat(frontCorner).containsExactly(right.objectBounds.x, right.objectBounds.y);
  }

  @Test
  void theSilhouetteGroundTruthHasTheDrillHolesOpening() {
    SheetPainter.Sheet top = SheetPainter.paint(Solids.drilledPlate(1.0, 0.7, 0.15, 0.15), View.TOP, 6, 1L);
    Rectangle b = top.objectBounds;
    assertThat(top.silhouetteAt(b.x + b.width / 2, b.y + b.height / 2)).as("the hole's centre").isFalse();
    assertThat(top.silhouetteAt(b.x + 20, b.y + 20)).isTrue();
    double plate = 1.0 * 0.7 - Math.PI * 0.15 * 0.15;
    assertThat(top.silhouettePixels / (S * S)).isCloseTo(plate, within(plate * 0.01));
    // filling the drawn outline closes the hole
    assertThat(filledArea(top) / (S * S)).isCloseTo(0.7, within(0.7 * 0.02));
  }

  /** Fills the drawn outline (everything the border's white cannot reach) and compares areas. */
  private static void assertFilledFrontArea(Solid solid, double projectedArea) {
    SheetPainter.Sheet sheet = SheetPainter.paint(solid, View.FRONT, 2, 3L);
    double filled = filledArea(sheet) / (S * S);
    assertThat(filled).as("%s: filled outline in units^2", solid.id()).isCloseTo(projectedArea, within(projectedArea * 0.02));
  }

  /** Pixels in the object's bounding box (plus 3) that a flood fill of white from the sheet's border does not reach. */
  static int filledArea(SheetPainter.Sheet sheet) {
    boolean[] outside = outside(sheet.image);
    Rectangle b = sheet.objectBounds;
    int w = sheet.image.getWidth();
    int n = 0;
    for (int y = b.y - 3; y < b.y + b.height + 3; y++) {
      for (int x = b.x - 3; x < b.x + b.width + 3; x++) {
        if (!outside[y * w + x]) {
          n++;
        }
      }
    }
    return n;
  }

  /** White pixels 4-connected to the image border. */
  static boolean[] outside(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    Raster r = image.getRaster();
    boolean[] white = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        white[y * w + x] = r.getSample(x, y, 0) != 0;
      }
    }
    boolean[] seen = new boolean[w * h];
    int[] queue = new int[w * h];
    int head = 0;
    int tail = 0;
    for (int x = 0; x < w; x++) {
      for (int y : new int[] {0, h - 1}) {
        int p = y * w + x;
        if (white[p] && !seen[p]) {
          seen[p] = true;
          queue[tail++] = p;
        }
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x : new int[] {0, w - 1}) {
        int p = y * w + x;
        if (white[p] && !seen[p]) {
          seen[p] = true;
          queue[tail++] = p;
        }
      }
    }
    while (head < tail) {
      int p = queue[head++];
      int x = p % w;
      int[] next = {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, p - w, p + w};
      for (int q : next) {
        if (q >= 0 && q < w * h && white[q] && !seen[q]) {
          seen[q] = true;
          queue[tail++] = q;
        }
      }
    }
    return seen;
  }

  private static boolean blackNear(BufferedImage image, int x, int y, int radius) {
    Raster r = image.getRaster();
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        if (r.getSample(x + dx, y + dy, 0) == 0) {
          return true;
        }
      }
    }
    return false;
  }
}
