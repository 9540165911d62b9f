package io.patent2tech.udfs.reconstruct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the silhouettes of one drawing set into one frame (docs/reconstruction.md,
 * "Registration").
 *
 * <p>Each cropped silhouette spans the object's bounding box along two world axes. Front and top
 * share the width (x), front and side share the height (z), top and side share the depth (y).
 * Drawing sheets are often at different scales, so each view gets a scale (world units per pixel):
 * the first view in {@link View} order has scale 1; every other view, once it shares an axis with
 * a scaled view, takes the scale that makes its extent along the shared axes equal the mean of what
 * the scaled views say (the mean of the per-axis ratios when it shares two). The bounding box is
 * then the mean, per axis, over all views that see that axis, and the spread is reported as
 * {@link RegisteredViews#disagreement()}.
 *
 * <p>A full bounding box needs views along at least two of the three viewing axes (front or rear,
 * top or bottom, left or right); a single direction leaves one extent unknown, for which
 * {@link #extrude} is the explicit 2.5D answer.
 */
public final class ViewRegistration {

  private ViewRegistration() {}

  /** Registers two to six silhouettes, at most one per view, each cropped to the object. */
  public static RegisteredViews register(List<Silhouette> silhouettes) {
    Map<View, Silhouette> byView = new EnumMap<>(View.class);
    for (Silhouette s : silhouettes) {
      requireCropped(s);
      if (byView.put(s.view(), s) != null) {
        throw new IllegalArgumentException("two silhouettes for the " + s.view() + " view");
      }
    }
    Set<Axis> viewingAxes = EnumSet.noneOf(Axis.class);
    byView.keySet().forEach(v -> viewingAxes.add(v.viewingAxis()));
    if (viewingAxes.size() < 2) {
      throw new IllegalArgumentException("views " + byView.keySet() + " look along " + viewingAxes
          + " only; registration needs views along at least two of the three axes (use extrude for one view)");
    }
    List<View> views = new ArrayList<>(byView.keySet());
    Map<View, Double> scale = new EnumMap<>(View.class);
    scale.put(views.get(0), 1.0);
    while (scale.size() < views.size()) {
      // the first unscaled view that shares an axis with a scaled one; views along two different
      // axes always share one, so each pass scales at least one view
      for (View v : views) {
        if (scale.containsKey(v)) {
          continue;
        }
        double ratioSum = 0;
        int shared = 0;
        for (Axis a : seenAxes(v)) {
          double known = meanExtent(a, byView, scale);
          if (!Double.isNaN(known)) {
            ratioSum += known / pixelsAlong(byView.get(v), a);
            shared++;
          }
        }
        if (shared > 0) {
          scale.put(v, ratioSum / shared);
          break;
        }
      }
    }
    double disagreement = 0;
    double[] extent = new double[3];
    for (Axis a : Axis.values()) {
      double min = Double.MAX_VALUE, max = 0, sum = 0;
      int n = 0;
      for (View v : views) {
        if (seenAxes(v).contains(a)) {
          double e = scale.get(v) * pixelsAlong(byView.get(v), a);
          min = Math.min(min, e);
          max = Math.max(max, e);
          sum += e;
          n++;
        }
      }
      extent[a.ordinal()] = sum / n;
      if (n > 1) {
        disagreement = Math.max(disagreement, (max - min) / (sum / n));
      }
    }
    List<Silhouette> ordered = new ArrayList<>(byView.values());
    ordered.sort(Comparator.comparing(Silhouette::view));
    return new RegisteredViews(ordered, Extents.normalized(extent[0], extent[1], extent[2]), disagreement, false);
  }

  /**
   * A 2.5D extrusion of one view: the silhouette swept along its viewing axis over a depth of
   * {@code depthFraction} times the silhouette's longer side. The result is marked
   * {@link RegisteredViews#extruded()}; its depth is an assumption.
   */
  public static RegisteredViews extrude(Silhouette silhouette, double depthFraction) {
    requireCropped(silhouette);
    if (!(depthFraction > 0) || Double.isInfinite(depthFraction)) {
      throw new IllegalArgumentException("depth fraction must be positive, got " + depthFraction);
    }
    View v = silhouette.view();
    double[] extent = new double[3];
    extent[v.columnAxis().ordinal()] = silhouette.width();
    extent[v.rowAxis().ordinal()] = silhouette.height();
    extent[v.viewingAxis().ordinal()] = depthFraction * Math.max(silhouette.width(), silhouette.height());
    return new RegisteredViews(List.of(silhouette), Extents.normalized(extent[0], extent[1], extent[2]), 0, true);
  }

  private static void requireCropped(Silhouette s) {
    if (!s.isCropped()) {
      throw new IllegalArgumentException(s + " is not cropped to the object's bounding box (see Silhouette.cropped())");
    }
  }

  private static Set<Axis> seenAxes(View v) {
    return EnumSet.of(v.columnAxis(), v.rowAxis());
  }

  private static int pixelsAlong(Silhouette s, Axis a) {
    return s.view().columnAxis() == a ? s.width() : s.height();
  }

  /** Mean extent along {@code a} over the scaled views that see it; NaN when none does. */
  private static double meanExtent(Axis a, Map<View, Silhouette> byView, Map<View, Double> scale) {
    double sum = 0;
    int n = 0;
    for (Map.Entry<View, Double> e : scale.entrySet()) {
      if (seenAxes(e.getKey()).contains(a)) {
        sum += e.getValue() * pixelsAlong(byView.get(e.getKey()), a);
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
