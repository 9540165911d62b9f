package io.patent2tech.udfs.reconstruct;

/**
 * Turns a voxel occupancy into a closed, outward-wound triangle mesh. Implementations must emit the
 * same triangles as {@link CpuMarchingCubes}, up to order ({@link CanonicalTriangles#same}).
 */
public interface SurfaceExtractor {

  Mesh extract(VoxelGrid grid);
}
