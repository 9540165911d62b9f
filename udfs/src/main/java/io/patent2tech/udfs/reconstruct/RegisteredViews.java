package io.patent2tech.udfs.reconstruct;

import java.util.List;

/**
 * Silhouettes brought into one frame, ready to carve: each silhouette spans the object's bounding
 * box along its view's column and row axes, and {@link #extents} gives the box's proportions.
 *
 * @param silhouettes cropped silhouettes, at most one per view, in {@link View} order
 * @param extents the bounding box, longest side 1.0
 * @param disagreement how far the views disagree about a shared extent after scaling: the largest,
 *     over the axes seen by two or more views, of (largest - smallest) / mean of that axis's
 *     extent as each view sees it; 0 when the views agree exactly or no axis is shared
 * @param extruded true for a 2.5D extrusion of a single view ({@link ViewRegistration#extrude}):
 *     the depth is an assumption, not something the drawing shows
 */
public record RegisteredViews(List<Silhouette> silhouettes, Extents extents, double disagreement, boolean extruded) {

  public RegisteredViews {
    silhouettes = List.copyOf(silhouettes);
    if (silhouettes.isEmpty()) {
      throw new IllegalArgumentException("registered views need at least one silhouette");
    }
    if (extruded && silhouettes.size() != 1) {
      throw new IllegalArgumentException("an extrusion has exactly one silhouette, got " + silhouettes.size());
    }
  }
}
