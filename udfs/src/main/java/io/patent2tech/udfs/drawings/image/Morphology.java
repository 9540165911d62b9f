package io.patent2tech.udfs.drawings.image;

/**
 * Hole filling and opening on bit-packed images. Vertical steps combine whole rows 64 pixels at a
 * time; horizontal steps shrink or grow each row's runs.
 */
public final class Morphology {

  private Morphology() {}

  /**
   * The ink plus everything it encloses: background that cannot be reached from the image border
   * (4-connected, matching 8-connected ink, so a diagonal gap in an outline does not leak) becomes
   * ink. This is the flood fill of the background from the border, done by labelling the
   * background regions and keeping those that touch the border.
   */
  public static BinaryImage fillHoles(BinaryImage image) {
    ConnectedComponents background = ConnectedComponents.of4(image.inverted());
    int w = image.width();
    int h = image.height();
    boolean[] hole = new boolean[background.components().size()];
    for (Component c : background.components()) {
      Box b = c.box();
      hole[c.id()] = b.minX() > 0 && b.minY() > 0 && b.maxX() < w - 1 && b.maxY() < h - 1;
    }
    BinaryImage filled = background.paint(hole);
    long[] f = filled.words();
    long[] src = image.words();
    for (int i = 0; i < f.length; i++) {
      f[i] |= src[i];
    }
    return filled;
  }

  /**
   * Opening with a {@code (2r+1)} square: erosion then dilation. Removes every part narrower than
   * the square (strokes up to {@code 2r} pixels wide, thin protrusions) and keeps the rest exactly,
   * axis-aligned corners included. Pixels outside the image count as background.
   */
  public static BinaryImage open(BinaryImage image, int r) {
    return dilate(erode(image, r), r);
  }

  public static BinaryImage erode(BinaryImage image, int r) {
    int w = image.width();
    int h = image.height();
    int wpr = image.wordsPerRow();
    long[] src = image.words();
    BinaryImage vertical = new BinaryImage(w, h);
    long[] v = vertical.words();
    for (int y = r; y < h - r; y++) {
      for (int k = 0; k < wpr; k++) {
        long acc = -1L;
        for (int d = -r; d <= r && acc != 0; d++) {
          acc &= src[(y + d) * wpr + k];
        }
        v[y * wpr + k] = acc;
      }
    }
    BinaryImage out = new BinaryImage(w, h);
    for (int y = 0; y < h; y++) {
      int x = vertical.nextInk(y, 0);
      while (x >= 0) {
        int end = vertical.nextBackground(y, x);
        // a run touching the border shrinks from it too: outside is background
        out.fillRun(y, x + r, end - r);
        x = vertical.nextInk(y, end);
      }
    }
    return out;
  }

  public static BinaryImage dilate(BinaryImage image, int r) {
    int w = image.width();
    int h = image.height();
    int wpr = image.wordsPerRow();
    BinaryImage horizontal = new BinaryImage(w, h);
    for (int y = 0; y < h; y++) {
      int x = image.nextInk(y, 0);
      while (x >= 0) {
        int end = image.nextBackground(y, x);
        horizontal.fillRun(y, x - r, end + r);
        x = image.nextInk(y, end);
      }
    }
    long[] src = horizontal.words();
    BinaryImage out = new BinaryImage(w, h);
    long[] o = out.words();
    for (int y = 0; y < h; y++) {
      for (int k = 0; k < wpr; k++) {
        long acc = 0;
        for (int d = Math.max(-r, -y); d <= r && y + d < h; d++) {
          acc |= src[(y + d) * wpr + k];
        }
        o[y * wpr + k] = acc;
      }
    }
    return out;
  }
}
