package io.patent2tech.udfs.reconstruct;

import java.util.ArrayList;
import java.util.List;

/**
 * Voxel solids and silhouettes for the reconstruction tests, built directly on grids (the
 * project's known-solid generator is a separate piece of work).
 */
final class TestSolids {

  private TestSolids() {}

  /** Inside test over voxel coordinates. */
  @FunctionalInterface
  interface VoxelPredicate {
    boolean test(int x, int y, int z);
  }

  /** Inside test over coordinates in the unit bounding box [0,1]^3 (scaled per axis). */
  @FunctionalInterface
  interface UnitPredicate {
    boolean test(double u, double v, double w);
  }

  static VoxelGrid grid(int nx, int ny, int nz, VoxelPredicate inside) {
    return grid(GridSpec.ofCubicVoxels(nx, ny, nz), inside);
  }

  static VoxelGrid grid(GridSpec spec, VoxelPredicate inside) {
    VoxelGrid g = new VoxelGrid(spec);
    for (int z = 0; z < spec.nz(); z++) {
      for (int y = 0; y < spec.ny(); y++) {
        for (int x = 0; x < spec.nx(); x++) {
          if (inside.test(x, y, z)) {
            g.set(x, y, z, true);
          }
        }
      }
    }
    return g;
  }

  /** A unit-box solid rasterized at voxel centres. */
  static VoxelGrid rasterize(GridSpec spec, UnitPredicate inside) {
    return grid(spec, (x, y, z) ->
        inside.test((x + 0.5) / spec.nx(), (y + 0.5) / spec.ny(), (z + 0.5) / spec.nz()));
  }

  /** A box filling the grid except a margin of {@code m} voxels on every side. */
  static VoxelGrid box(int nx, int ny, int nz, int m) {
    return grid(nx, ny, nz, (x, y, z) -> x >= m && y >= m && z >= m && x < nx - m && y < ny - m && z < nz - m);
  }

  /** An L-bracket in the front view: a base plate along x and an upright at low x, extruded along y. */
  static boolean lBracket(double u, double v, double w) {
    return w < 0.3 || u < 0.3;
  }

  /** A plate (thin in z) with a square through-hole in the middle. */
  static boolean plateWithHole(double u, double v, double w) {
    boolean hole = u > 0.35 && u < 0.65 && v > 0.35 && v < 0.65;
    return w > 0.3 && w < 0.7 && !hole;
  }

  /** A cylinder with its axis along z. */
  static boolean cylinderZ(double u, double v, double w) {
    double du = u - 0.5, dv = v - 0.5;
    return du * du + dv * dv <= 0.25;
  }

  static boolean sphere(double u, double v, double w) {
    double du = u - 0.5, dv = v - 0.5, dw = w - 0.5;
    return du * du + dv * dv + dw * dw <= 0.2;
  }

  /** A cup: a box with a pocket open at the top, invisible to every silhouette. */
  static boolean cup(double u, double v, double w) {
    boolean pocket = u > 0.25 && u < 0.75 && v > 0.25 && v < 0.75 && w > 0.3;
    return !pocket;
  }

  /**
   * The silhouette of a grid in {@code view}, one pixel per voxel: a pixel is inside when any voxel
   * along the viewing axis is, using the same frame conventions as {@link View}, written out here
   * independently of {@link CarveRule}.
   */
  static Silhouette project(VoxelGrid g, View view) {
    int[] n = {g.nx(), g.ny(), g.nz()};
    int c = view.columnAxis().ordinal();
    int r = view.rowAxis().ordinal();
    int d = view.viewingAxis().ordinal();
    int width = n[c];
    int height = n[r];
    byte[] mask = new byte[width * height];
    int[] at = new int[3];
    for (int gc = 0; gc < n[c]; gc++) {
      for (int gr = 0; gr < n[r]; gr++) {
        for (int gd = 0; gd < n[d]; gd++) {
          at[c] = gc;
          at[r] = gr;
          at[d] = gd;
          if (g.get(at[0], at[1], at[2])) {
            int col = view.mirrored() ? width - 1 - gc : gc;
            int row = view.rowsMirrored() ? gr : height - 1 - gr;
            mask[row * width + col] = 1;
            break;
          }
        }
      }
    }
    return new Silhouette(view, width, height, mask);
  }

  /** Projections of {@code g} into every given view. */
  static List<Silhouette> projectAll(VoxelGrid g, View... views) {
    List<Silhouette> out = new ArrayList<>();
    for (View v : views) {
      out.add(project(g, v));
    }
    return out;
  }

  /**
   * The visual hull of {@code g} seen from the three axis directions, computed on the grid itself:
   * a voxel is in it when the line through it along each axis meets the solid.
   */
  static VoxelGrid visualHull(VoxelGrid g) {
    return grid(g.spec(), (x, y, z) -> anyAlong(g, x, y, z, 0) && anyAlong(g, x, y, z, 1) && anyAlong(g, x, y, z, 2));
  }

  private static boolean anyAlong(VoxelGrid g, int x, int y, int z, int axis) {
    int n = axis == 0 ? g.nx() : axis == 1 ? g.ny() : g.nz();
    for (int t = 0; t < n; t++) {
      if (g.get(axis == 0 ? t : x, axis == 1 ? t : y, axis == 2 ? t : z)) {
        return true;
      }
    }
    return false;
  }
}
