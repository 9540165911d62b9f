package io.patent2tech.udfs.reconstruct;

/** Measurements of voxel grids, in the grid's unit (longest bounding-box side 1.0). */
public final class VoxelMetrics {

  private VoxelMetrics() {}

  /** Occupied voxels times the volume of one voxel. */
  public static double volume(VoxelGrid grid) {
    return grid.count() * grid.spec().voxelVolume();
  }

  /**
   * Intersection over union of two grids of the same dimensions (a reconstruction against a known
   * solid rasterized on the same grid); 1.0 when both are empty.
   */
  public static double intersectionOverUnion(VoxelGrid a, VoxelGrid b) {
    if (a.nx() != b.nx() || a.ny() != b.ny() || a.nz() != b.nz()) {
      throw new IllegalArgumentException("IoU needs equal grids, got " + a + " and " + b);
    }
    long intersection = 0;
    long union = 0;
    int words = VoxelGrid.wordCount(a.spec());
    for (int w = 0; w < words; w++) {
      intersection += Long.bitCount(a.word(w) & b.word(w));
      union += Long.bitCount(a.word(w) | b.word(w));
    }
    return union == 0 ? 1.0 : (double) intersection / union;
  }
}
