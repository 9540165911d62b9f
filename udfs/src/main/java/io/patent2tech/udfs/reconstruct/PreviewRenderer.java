package io.patent2tech.udfs.reconstruct;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

/**
 * A PNG preview of a mesh in pure Java: an isometric orthographic view from the front, right and
 * top (the viewer sits along (1, -1, 1)), flat Lambert shading under a fixed light, a z-buffer, a
 * white background. The mesh's projection is centred and scaled so its larger screen extent spans
 * the image less a margin of {@code size / 16} on each side.
 *
 * <p>Screen axes: right = (1, 1, 0) / sqrt 2, up = (-1, 1, 2) / sqrt 6; z stays up on screen.
 * Triangles facing away from the viewer are skipped (the meshes are closed).
 */
public final class PreviewRenderer {

  public static final int DEFAULT_SIZE = 512;

  private static final double[] TOWARD_VIEWER = unit(1, -1, 1);
  private static final double[] RIGHT = unit(1, 1, 0);
  private static final double[] UP = unit(-1, 1, 2);
  /** Light from the viewer's upper left, so the three faces of a box get three shades. */
  private static final double[] LIGHT = unit(0.2, -0.9, 1.4);
  private static final int BACKGROUND = 0xFFFFFF;
  private static final double[] BASE_COLOUR = {0.35, 0.55, 0.8};

  private PreviewRenderer() {}

  /** The preview encoded as PNG. */
  public static byte[] png(Mesh mesh, int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(render(mesh, size), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }

  public static BufferedImage render(Mesh mesh, int size) {
    int[] rgb = new int[size * size];
    Arrays.fill(rgb, BACKGROUND);
    double[] depth = new double[size * size];
    Arrays.fill(depth, Double.NEGATIVE_INFINITY);
    float[] p = mesh.positions();
    int n = mesh.vertexCount();
    double[] sx = new double[n], sy = new double[n], sz = new double[n];
    double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    for (int v = 0; v < n; v++) {
      sx[v] = dot(RIGHT, p, 3 * v);
      sy[v] = dot(UP, p, 3 * v);
      sz[v] = dot(TOWARD_VIEWER, p, 3 * v);
      minX = Math.min(minX, sx[v]);
      maxX = Math.max(maxX, sx[v]);
      minY = Math.min(minY, sy[v]);
      maxY = Math.max(maxY, sy[v]);
    }
    double margin = size / 16.0;
    double scale = (size - 2 * margin) / Math.max(1e-12, Math.max(maxX - minX, maxY - minY));
    double cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
    for (int v = 0; v < n; v++) {
      sx[v] = size / 2.0 + (sx[v] - cx) * scale;
      sy[v] = size / 2.0 - (sy[v] - cy) * scale; // image rows grow downward
    }
    int[] t = mesh.triangles();
    float[] normal = new float[3];
    for (int i = 0; i < t.length; i += 3) {
      int a = t[i], b = t[i + 1], c = t[i + 2];
      MeshGeometry.faceNormal(p, a, b, c, normal);
      double facing = normal[0] * TOWARD_VIEWER[0] + normal[1] * TOWARD_VIEWER[1] + normal[2] * TOWARD_VIEWER[2];
      if (facing <= 0) {
        continue;
      }
      double lambert = Math.max(0, normal[0] * LIGHT[0] + normal[1] * LIGHT[1] + normal[2] * LIGHT[2]);
      int colour = shade(0.25 + 0.75 * lambert);
      fill(sx, sy, sz, a, b, c, size, rgb, depth, colour);
    }
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, size, size, rgb, 0, size);
    return image;
  }

  /** Fills the pixels whose centres lie in the screen triangle (edge functions, z-buffered). */
  private static void fill(double[] sx, double[] sy, double[] sz, int a, int b, int c, int size,
      int[] rgb, double[] depth, int colour) {
    double area = (sx[b] - sx[a]) * (sy[c] - sy[a]) - (sx[c] - sx[a]) * (sy[b] - sy[a]);
    if (area == 0) {
      return;
    }
    int x0 = Math.max(0, (int) Math.floor(Math.min(sx[a], Math.min(sx[b], sx[c]))));
    int x1 = Math.min(size - 1, (int) Math.ceil(Math.max(sx[a], Math.max(sx[b], sx[c]))));
    int y0 = Math.max(0, (int) Math.floor(Math.min(sy[a], Math.min(sy[b], sy[c]))));
    int y1 = Math.min(size - 1, (int) Math.ceil(Math.max(sy[a], Math.max(sy[b], sy[c]))));
    for (int y = y0; y <= y1; y++) {
      double py = y + 0.5;
      for (int x = x0; x <= x1; x++) {
        double px = x + 0.5;
        double wa = ((sx[b] - px) * (sy[c] - py) - (sx[c] - px) * (sy[b] - py)) / area;
        double wb = ((sx[c] - px) * (sy[a] - py) - (sx[a] - px) * (sy[c] - py)) / area;
        double wc = 1 - wa - wb;
        // a small tolerance closes the hairline cracks between neighbouring triangles
        if (wa < -1e-9 || wb < -1e-9 || wc < -1e-9) {
          continue;
        }
        double z = wa * sz[a] + wb * sz[b] + wc * sz[c];
        int pixel = y * size + x;
        if (z > depth[pixel]) {
          depth[pixel] = z;
          rgb[pixel] = colour;
        }
      }
    }
  }

  private static int shade(double intensity) {
    int r = (int) Math.round(255 * Math.min(1, BASE_COLOUR[0] * intensity + 0.1));
    int g = (int) Math.round(255 * Math.min(1, BASE_COLOUR[1] * intensity + 0.1));
    int b = (int) Math.round(255 * Math.min(1, BASE_COLOUR[2] * intensity + 0.1));
    return r << 16 | g << 8 | b;
  }

  private static double dot(double[] axis, float[] p, int offset) {
    return axis[0] * p[offset] + axis[1] * p[offset + 1] + axis[2] * p[offset + 2];
  }

  private static double[] unit(double x, double y, double z) {
    double len = Math.sqrt(x * x + y * y + z * z);
    return new double[] {x / len, y / len, z / len};
  }
}
