package io.patent2tech.udfs.reconstruct;

/**
 * The voxel grid a carve fills: {@code nx x ny x nz} voxels exactly covering the object's bounding
 * box [0, extents.x] x [0, extents.y] x [0, extents.z]. Voxel (i, j, k) spans
 * [i * voxelX, (i + 1) * voxelX] along x (likewise y, z), its centre at (i + 0.5) * voxelX.
 *
 * <p>{@link #fitted} gives the longest side {@code resolution} voxels and each other side
 * {@code max(1, round(resolution * side / longest))}, so voxels are cubes up to that rounding; the
 * voxel size per axis is {@code side / count}, so the grid covers the box exactly and the mesh keeps
 * the drawing's proportions.
 */
public record GridSpec(int nx, int ny, int nz, Extents extents) {

  /** Default voxels along the longest side: 256^3 bits is 2 MiB. */
  public static final int DEFAULT_RESOLUTION = 256;

  /** The carve rule computes (2 * voxel + 1) * pixels in int; this keeps it below 2^31. */
  public static final int MAX_RESOLUTION = 4096;

  public GridSpec {
    if (nx < 1 || ny < 1 || nz < 1 || nx > MAX_RESOLUTION || ny > MAX_RESOLUTION || nz > MAX_RESOLUTION) {
      throw new IllegalArgumentException(
          "grid sides must be 1.." + MAX_RESOLUTION + ", got " + nx + "x" + ny + "x" + nz);
    }
    if (extents == null) {
      throw new IllegalArgumentException("a grid needs the extents it covers");
    }
  }

  /** The longest side of {@code extents} gets {@code resolution} voxels, the others proportionally. */
  public static GridSpec fitted(Extents extents, int resolution) {
    double longest = extents.longest();
    return new GridSpec(
        proportional(extents.x(), longest, resolution),
        proportional(extents.y(), longest, resolution),
        proportional(extents.z(), longest, resolution),
        extents);
  }

  /** {@link #fitted(Extents, int)} at {@link #DEFAULT_RESOLUTION}. */
  public static GridSpec fitted(Extents extents) {
    return fitted(extents, DEFAULT_RESOLUTION);
  }

  /** A grid of the given counts with cubic voxels, longest side 1.0 (tests and rasterized solids). */
  public static GridSpec ofCubicVoxels(int nx, int ny, int nz) {
    return new GridSpec(nx, ny, nz, Extents.normalized(nx, ny, nz));
  }

  private static int proportional(double side, double longest, int resolution) {
    return Math.max(1, (int) Math.round(resolution * side / longest));
  }

  public int count(Axis axis) {
    return switch (axis) {
      case X -> nx;
      case Y -> ny;
      case Z -> nz;
    };
  }

  /** Size of one voxel along {@code axis}, in the extents' unit. */
  public double voxelSize(Axis axis) {
    return extents.along(axis) / count(axis);
  }

  public long voxelCount() {
    return (long) nx * ny * nz;
  }

  /** Volume of one voxel, in the extents' unit cubed. */
  public double voxelVolume() {
    return voxelSize(Axis.X) * voxelSize(Axis.Y) * voxelSize(Axis.Z);
  }
}
