package io.patent2tech.udfs.reconstruct;

/**
 * The size of an object's bounding box along x (width), y (depth) and z (height), in the
 * reconstruction's unit: the longest side is 1.0. Drawings rarely state a scale that survives
 * image analysis, so the reconstruction keeps proportions only (docs/reconstruction.md, "Units").
 */
public record Extents(double x, double y, double z) {

  public Extents {
    if (!(x > 0 && y > 0 && z > 0) || Double.isInfinite(x) || Double.isInfinite(y) || Double.isInfinite(z)) {
      throw new IllegalArgumentException("extents must be positive and finite, got " + x + ", " + y + ", " + z);
    }
  }

  /** These proportions, scaled so the longest side is 1.0. */
  public static Extents normalized(double x, double y, double z) {
    double longest = Math.max(x, Math.max(y, z));
    return new Extents(x / longest, y / longest, z / longest);
  }

  public double along(Axis axis) {
    return switch (axis) {
      case X -> x;
      case Y -> y;
      case Z -> z;
    };
  }

  public double longest() {
    return Math.max(x, Math.max(y, z));
  }
}
