package io.patent2tech.udfs.drawings.sheets;

/**
 * Voxel occupancy of a solid for IoU ground truth: the grid is fitted to the solid's bounding box,
 * its longest side {@link GridSpec#longestSide()} voxels; a voxel is occupied when its centre is
 * inside. Voxel (i, j, k) covers x in [i*size, (i+1)*size) (y with j, z with k) and sits at index
 * {@code i + nx * (j + ny * k)}.
 */
public final class VoxelGrid {

  /** How fine: the number of voxels along the bounding box's longest side. */
  public record GridSpec(int longestSide) {
    public GridSpec {
      if (longestSide < 1) {
        throw new IllegalArgumentException("longestSide must be at least 1, was " + longestSide);
      }
    }
  }

  public final int nx;
  public final int ny;
  public final int nz;
  /** Edge length of one voxel in the solid's units. */
  public final double voxelSize;
  /** Occupancy, index {@code i + nx * (j + ny * k)}. */
  public final boolean[] occupied;

  private VoxelGrid(int nx, int ny, int nz, double voxelSize, boolean[] occupied) {
    this.nx = nx;
    this.ny = ny;
    this.nz = nz;
    this.voxelSize = voxelSize;
    this.occupied = occupied;
  }

  /** Rasterizes the solid (voxel centres tested with {@link Solid#inside}). */
  public static VoxelGrid rasterize(Solid solid, GridSpec spec) {
    double size = solid.longestSide() / spec.longestSide();
    int nx = Math.max(1, (int) Math.round(solid.width() / size));
    int ny = Math.max(1, (int) Math.round(solid.depth() / size));
    int nz = Math.max(1, (int) Math.round(solid.height() / size));
    boolean[] occ = new boolean[nx * ny * nz];
    for (int k = 0; k < nz; k++) {
      double z = (k + 0.5) * size;
      for (int j = 0; j < ny; j++) {
        double y = (j + 0.5) * size;
        for (int i = 0; i < nx; i++) {
          occ[i + nx * (j + ny * k)] = solid.inside((i + 0.5) * size, y, z);
        }
      }
    }
    return new VoxelGrid(nx, ny, nz, size, occ);
  }

  public boolean get(int i, int j, int k) {
    return occupied[i + nx * (j + ny * k)];
  }

  public int count() {
    int c = 0;
    for (boolean b : occupied) {
      if (b) {
        c++;
      }
    }
    return c;
  }

  /** Occupied volume in the solid's units. */
  public double volume() {
    return count() * voxelSize * voxelSize * voxelSize;
  }

  /** Intersection over union with a grid of the same dimensions. */
  public double iou(VoxelGrid other) {
    if (other.nx != nx || other.ny != ny || other.nz != nz) {
      throw new IllegalArgumentException("grids differ: " + nx + "x" + ny + "x" + nz + " vs "
          + other.nx + "x" + other.ny + "x" + other.nz);
    }
    int inter = 0;
    int union = 0;
    for (int i = 0; i < occupied.length; i++) {
      if (occupied[i] && other.occupied[i]) {
        inter++;
      }
      if (occupied[i] || other.occupied[i]) {
        union++;
      }
    }
    return union == 0 ? 1.0 : (double) inter / union;
  }
}
