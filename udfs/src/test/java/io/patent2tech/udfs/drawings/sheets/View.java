package io.patent2tech.udfs.drawings.sheets;

/**
 * The views of a design patent in the world frame of {@link Solid} (x width, y depth, z height).
 * Each view is an orthographic projection along {@link #direction()} (where the viewer looks); the
 * image's rightward axis is {@link #right()} and its upward axis {@link #up()} (image rows grow
 * downward, so row = -up). In image terms:
 * <ul>
 *   <li>FRONT looks along +y: right = +x, up = +z;</li>
 *   <li>REAR looks along -y: right = -x (mirrored), up = +z;</li>
 *   <li>LEFT looks along +x: right = -y (the front at the image's right), up = +z;</li>
 *   <li>RIGHT looks along -x: right = +y (the front at the image's left), up = +z;</li>
 *   <li>TOP looks along -z: right = +x, up = +y (the front at the bottom of the image);</li>
 *   <li>BOTTOM looks along +z: right = +x, up = -y (mirrored top: the front at the top of the image,
 *       the object turned forward about the x axis as in third-angle projection);</li>
 *   <li>PERSPECTIVE: an isometric (orthographic) view from the front, right and top: looks along
 *       (-1, +1, -1)/sqrt(3), up is the projection of +z.</li>
 * </ul>
 */
public enum View {
  PERSPECTIVE("perspective view", v(-1, 1, -1), v(1, 1, 0), v(-1, 1, 2)),
  FRONT("front elevational view", v(0, 1, 0), v(1, 0, 0), v(0, 0, 1)),
  REAR("rear elevational view", v(0, -1, 0), v(-1, 0, 0), v(0, 0, 1)),
  LEFT("left side elevational view", v(1, 0, 0), v(0, -1, 0), v(0, 0, 1)),
  RIGHT("right side elevational view", v(-1, 0, 0), v(0, 1, 0), v(0, 0, 1)),
  TOP("top plan view", v(0, 0, -1), v(1, 0, 0), v(0, 1, 0)),
  BOTTOM("bottom plan view", v(0, 0, 1), v(1, 0, 0), v(0, -1, 0));

  /** The order of a design patent's figures: perspective first, then the six orthographic views. */
  public static final View[] DESIGN_ORDER = {PERSPECTIVE, FRONT, REAR, LEFT, RIGHT, TOP, BOTTOM};

  private final String phrase;
  private final double[] direction;
  private final double[] right;
  private final double[] up;

  View(String phrase, double[] direction, double[] right, double[] up) {
    this.phrase = phrase;
    this.direction = unit(direction);
    this.right = unit(right);
    this.up = unit(up);
  }

  /** As the brief description of the drawings names it ("front elevational view"). */
  public String phrase() {
    return phrase;
  }

  /** Unit vector the viewer looks along. */
  public double[] direction() {
    return direction.clone();
  }

  /** Unit vector of the image's rightward axis. */
  public double[] right() {
    return right.clone();
  }

  /** Unit vector of the image's upward axis. */
  public double[] up() {
    return up.clone();
  }

  public boolean orthographic() {
    return this != PERSPECTIVE;
  }

  private static double[] v(double x, double y, double z) {
    return new double[] {x, y, z};
  }

  private static double[] unit(double[] a) {
    double l = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    return new double[] {a[0] / l, a[1] / l, a[2] / l};
  }
}
