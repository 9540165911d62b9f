package io.patent2tech.udfs.reconstruct;

/**
 * The six orthographic views of a drawing set, each defined by which world axis runs along the
 * image's columns (left to right) and which along its rows (bottom to top).
 *
 * <p>An image's row 0 is its top row; "up" in the image is therefore the direction of decreasing
 * row index. The views are oriented as in third-angle projection, the arrangement of US (ASME)
 * drawings: each view is the object turned to show that side, the side views about the z axis, the
 * rear view by 180 degrees about z (mirrored left to right), the top and bottom views about the x
 * axis; so the bottom view keeps x left to right, as the front view it is drawn under does, and shows the
 * front of the object at the top of the image (a viewer below the object with +y as up would see
 * it turned by 180 degrees instead; that is not how such drawings are made):
 *
 * <pre>
 * view    looks along  image right  image up   mirrored  rows mirrored
 * FRONT   +y           +x           +z         no        no
 * REAR    -y           -x           +z         yes       no  (columns run from high x to low x)
 * TOP     -z           +x           +y         no        no  (front of the object at the bottom of the image)
 * BOTTOM  +z           +x           -y         no        yes (front of the object at the top of the image)
 * RIGHT   -x           +y           +z         no        no  (front of the object on the left)
 * LEFT    +x           -y           +z         yes       no
 * </pre>
 */
public enum View {
  FRONT(Axis.X, false, Axis.Z, false, Axis.Y),
  REAR(Axis.X, true, Axis.Z, false, Axis.Y),
  TOP(Axis.X, false, Axis.Y, false, Axis.Z),
  BOTTOM(Axis.X, false, Axis.Y, true, Axis.Z),
  LEFT(Axis.Y, true, Axis.Z, false, Axis.X),
  RIGHT(Axis.Y, false, Axis.Z, false, Axis.X);

  private final Axis columnAxis;
  private final boolean mirrored;
  private final Axis rowAxis;
  private final boolean rowsMirrored;
  private final Axis viewingAxis;

  View(Axis columnAxis, boolean mirrored, Axis rowAxis, boolean rowsMirrored, Axis viewingAxis) {
    this.columnAxis = columnAxis;
    this.mirrored = mirrored;
    this.rowAxis = rowAxis;
    this.rowsMirrored = rowsMirrored;
    this.viewingAxis = viewingAxis;
  }

  /** The world axis along the image's columns (image left to right, possibly mirrored). */
  public Axis columnAxis() {
    return columnAxis;
  }

  /** True when the column index decreases as the world coordinate along {@link #columnAxis} grows. */
  public boolean mirrored() {
    return mirrored;
  }

  /**
   * The world axis along the image's rows: its coordinate grows from the bottom row to the top row,
   * or from the top row to the bottom row when {@link #rowsMirrored}.
   */
  public Axis rowAxis() {
    return rowAxis;
  }

  /**
   * True when the world coordinate along {@link #rowAxis} grows downward in the image: the bottom
   * view, whose top row is the front of the object (y = 0).
   */
  public boolean rowsMirrored() {
    return rowsMirrored;
  }

  /** The world axis the view looks along; the silhouette says nothing about it. */
  public Axis viewingAxis() {
    return viewingAxis;
  }
}
