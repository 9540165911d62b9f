package io.patent2tech.udfs.drawings.sheets;

/**
 * A known solid, described exactly: an analytic inside test and its bounding box. The frame is the
 * world frame of the drawings ({@link View}): x = width (left to right in the front view), y = depth
 * (front to back), z = height (bottom to top); the bounding box is {@code [0,width] x [0,depth] x
 * [0,height]} and its longest side is 1 (a unit frame: the drawings and voxel grids scale it).
 */
public final class Solid {

  /** How the solid relates to its visual hull from the six orthographic views. */
  public enum Hull {
    /** The intersection of the extruded silhouettes is the solid itself. */
    EQUAL,
    /**
     * Equal only if the silhouettes keep the see-through holes (a through hole seen end-on shows the
     * background); a silhouette made by filling the drawn outline closes them, and its hull is the
     * solid without the holes.
     */
    EQUAL_WITH_SEE_THROUGH_HOLES,
    /** A concavity no silhouette shows (a pocket, a recess): the hull is strictly larger. */
    LARGER
  }

  private final String id;
  private final String article;
  private final double width;
  private final double depth;
  private final double height;
  private final Csg shape;
  private final Hull hull;
  private final String description;

  Solid(String id, String article, double width, double depth, double height, Csg shape, Hull hull,
      String description) {
    this.id = id;
    this.article = article;
    this.width = width;
    this.depth = depth;
    this.height = height;
    this.shape = shape;
    this.hull = hull;
    this.description = description;
  }

  /** A stable name, e.g. {@code l-bracket}. */
  public String id() {
    return id;
  }

  /** The article as a design claim names it ("bracket"). */
  public String article() {
    return article;
  }

  /** Extent along x. */
  public double width() {
    return width;
  }

  /** Extent along y. */
  public double depth() {
    return depth;
  }

  /** Extent along z. */
  public double height() {
    return height;
  }

  /** The longest side of the bounding box (1 for the catalogue's solids). */
  public double longestSide() {
    return Math.max(width, Math.max(depth, height));
  }

  /** True when the point is inside or on the surface. */
  public boolean inside(double x, double y, double z) {
    return shape.inside(x, y, z);
  }

  public Hull hull() {
    return hull;
  }

  /** The dimensions and features in words (for docs and manifests). */
  public String description() {
    return description;
  }

  Csg shape() {
    return shape;
  }

  @Override
  public String toString() {
    return id + " " + width + " x " + depth + " x " + height + " (" + hull + ")";
  }
}
