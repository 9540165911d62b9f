package io.patent2tech.udfs.reconstruct;

/**
 * The six orthographic views of a drawing set, each defined by which world axis runs along the
 * image's columns (left to right) and which along its rows (bottom to top).
 *
 * <p>An image's row 0 is its top row; "up" in the image is therefore the direction of decreasing
 * row index. Each view is derived from a viewer looking along a direction with an up vector; the
 * image's right is the viewing direction crossed with up, which is why the opposite views come
 * out mirrored:
 *
 * <pre>
 * view    looks along  image right  image up   mirrored
 * FRONT   +y           +x           +z         no
 * REAR    -y           -x           +z         yes (columns run from high x to low x)
 * TOP     -z           +x           +y         no  (front of the object at the bottom of the image)
 * BOTTOM  +z           -x           +y         yes
 * RIGHT   -x           +y           +z         no  (front of the object on the left)
 * LEFT    +x           -y           +z         yes
 * </pre>
 */
public enum View {
  FRONT(Axis.X, false, Axis.Z, Axis.Y),
  REAR(Axis.X, true, Axis.Z, Axis.Y),
  TOP(Axis.X, false, Axis.Y, Axis.Z),
  BOTTOM(Axis.X, true, Axis.Y, Axis.Z),
  LEFT(Axis.Y, true, Axis.Z, Axis.X),
  RIGHT(Axis.Y, false, Axis.Z, Axis.X);

  private final Axis columnAxis;
  private final boolean mirrored;
  private final Axis rowAxis;
  private final Axis viewingAxis;

  View(Axis columnAxis, boolean mirrored, Axis rowAxis, Axis viewingAxis) {
    this.columnAxis = columnAxis;
    this.mirrored = mirrored;
    this.rowAxis = rowAxis;
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

  /** The world axis along the image's rows, growing from the bottom row to the top row. */
  public Axis rowAxis() {
    return rowAxis;
  }

  /** The world axis the view looks along; the silhouette says nothing about it. */
  public Axis viewingAxis() {
    return viewingAxis;
  }
}
