package io.patent2tech.udfs.drawings.sheets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lays out one figure on one US-letter drawing sheet at 300 dpi (2550 x 3300 pixels), black on
 * white, as a design patent's drawing sheet: the object's visible edges (3 px lines, the object
 * about 1600 px across), broken (dashed) environment lines that keep clear of the object, 1-3
 * reference numerals with thin lead lines that touch the object's outline from outside its bounding
 * box, and "FIG. n" centred under the object. Everything random comes from a seeded {@link Random},
 * so a sheet is the same bits on every run.
 */
public final class SheetPainter {

  /** US letter at 300 dpi. */
  public static final int SHEET_WIDTH = 2550;
  public static final int SHEET_HEIGHT = 3300;
  public static final int DPI = 300;
  /** The object's longest projected side, in pixels. */
  public static final int OBJECT_SIZE = 1600;
  /** Object lines are 2*LINE_HALF_WIDTH+1 = 3 pixels wide. */
  static final int LINE_HALF_WIDTH = 1;
  /** Environment lines keep this many pixels away from the object's silhouette. */
  static final int ENVIRONMENT_CLEARANCE = 24;
  private static final int CENTRE_X = SHEET_WIDTH / 2;
  private static final int CENTRE_Y = 1450;

  private SheetPainter() {}

  /** One drawn sheet and where its object lies. */
  public static final class Sheet {
    /** TYPE_BYTE_BINARY, 0 = black, 1 = white. */
    public final BufferedImage image;
    public final int figure;
    public final View view;
    /** The bounding box of the object's silhouette on the sheet. */
    public final Rectangle objectBounds;
    /** Pixels of the object's true silhouette (what the outline encloses, see-through holes excluded). */
    public final int silhouettePixels;
    /** Pixels per unit of the solid. */
    public final double scale;
    private final boolean[] silhouette;
    private final Rectangle silhouetteArea;
    private final LineRenderer.Render render;

    Sheet(BufferedImage image, int figure, View view, Rectangle objectBounds, int silhouettePixels,
        double scale, LineRenderer.Render render, Rectangle silhouetteArea) {
      this.image = image;
      this.figure = figure;
      this.view = view;
      this.objectBounds = objectBounds;
      this.silhouettePixels = silhouettePixels;
      this.scale = scale;
      this.silhouette = render.silhouette;
      this.silhouetteArea = silhouetteArea;
      this.render = render;
    }

    /**
     * Where a point of the solid lands on the sheet: {x, y} in pixels (continuous; pixel (i, j)
     * covers [i, i+1) x [j, j+1)). For the FRONT view that is {@code objectBounds.x + x * scale,
     * objectBounds.y + (height - z) * scale}.
     */
    public double[] toSheet(double x, double y, double z) {
      double[] p = render.toPixel(x, y, z);
      return new double[] {silhouetteArea.x + p[0], silhouetteArea.y + p[1]};
    }

    /**
     * The true silhouette at sheet pixel (x, y): the object covers the pixel's centre (see-through
     * holes are not covered). Ground truth for silhouette extraction.
     */
    public boolean silhouetteAt(int x, int y) {
      if (!silhouetteArea.contains(x, y)) {
        return false;
      }
      return silhouette[(y - silhouetteArea.y) * silhouetteArea.width + (x - silhouetteArea.x)];
    }
  }

