package io.patent2tech.udfs.drawings.image;

/**
 * One connected group of ink pixels: its id (index in {@link ConnectedComponents#components()}),
 * tight bounding box, pixel count, centroid and shape from its second moments.
 *
 * @param length    length of the principal axis, {@code sqrt(12 * largest eigenvalue)} of the pixel
 *                  covariance: the true length for a straight bar, at least the bbox diagonal's
 *                  order for anything else
 * @param thickness {@code pixels / length}: the stroke width for a straight or gently curved stroke
 * @param angle     direction of the principal axis in radians, 0 = horizontal, in (-pi/2, pi/2]
 */
public record Component(int id, Box box, int pixels, double cx, double cy, double length,
                        double thickness, double angle) {

  /** Pixels / bbox area: 1 for a filled rectangle, about 0.3 for a thin box outline. */
  public double fill() {
    return pixels / (double) box.area();
  }

  /** Length over thickness: about 1 for a blob, large for a line. */
  public double elongation() {
    return length / Math.max(1.0, thickness);
  }
}
