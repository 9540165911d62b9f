package io.patent2tech.udfs.models3d;

import io.patent2tech.udfs.drawings.image.BinaryImage;
import io.patent2tech.udfs.drawings.image.DrawingAnalysis;
import io.patent2tech.udfs.drawings.image.DrawingAnalyzer;
import io.patent2tech.udfs.reconstruct.Carver;
import io.patent2tech.udfs.reconstruct.GridSpec;
import io.patent2tech.udfs.reconstruct.Mesh;
import io.patent2tech.udfs.reconstruct.RegisteredViews;
import io.patent2tech.udfs.reconstruct.Silhouette;
import io.patent2tech.udfs.reconstruct.SurfaceExtractor;
import io.patent2tech.udfs.reconstruct.View;
import io.patent2tech.udfs.reconstruct.ViewRegistration;
import io.patent2tech.udfs.reconstruct.VoxelGrid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One orthographic figure set, from its decoded sheets to a mesh (pure, no I/O): each sheet's
 * silhouette ({@link DrawingAnalyzer}), the views registered to one frame ({@link ViewRegistration}),
 * the visual hull carved into a grid fitted to the drawing's proportions, and its surface. A set
 * of one view is extruded (2.5D, marked as such). What cannot be made is an outcome too, with the
 * reason, never an exception: a sheet without an enclosed outline, views that see the object from
 * one direction only.
 */
public final class SetReconstruction {

  public static final String VISUAL_HULL = "visual-hull";
  public static final String EXTRUSION = "extrusion-2.5d";
  public static final String NO_SILHOUETTE = "no-silhouette";
  public static final String NOT_REGISTRABLE = "views-not-registrable";

  private SetReconstruction() {}

  /** One view of the set: which side it shows, its decoded sheet and the sentence describing it. */
  public record ViewSheet(View view, BinaryImage sheet, String viewText) {}

  /**
   * The result: a mesh with how it was made, or the reason there is none. Timings in milliseconds
   * per step (analyse, register, carve, surface).
   */
  public record Outcome(Mesh mesh, String method, RegisteredViews views, GridSpec grid, String reason,
                        Map<String, Long> timingsMs) {

    public boolean made() {
      return mesh != null;
    }
  }

  /** One set alone: {@link #reconstructAll} of one. */
  public static Outcome reconstruct(List<ViewSheet> sheets, ReconstructionSettings settings, Carver carver,
      SurfaceExtractor surface) {
    return reconstructAll(List.of(sheets), settings, carver, surface).get(0);
  }

  /**
   * Several sets, outcome {@code i} of set {@code i}: each set is analysed and registered alone,
   * then every registrable set is carved in one {@link Carver#carveAll} and surfaced in one
   * {@link SurfaceExtractor#extractAll} (one kernel launch each on a GPU). Each outcome is what
   * the set alone gives; only its "carve" and "surface" timings are the whole batch's.
   */
  public static List<Outcome> reconstructAll(List<List<ViewSheet>> sets, ReconstructionSettings settings,
      Carver carver, SurfaceExtractor surface) {
    List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(sets.size(), (Outcome) null));
    List<Integer> carved = new ArrayList<>();
    List<Prepared> prepared = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      Prepared p = prepare(sets.get(i), settings);
      if (p.reason() != null) {
        outcomes.set(i, new Outcome(null, null, null, null, p.reason(), p.timings()));
      } else {
        carved.add(i);
        prepared.add(p);
      }
    }
    if (prepared.isEmpty()) {
      return outcomes;
    }
    long t = System.nanoTime();
    List<VoxelGrid> grids = carver.carveAll(prepared.stream().map(p -> new Carver.Item(p.views(), p.grid())).toList());
    long carveMs = millisSince(t);
    t = System.nanoTime();
    List<Mesh> meshes = surface.extractAll(grids);
    long surfaceMs = millisSince(t);
    for (int n = 0; n < prepared.size(); n++) {
      Prepared p = prepared.get(n);
      Mesh mesh = meshes.get(n);
      p.timings().put("carve", carveMs);
      p.timings().put("surface", surfaceMs);
      outcomes.set(carved.get(n), mesh.triangleCount() == 0
          ? new Outcome(null, null, p.views(), p.grid(), NO_SILHOUETTE, p.timings())
          : new Outcome(mesh, p.method(), p.views(), p.grid(), null, p.timings()));
    }
    return outcomes;
  }

  /** A set ready to carve (its views registered, its grid fitted, how it will be made), or the reason it is not. */
  private record Prepared(RegisteredViews views, GridSpec grid, String method, String reason,
                          Map<String, Long> timings) {}

  /** Silhouettes and registration of one set. */
  private static Prepared prepare(List<ViewSheet> sheets, ReconstructionSettings settings) {
    Map<String, Long> timings = new LinkedHashMap<>();
    long t = System.nanoTime();
    List<Silhouette> silhouettes = new ArrayList<>();
    for (ViewSheet v : sheets) {
      DrawingAnalysis analysis = DrawingAnalyzer.analyze(v.sheet(), v.viewText());
      if (analysis.silhouette() == null) {
        timings.put("analyse", millisSince(t));
        return new Prepared(null, null, null, NO_SILHOUETTE, timings);
      }
      silhouettes.add(silhouette(v.view(), analysis.silhouette().mask()));
    }
    timings.put("analyse", millisSince(t));

    t = System.nanoTime();
    RegisteredViews registered;
    String method;
    try {
      if (silhouettes.size() == 1) {
        registered = ViewRegistration.extrude(silhouettes.get(0), settings.extrusionDepth());
        method = EXTRUSION;
      } else {
        registered = ViewRegistration.register(silhouettes);
        method = VISUAL_HULL;
      }
    } catch (IllegalArgumentException e) {
      // e.g. a front and a rear view only: both look along y, nothing gives the depth
      timings.put("register", millisSince(t));
      return new Prepared(null, null, null, NOT_REGISTRABLE, timings);
    }
    GridSpec grid = GridSpec.fitted(registered.extents(), settings.gridSize());
    timings.put("register", millisSince(t));
    return new Prepared(registered, grid, method, null, timings);
  }

  /** The analysis' filled outline (1 = ink = inside, already cropped to its box) as a view's mask. */
  static Silhouette silhouette(View view, BinaryImage mask) {
    int w = mask.width();
    int h = mask.height();
    byte[] bytes = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        bytes[y * w + x] = (byte) (mask.get(x, y) ? 1 : 0);
      }
    }
    return new Silhouette(view, w, h, bytes).cropped();
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
