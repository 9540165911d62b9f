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

  public static Outcome reconstruct(List<ViewSheet> sheets, ReconstructionSettings settings, Carver carver,
      SurfaceExtractor surface) {
    Map<String, Long> timings = new LinkedHashMap<>();
    long t = System.nanoTime();
    List<Silhouette> silhouettes = new ArrayList<>();
    for (ViewSheet v : sheets) {
      DrawingAnalysis analysis = DrawingAnalyzer.analyze(v.sheet(), v.viewText());
      if (analysis.silhouette() == null) {
        timings.put("analyse", millisSince(t));
        return new Outcome(null, null, null, null, NO_SILHOUETTE, timings);
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
      return new Outcome(null, null, null, null, NOT_REGISTRABLE, timings);
    }
    GridSpec grid = GridSpec.fitted(registered.extents(), settings.gridSize());
    timings.put("register", millisSince(t));

    t = System.nanoTime();
    VoxelGrid voxels = carver.carve(registered, grid);
    timings.put("carve", millisSince(t));
    t = System.nanoTime();
    Mesh mesh = surface.extract(voxels);
    timings.put("surface", millisSince(t));
    if (mesh.triangleCount() == 0) {
      return new Outcome(null, null, registered, grid, NO_SILHOUETTE, timings);
    }
    return new Outcome(mesh, method, registered, grid, null, timings);
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
