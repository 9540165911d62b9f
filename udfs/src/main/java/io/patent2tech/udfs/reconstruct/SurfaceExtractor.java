package io.patent2tech.udfs.reconstruct;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a voxel occupancy into a closed, outward-wound triangle mesh. Implementations must emit the
 * same triangles as {@link CpuMarchingCubes}, up to order ({@link CanonicalTriangles#same}).
 */
public interface SurfaceExtractor {

  Mesh extract(VoxelGrid grid);

  /**
   * The surfaces of several grids at once, mesh {@code i} of grid {@code i}; each mesh is exactly
   * what {@link #extract} gives for its grid alone. The reference is this loop; a GPU extractor
   * runs each marching cubes pass over the whole batch in one kernel launch.
   */
  default List<Mesh> extractAll(List<VoxelGrid> grids) {
    List<Mesh> meshes = new ArrayList<>(grids.size());
    for (VoxelGrid grid : grids) {
      meshes.add(extract(grid));
    }
    return meshes;
  }
}
