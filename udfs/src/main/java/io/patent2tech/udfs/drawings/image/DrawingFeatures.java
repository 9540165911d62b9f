package io.patent2tech.udfs.drawings.image;

import java.util.ArrayList;
import java.util.List;

import io.patent2tech.udfs.drawings.image.TextRegion.Kind;

/**
 * The measurements {@link DrawingClassifier} decides on, taken from the drawing with its text,
 * broken lines and lead lines removed.
 *
 * @param content         box around the remaining drawing ink (null when there is none)
 * @param lineDensity     boundary pixels (ink with a background 4-neighbour) per pixel of
 *                        {@code content}: the binary counterpart of the seed's Canny edge density
 * @param circles         enclosed background regions that are round: width/height 0.8-1.25 and
 *                        filling 0.72-0.85 of their box (a disc fills pi/4 = 0.785), at least
 *                        {@code minGlyphHeight} across
 * @param horizontalLines straight horizontal lines at least {@code minLineLength} long
 * @param verticalLines   straight vertical lines at least {@code minLineLength} long
 * @param boxes           enclosed rectangular regions (filling 0.9 of their box, both sides at
 *                        least twice {@code minGlyphHeight})
 * @param textBoxes       boxes with a line of text inside
 * @param joinedBoxes     text boxes with a line attached to their frame, or a broken line or
 *                        separate stroke (an arrow) ending within {@code maxDashGap} of it
 * @param axes            a horizontal and a vertical line, each at least half the drawing's
 *                        width/height, meeting at their left/bottom ends, with no line closing
 *                        them into a frame
 * @param ticks           short strokes crossing the row below the horizontal axis (0 without axes)
 * @param curve           with axes: ink other than straight lines between them, at least half the
 *                        horizontal axis' length in pixels
 */
