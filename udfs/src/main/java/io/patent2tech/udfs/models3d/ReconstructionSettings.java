package io.patent2tech.udfs.models3d;

import io.patent2tech.udfs.reconstruct.GridSpec;
import io.patent2tech.udfs.reconstruct.PreviewRenderer;
import java.io.Serializable;

/**
 * How sets are reconstructed: voxels along the longest side, the depth a single extruded view gets
 * (a fraction of its longer side: a guess, which is why extrusions are marked), the preview's size.
 * Part of every model's content hash, so a change makes new models instead of reusing old ones.
 */
public record ReconstructionSettings(int gridSize, double extrusionDepth, int previewSize) implements Serializable {

  public static final ReconstructionSettings DEFAULTS =
      new ReconstructionSettings(GridSpec.DEFAULT_RESOLUTION, 0.25, PreviewRenderer.DEFAULT_SIZE);

  public ReconstructionSettings {
    if (gridSize < 8 || gridSize > GridSpec.MAX_RESOLUTION) {
      throw new IllegalArgumentException("grid size must be 8.." + GridSpec.MAX_RESOLUTION + ", not " + gridSize);
    }
    if (!(extrusionDepth > 0 && extrusionDepth <= 4)) {
      throw new IllegalArgumentException("extrusion depth must be in (0, 4], not " + extrusionDepth);
    }
    if (previewSize < 16 || previewSize > 4096) {
      throw new IllegalArgumentException("preview size must be 16..4096, not " + previewSize);
    }
  }

  /**
   * The version of the geometry, part of the content hash: raised when the same sheets and settings
   * give another model, so models made before are made again instead of replayed from their record.
   * 2: the bottom view is turned about x (third-angle projection), no longer by 180 degrees.
   */
  static final int GEOMETRY_VERSION = 2;

  /** The settings as they enter the content hash, with the geometry's version. */
  String fingerprint() {
    return "geometry=" + GEOMETRY_VERSION + ";grid=" + gridSize + ";extrusion=" + extrusionDepth + ";preview="
        + previewSize;
  }
}
