package io.patent2tech.udfs.reconstruct;

import java.util.ArrayList;
import java.util.List;

/**
 * Carves the visual hull of registered silhouettes into a voxel grid. Every implementation keeps
 * exactly the voxels {@link CarveRule#keeps} keeps, so CPU and GPU results compare with
 * {@link VoxelGrid#sameVoxels}.
 */
public interface Carver {

  VoxelGrid carve(RegisteredViews views, GridSpec spec);

  /** One carve of a batch: these views into this grid. */
  record Item(RegisteredViews views, GridSpec spec) {}

  /**
   * Carves several sets at once, grid {@code i} from item {@code i}; each grid is exactly what
   * {@link #carve} gives for its item alone. The reference is this loop; a GPU carver does the
   * whole batch in one kernel launch.
   */
  default List<VoxelGrid> carveAll(List<Item> items) {
    List<VoxelGrid> grids = new ArrayList<>(items.size());
    for (Item item : items) {
      grids.add(carve(item.views(), item.spec()));
    }
    return grids;
  }

  /** What runs the carve, as a model records it: {@code cpu}, or {@code cuda:<device name>}. */
  default String device() {
    return "cpu";
  }
}