public record DrawingFeatures(Box content, double lineDensity, int circles, int horizontalLines,
                              int verticalLines, int boxes, int textBoxes, int joinedBoxes, boolean axes,
                              int ticks, boolean curve) {

  /** Features of an empty drawing. */
  static final DrawingFeatures EMPTY = new DrawingFeatures(null, 0, 0, 0, 0, 0, 0, 0, false, 0, false);

  public int straightLines() {
    return horizontalLines + verticalLines;
  }

  /**
   * @param drawing     the sheet's ink less text, broken lines and lead lines
   * @param text        the text found on the sheet
   * @param brokenLines boxes of the broken lines found (they connect boxes too)
   */
  public static DrawingFeatures of(BinaryImage drawing, List<TextRegion> text, List<Box> brokenLines,
                                   AnalysisSettings s) {
    Box content = drawing.inkBox();
    if (content == null) {
      return EMPTY;
    }
    double density = boundaryPixels(drawing) / (double) content.area();

    List<Box> horizontal = lines(drawing, s);
    List<Box> vertical = new ArrayList<>();
    for (Box b : lines(drawing.transposed(), s)) {
      vertical.add(new Box(b.minY(), b.minX(), b.maxY(), b.maxX()));
    }

    // enclosed background regions of the drawing: circles and boxes
    Box frame = content.grow(1);
    BinaryImage crop = drawing.crop(frame);
    ConnectedComponents background = ConnectedComponents.of4(crop.inverted());
    ConnectedComponents ink = ConnectedComponents.of(drawing);
    int circles = 0;
    int boxes = 0;
    int textBoxes = 0;
    int joined = 0;
    for (Component c : background.components()) {
      Box b = c.box();
      if (b.minX() == 0 || b.minY() == 0 || b.maxX() == crop.width() - 1 || b.maxY() == crop.height() - 1) {
        continue; // reaches the border: outside, not enclosed
      }
      Box hole = new Box(b.minX() + frame.minX(), b.minY() + frame.minY(), b.maxX() + frame.minX(),
          b.maxY() + frame.minY());
      double aspect = hole.width() / (double) hole.height();
      if (aspect >= 0.8 && aspect <= 1.25 && c.fill() >= 0.72 && c.fill() <= 0.85
          && hole.width() >= s.minGlyphHeight()) {
        circles++;
      } else if (c.fill() >= 0.9 && hole.width() >= 2 * s.minGlyphHeight() && hole.height() >= 2 * s.minGlyphHeight()) {
        boxes++;
        if (holdsText(hole, text)) {
          textBoxes++;
          if (joined(hole, ink, brokenLines, s)) {
            joined++;
          }
        }
      }
    }

    boolean axes = false;
    int ticks = 0;
    boolean curve = false;
    Box h = longest(horizontal, true);
    Box v = longest(vertical, false);
    int tol = 3 * s.maxStrokeWidth();
    if (h != null && v != null && h.width() >= content.width() / 2 && v.height() >= content.height() / 2
        && Math.abs(v.maxY() - h.centerY()) <= tol && Math.abs(v.centerX() - h.minX()) <= tol
        && !closes(horizontal, h, v.minY(), true, tol) && !closes(vertical, v, h.maxX(), false, tol)) {
      axes = true;
      int row = h.maxY() + 4;
      for (int x = h.minX() + tol; x <= h.maxX(); x++) {
        if (drawing.get(x, row) && !drawing.get(x - 1, row)) {
          ticks++;
        }
      }
      Box plot = new Box(v.maxX() + tol, v.minY(), h.maxX(), h.minY() - tol);
      if (plot.width() > 0 && plot.height() > 0) {
        BinaryImage straight = new BinaryImage(drawing.width(), drawing.height());
        for (Box b : horizontal) {
          straight.fillRect(b.minX(), b.minY(), b.maxX() + 1, b.maxY() + 1);
        }
        for (Box b : vertical) {
          straight.fillRect(b.minX(), b.minY(), b.maxX() + 1, b.maxY() + 1);
        }
        long plotInk = drawing.crop(plot).inkCount() - andCount(drawing.crop(plot), straight.crop(plot));
        curve = plotInk >= h.width() / 2;
      }
    }
    return new DrawingFeatures(content, density, circles, horizontal.size(), vertical.size(), boxes, textBoxes,
        joined, axes, ticks, curve);
  }

  /** Ink pixels with at least one background 4-neighbour, 64 at a time. */
  static long boundaryPixels(BinaryImage img) {
    long[] b = img.words();
    int wpr = img.wordsPerRow();
    int h = img.height();
    long n = 0;
    for (int y = 0; y < h; y++) {
      int row = y * wpr;
      for (int k = 0; k < wpr; k++) {
        long v = b[row + k];
        if (v == 0) {
          continue;
        }
        long up = y > 0 ? b[row - wpr + k] : 0;
        long down = y < h - 1 ? b[row + wpr + k] : 0;
        // MSB first: shifting right moves each pixel onto its right neighbour's place
        long left = (v >>> 1) | (k > 0 ? b[row + k - 1] << 63 : 0);
        long right = (v << 1) | (k + 1 < wpr ? b[row + k + 1] >>> 63 : 0);
        n += Long.bitCount(v & ~(up & down & left & right));
      }
    }
    return n;
  }

  /**
   * Horizontal straight lines: runs at least {@code minLineLength} long, stacked runs of the
   * following rows joined into one line; a stack thicker than twice {@code maxStrokeWidth} is a
   * filled area, not a line.
   */
  static List<Box> lines(BinaryImage img, AnalysisSettings s) {
    BinaryImage longRuns = new BinaryImage(img.width(), img.height());
    for (int y = 0; y < img.height(); y++) {
      int x = img.nextInk(y, 0);
      while (x >= 0) {
        int end = img.nextBackground(y, x);
        if (end - x >= s.minLineLength()) {
          longRuns.fillRun(y, x, end);
        }
        x = img.nextInk(y, end);
      }
    }
    List<Box> out = new ArrayList<>();
    for (Component c : ConnectedComponents.of(longRuns).components()) {
      if (c.box().height() <= 2 * s.maxStrokeWidth()) {
        out.add(c.box());
      }
    }
    return out;
  }

  private static Box longest(List<Box> lines, boolean horizontal) {
    Box best = null;
    for (Box b : lines) {
      if (best == null || (horizontal ? b.width() > best.width() : b.height() > best.height())) {
        best = b;
      }
    }
    return best;
  }

  /** Whether a second line of at least 0.8 the axis' length lies at {@code at}: the axes would be a frame. */
  private static boolean closes(List<Box> lines, Box axis, int at, boolean horizontal, int tol) {
    for (Box b : lines) {
      if (b == axis) {
        continue;
      }
      if (horizontal ? b.width() >= 0.8 * axis.width() && Math.abs(b.centerY() - at) <= tol
          : b.height() >= 0.8 * axis.height() && Math.abs(b.centerX() - at) <= tol) {
        return true;
      }
    }
    return false;
  }

  private static boolean holdsText(Box hole, List<TextRegion> text) {
    for (TextRegion t : text) {
      if (t.kind() != Kind.FIGURE_LABEL && hole.contains(t.box())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether something leaves the box: its frame reaches out further than a frame would (a line
   * drawn on from it), or a separate stroke or broken line ends near the frame.
   */
  private static boolean joined(Box hole, ConnectedComponents ink, List<Box> brokenLines, AnalysisSettings s) {
    int frameId = -1;
    int y = (int) hole.centerY();
    for (int d = 1; d <= s.maxStrokeWidth() + 1 && frameId < 0; d++) {
      frameId = ink.labelAt(hole.minX() - d, y);
    }
    if (frameId < 0) {
      return false;
    }
    Box frameBox = ink.components().get(frameId).box();
    Box plainFrame = hole.grow(2 * s.maxStrokeWidth());
    if (!plainFrame.contains(frameBox)) {
      return true;
    }
    Box near = frameBox.grow(s.maxDashGap());
    for (Box b : brokenLines) {
      if (near.intersects(b)) {
        return true;
      }
    }
    for (Component c : ink.components()) {
      if (c.id() != frameId && c.elongation() >= 4 && near.intersects(c.box()) && !c.box().contains(frameBox)) {
        return true;
      }
    }
    return false;
  }

  private static long andCount(BinaryImage a, BinaryImage b) {
    long n = 0;
    long[] x = a.words();
    long[] y = b.words();
    for (int i = 0; i < x.length; i++) {
      n += Long.bitCount(x[i] & y[i]);
    }
    return n;
  }
}