  /**
   * The scale (pixels per unit) of a view: orthographic views of a solid share one scale (its
   * longest side is {@link #OBJECT_SIZE} pixels) so they register; the perspective view fits its own
   * projection into the same size.
   */
  public static double scale(Solid solid, View view) {
    if (view.orthographic()) {
      return OBJECT_SIZE / solid.longestSide();
    }
    double[] r = view.right();
    double[] u = view.up();
    double uMin = Double.POSITIVE_INFINITY;
    double uMax = Double.NEGATIVE_INFINITY;
    double vMin = Double.POSITIVE_INFINITY;
    double vMax = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < 8; c++) {
      double[] p = corner(solid, c);
      double a = p[0] * r[0] + p[1] * r[1] + p[2] * r[2];
      double b = p[0] * u[0] + p[1] * u[1] + p[2] * u[2];
      uMin = Math.min(uMin, a);
      uMax = Math.max(uMax, a);
      vMin = Math.min(vMin, b);
      vMax = Math.max(vMax, b);
    }
    return OBJECT_SIZE / Math.max(uMax - uMin, vMax - vMin);
  }

  /**
   * Paints figure {@code figure} showing {@code solid} in {@code view}.
   *
   * @param seed fixes the numerals' placement (use the same seed for the same sheet)
   */
  public static Sheet paint(Solid solid, View view, int figure, long seed) {
    double scale = scale(solid, view);
    LineRenderer.Render render = LineRenderer.render(solid, view, scale, LINE_HALF_WIDTH);
    BufferedImage sheet = new BufferedImage(SHEET_WIDTH, SHEET_HEIGHT, BufferedImage.TYPE_BYTE_BINARY);
    WritableRaster raster = sheet.getRaster();
    Graphics2D g = sheet.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, SHEET_WIDTH, SHEET_HEIGHT);
    g.setColor(Color.BLACK);

    int ox = CENTRE_X - render.width / 2;
    int oy = CENTRE_Y - render.height / 2;
    Rectangle bounds = silhouetteBounds(render, ox, oy);

    // environment: broken lines, clipped to keep ENVIRONMENT_CLEARANCE pixels from the silhouette
    BufferedImage env = new BufferedImage(SHEET_WIDTH, SHEET_HEIGHT, BufferedImage.TYPE_BYTE_BINARY);
    Graphics2D ge = env.createGraphics();
    ge.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    ge.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    ge.setColor(Color.WHITE);
    ge.setStroke(new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {30f, 18f}, 0f));
    Path2D path = environment(solid, view, render, ox, oy);
    int below = bounds.y + bounds.height;
    if (path != null) {
      ge.draw(path);
      below = Math.max(below, path.getBounds().y + path.getBounds().height - 60);
    }
    ge.dispose();
    boolean[] keepOut = LineRenderer.dilate(render.silhouette, render.width, render.height, ENVIRONMENT_CLEARANCE);
    WritableRaster envRaster = env.getRaster();
    for (int y = 0; y < SHEET_HEIGHT; y++) {
      for (int x = 0; x < SHEET_WIDTH; x++) {
        if (envRaster.getSample(x, y, 0) == 0) {
          continue; // env canvas starts black (0) and the dashes are drawn white (1)
        }
        int c = x - ox;
        int r = y - oy;
        boolean near = c >= 0 && r >= 0 && c < render.width && r < render.height && keepOut[r * render.width + c];
        if (!near) {
          raster.setSample(x, y, 0, 0);
        }
      }
    }

    // the object's lines
    for (int r = 0; r < render.height; r++) {
      for (int c = 0; c < render.width; c++) {
        if (render.lines[r * render.width + c]) {
          raster.setSample(ox + c, oy + r, 0, 0);
        }
      }
    }

    // reference numerals with thin lead lines touching the outline from outside the bounding box
    Random rnd = new Random(seed);
    int count = 1 + rnd.nextInt(3);
    List<Integer> sides = new ArrayList<>(List.of(0, 1, 2)); // 0 left, 1 top, 2 right
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 48));
    FontMetrics fm = g.getFontMetrics();
    for (int k = 0; k < count; k++) {
      int side = sides.remove(rnd.nextInt(sides.size()));
      int[] target = outlinePoint(render, side, rnd);
      int tx = ox + target[0];
      int ty = oy + target[1];
      String numeral = Integer.toString(10 + 2 * k);
      int sx;
      int sy;
      int ex = tx;
      int ey = ty;
      int textX;
      int textY;
      if (side == 0) {
        sx = tx - 150 - rnd.nextInt(80);
        sy = ty - 60 - rnd.nextInt(90);
        ex = tx - LINE_HALF_WIDTH;
        textX = sx - 10 - fm.stringWidth(numeral);
        textY = sy + fm.getAscent() / 3;
      } else if (side == 2) {
        sx = tx + 150 + rnd.nextInt(80);
        sy = ty - 60 - rnd.nextInt(90);
        ex = tx + LINE_HALF_WIDTH;
        textX = sx + 10;
        textY = sy + fm.getAscent() / 3;
      } else {
        sx = tx + 60 + rnd.nextInt(90);
        sy = ty - 150 - rnd.nextInt(80);
        ey = ty - LINE_HALF_WIDTH;
        textX = sx - fm.stringWidth(numeral) / 2;
        textY = sy - 12;
      }
      g.setStroke(new BasicStroke(2f));
      g.drawLine(sx, sy, ex, ey);
      g.drawString(numeral, textX, textY);
    }

    // "FIG. n" under the object and its environment
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 60));
    fm = g.getFontMetrics();
    String label = "FIG. " + figure;
    g.drawString(label, CENTRE_X - fm.stringWidth(label) / 2, below + 190);
    g.dispose();
    return new Sheet(sheet, figure, view, bounds, render.silhouetteArea(), scale, render,
        new Rectangle(ox, oy, render.width, render.height));
  }

  /** The dashed environment: the surface the object stands on (none in the bottom view). */
  private static Path2D environment(Solid solid, View view, LineRenderer.Render render, int ox, int oy) {
    double m = 0.25 * solid.longestSide();
    double w = solid.width();
    double d = solid.depth();
    double[][] pts;
    boolean closed;
    switch (view) {
      case FRONT:
      case REAR:
        pts = new double[][] {{-m, 0, 0}, {w + m, 0, 0}};
        closed = false;
        break;
      case LEFT:
      case RIGHT:
        pts = new double[][] {{0, -m, 0}, {0, d + m, 0}};
        closed = false;
        break;
      case TOP:
      case PERSPECTIVE:
        pts = new double[][] {{-m, -m, 0}, {w + m, -m, 0}, {w + m, d + m, 0}, {-m, d + m, 0}};
        closed = true;
        break;
      default:
        return null;
    }
    Path2D.Double path = new Path2D.Double();
    for (int i = 0; i < pts.length; i++) {
      double[] p = render.toPixel(pts[i][0], pts[i][1], pts[i][2]);
      if (i == 0) {
        path.moveTo(ox + p[0], oy + p[1]);
      } else {
        path.lineTo(ox + p[0], oy + p[1]);
      }
    }
    if (closed) {
      path.closePath();
    }
    return path;
  }

  /** A silhouette pixel on the bounding box's left (0), top (1) or right (2) side, away from the corners. */
  private static int[] outlinePoint(LineRenderer.Render render, int side, Random rnd) {
    int w = render.width;
    int h = render.height;
    List<int[]> candidates = new ArrayList<>();
    if (side == 1) {
      int top = -1;
      for (int r = 0; r < h && top < 0; r++) {
        for (int c = 0; c < w; c++) {
          if (render.silhouette[r * w + c]) {
            top = r;
            break;
          }
        }
      }
      for (int c = 0; c < w; c++) {
        if (render.silhouette[top * w + c]) {
          candidates.add(new int[] {c, top});
        }
      }
    } else {
      int best = side == 0 ? Integer.MAX_VALUE : -1;
      for (int r = 0; r < h; r++) {
        for (int c = 0; c < w; c++) {
          if (render.silhouette[r * w + c]) {
            best = side == 0 ? Math.min(best, c) : Math.max(best, c);
          }
        }
      }
      for (int r = 0; r < h; r++) {
        if (render.silhouette[r * w + best]) {
          candidates.add(new int[] {best, r});
        }
      }
    }
    int n = candidates.size();
    int from = n / 4;
    int span = Math.max(1, n / 2);
    return candidates.get(Math.min(n - 1, from + rnd.nextInt(span)));
  }

  private static Rectangle silhouetteBounds(LineRenderer.Render render, int ox, int oy) {
    int minC = Integer.MAX_VALUE;
    int minR = Integer.MAX_VALUE;
    int maxC = -1;
    int maxR = -1;
    for (int r = 0; r < render.height; r++) {
      for (int c = 0; c < render.width; c++) {
        if (render.silhouette[r * render.width + c]) {
          minC = Math.min(minC, c);
          maxC = Math.max(maxC, c);
          minR = Math.min(minR, r);
          maxR = Math.max(maxR, r);
        }
      }
    }
    return new Rectangle(ox + minC, oy + minR, maxC - minC + 1, maxR - minR + 1);
  }

  private static double[] corner(Solid s, int c) {
    return new double[] {(c & 1) == 0 ? 0 : s.width(), (c & 2) == 0 ? 0 : s.depth(), (c & 4) == 0 ? 0 : s.height()};
  }
}
