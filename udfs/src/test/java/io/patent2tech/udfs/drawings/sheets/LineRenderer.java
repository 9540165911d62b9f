package io.patent2tech.udfs.drawings.sheets;

import java.util.List;

/**
 * Draws a solid's visible edges in one view: one orthographic ray per pixel ({@link Csg#spans}) gives
 * the first surface hit, its depth and normal; a visible edge is where neighbouring pixels change
 * from background to object (the silhouette), jump in depth more than the surface slope explains
 * (an occluding edge: step edges, a pocket's rim, a hole seen end-on) or turn their normal by more
 * than 20 degrees (a crease). Hidden edges are never drawn, as in design patents. Edges are one
 * pixel wide, then dilated to {@code 2*halfWidth+1} pixels.
 */
final class LineRenderer {

  private static final double CREASE_COS = Math.cos(Math.toRadians(20));
  private static final double MAX_SLOPE = 50;
  /** Background margin around the object in a render: room for the clearance of environment lines. */
  static final int PAD = 40;

  private LineRenderer() {}

  /** One view of one solid, in pixels. */
  static final class Render {
    final int width;
    final int height;
    final double scale;
    final boolean[] silhouette;
    final boolean[] lines;
    private final double uMin;
    private final double vMax;
    private final int pad;
    private final double[] right;
    private final double[] up;

    Render(int width, int height, double scale, boolean[] silhouette, boolean[] lines, double uMin,
        double vMax, int pad, double[] right, double[] up) {
      this.width = width;
      this.height = height;
      this.scale = scale;
      this.silhouette = silhouette;
      this.lines = lines;
      this.uMin = uMin;
      this.vMax = vMax;
      this.pad = pad;
      this.right = right;
      this.up = up;
    }

    /** Column and row (pixel units, continuous) of a world point. */
    double[] toPixel(double x, double y, double z) {
      double u = x * right[0] + y * right[1] + z * right[2];
      double v = x * up[0] + y * up[1] + z * up[2];
      return new double[] {pad + (u - uMin) * scale, pad + (vMax - v) * scale};
    }

    int silhouetteArea() {
      int n = 0;
      for (boolean b : silhouette) {
        if (b) {
          n++;
        }
      }
      return n;
    }
  }

  /**
   * @param scale     pixels per unit of the solid
   * @param halfWidth lines are 2*halfWidth+1 pixels wide
   */
  static Render render(Solid solid, View view, double scale, int halfWidth) {
    double[] dir = view.direction();
    double[] right = view.right();
    double[] up = view.up();
    double uMin = Double.POSITIVE_INFINITY;
    double uMax = Double.NEGATIVE_INFINITY;
    double vMin = Double.POSITIVE_INFINITY;
    double vMax = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < 8; c++) {
      double x = (c & 1) == 0 ? 0 : solid.width();
      double y = (c & 2) == 0 ? 0 : solid.depth();
      double z = (c & 4) == 0 ? 0 : solid.height();
      double u = x * right[0] + y * right[1] + z * right[2];
      double v = x * up[0] + y * up[1] + z * up[2];
      uMin = Math.min(uMin, u);
      uMax = Math.max(uMax, u);
      vMin = Math.min(vMin, v);
      vMax = Math.max(vMax, v);
    }
    int pad = halfWidth + PAD;
    int w = (int) Math.ceil((uMax - uMin) * scale - 1e-9) + 2 * pad;
    int h = (int) Math.ceil((vMax - vMin) * scale - 1e-9) + 2 * pad;
    int n = w * h;
    boolean[] hit = new boolean[n];
    double[] depth = new double[n];
    float[] normal = new float[3 * n];
    float[] slope = new float[n];
    double back = 4 * solid.longestSide() + 4;
    double[] o = new double[3];
    for (int r = 0; r < h; r++) {
      double v = vMax - (r - pad + 0.5) / scale;
      for (int c = 0; c < w; c++) {
        double u = uMin + (c - pad + 0.5) / scale;
        for (int a = 0; a < 3; a++) {
          o[a] = u * right[a] + v * up[a] - back * dir[a];
        }
        List<Csg.Span> spans = solid.shape().spans(o, dir);
        int i = r * w + c;
        for (Csg.Span s : spans) {
          if (s.t0 > 0) {
            hit[i] = true;
            depth[i] = s.t0;
            normal[3 * i] = (float) s.n0[0];
            normal[3 * i + 1] = (float) s.n0[1];
            normal[3 * i + 2] = (float) s.n0[2];
            double cos = Math.abs(s.n0[0] * dir[0] + s.n0[1] * dir[1] + s.n0[2] * dir[2]);
            slope[i] = (float) Math.min(MAX_SLOPE, Math.sqrt(Math.max(0, 1 - cos * cos)) / Math.max(cos, 1e-6));
            break;
          }
        }
      }
    }
    boolean[] edge = new boolean[n];
    double pixel = 1 / scale;
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        int p = r * w + c;
        if (c + 1 < w) {
          mark(p, p + 1, hit, depth, normal, slope, pixel, edge);
        }
        if (r + 1 < h) {
          mark(p, p + w, hit, depth, normal, slope, pixel, edge);
        }
      }
    }
    return new Render(w, h, scale, hit, dilate(edge, w, h, halfWidth), uMin, vMax, pad, right, up);
  }

  private static void mark(int p, int q, boolean[] hit, double[] depth, float[] normal, float[] slope,
      double pixel, boolean[] edge) {
    if (hit[p] != hit[q]) {
      edge[hit[p] ? p : q] = true;
      return;
    }
    if (!hit[p]) {
      return;
    }
    double jump = Math.abs(depth[p] - depth[q]);
    double allowed = pixel * (1.5 * Math.max(slope[p], slope[q]) + 1.5);
    if (jump > allowed) {
      edge[depth[p] < depth[q] ? p : q] = true;
      return;
    }
    double dot = normal[3 * p] * normal[3 * q] + normal[3 * p + 1] * normal[3 * q + 1]
        + normal[3 * p + 2] * normal[3 * q + 2];
    if (dot < CREASE_COS) {
      edge[p] = true;
    }
  }

  /** Square dilation by {@code radius} pixels (separable). */
  static boolean[] dilate(boolean[] in, int w, int h, int radius) {
    if (radius <= 0) {
      return in.clone();
    }
    boolean[] tmp = new boolean[in.length];
    for (int r = 0; r < h; r++) {
      int last = Integer.MIN_VALUE / 2;
      for (int c = 0; c < w; c++) {
        if (in[r * w + c]) {
          last = c;
        }
        if (c - last <= radius) {
          tmp[r * w + c] = true;
        }
      }
      last = Integer.MAX_VALUE / 2;
      for (int c = w - 1; c >= 0; c--) {
        if (in[r * w + c]) {
          last = c;
        }
        if (last - c <= radius) {
          tmp[r * w + c] = true;
        }
      }
    }
    boolean[] out = new boolean[in.length];
    for (int c = 0; c < w; c++) {
      int last = Integer.MIN_VALUE / 2;
      for (int r = 0; r < h; r++) {
        if (tmp[r * w + c]) {
          last = r;
        }
        if (r - last <= radius) {
          out[r * w + c] = true;
        }
      }
      last = Integer.MAX_VALUE / 2;
      for (int r = h - 1; r >= 0; r--) {
        if (tmp[r * w + c]) {
          last = r;
        }
        if (last - r <= radius) {
          out[r * w + c] = true;
        }
      }
    }
    return out;
  }
}
