package io.patent2tech.udfs.reconstruct;

/**
 * Carves the visual hull of registered silhouettes into a voxel grid. Every implementation keeps
 * exactly the voxels {@link CarveRule#keeps} keeps, so CPU and GPU results compare with
 * {@link VoxelGrid#sameVoxels}.
 */
public interface Carver {

  VoxelGrid carve(RegisteredViews views, GridSpec spec);

  /** What runs the carve, as a model records it: {@code cpu}, or {@code cuda:<device name>}. */
  default String device() {
    return "cpu";
  }
}
