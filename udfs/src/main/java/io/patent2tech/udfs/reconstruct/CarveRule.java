package io.patent2tech.udfs.reconstruct;

/**
 * The per-voxel carving rule, exactly as every {@link Carver} must apply it (docs/reconstruction.md,
 * "Carving"). It uses integer arithmetic only, so a GPU kernel reproduces it bit for bit.
 *
 * <p>Voxel (i, j, k) of a grid {@code nx x ny x nz} is kept when, for every registered silhouette,
 * the pixel nearest its centre is inside. Along one axis, the centre of voxel {@code g} of
 * {@code n} lies at fraction {@code (g + 0.5) / n} of the bounding box; the silhouette's {@code p}
 * pixels cover equal fractions, and the nearest pixel is the one containing the centre:
 *
 * <pre>
 *   pixel(g, n, p) = ((2 * g + 1) * p) / (2 * n)        int division, truncating; always 0..p-1
 *   column = view.mirrored ? width - 1 - pixel(g_col, n_col, width) : pixel(g_col, n_col, width)
 *   row    = view.rowsMirrored ? pixel(g_row, n_row, height)
 *                               : height - 1 - pixel(g_row, n_row, height)   row 0 is the top of the image
 *   keep   = mask[row * width + column] == 1 for every silhouette
 * </pre>
 *
 * where {@code g_col, n_col} are the voxel's coordinate and the grid's count along the view's
 * column axis and {@code g_row, n_row} along its row axis ({@link View}). A centre exactly on a
 * pixel border belongs to the higher pixel. The products stay below 2^31 because grids have at most
 * {@link GridSpec#MAX_RESOLUTION} voxels a side and silhouettes at most {@link #MAX_PIXELS} a side.
 */
public final class CarveRule {

  /** Largest silhouette side for which (2 * g + 1) * p fits an int at any grid side. */
  public static final int MAX_PIXELS = Integer.MAX_VALUE / (2 * GridSpec.MAX_RESOLUTION + 1);

  private CarveRule() {}

  /** The pixel (0..pixels-1) whose span holds the centre of voxel {@code voxel} of {@code voxels}. */
  public static int pixel(int voxel, int voxels, int pixels) {
    return ((2 * voxel + 1) * pixels) / (2 * voxels);
  }

  /** The image column the voxel centre falls in, for a voxel at {@code g} of {@code n} along the column axis. */
  public static int column(Silhouette s, int g, int n) {
    int p = pixel(g, n, s.width());
    return s.view().mirrored() ? s.width() - 1 - p : p;
  }

  /** The image row (0 = top) the voxel centre falls in, for a voxel at {@code g} of {@code n} along the row axis. */
  public static int row(Silhouette s, int g, int n) {
    int p = pixel(g, n, s.height());
    return s.view().rowsMirrored() ? p : s.height() - 1 - p;
  }

  /** True when voxel (x, y, z) of {@code spec} projects inside every silhouette of {@code views}. */
  public static boolean keeps(RegisteredViews views, GridSpec spec, int x, int y, int z) {
    int[] g = {x, y, z};
    for (Silhouette s : views.silhouettes()) {
      Axis c = s.view().columnAxis();
      Axis r = s.view().rowAxis();
      if (!s.inside(column(s, g[c.ordinal()], spec.count(c)), row(s, g[r.ordinal()], spec.count(r)))) {
        return false;
      }
    }
    return true;
  }

  /** Rejects silhouettes too large for the rule's int arithmetic. */
  public static void requireRepresentable(RegisteredViews views) {
    for (Silhouette s : views.silhouettes()) {
      if (s.width() > MAX_PIXELS || s.height() > MAX_PIXELS) {
        throw new IllegalArgumentException(s + " exceeds " + MAX_PIXELS + " pixels a side");
      }
    }
  }
}
