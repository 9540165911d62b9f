package io.patent2tech.connectors.reconstruct.cuda;

/**
 * The two marching cubes kernels as the host drives them ({@link EdgeIdSurface}), over one chunk of
 * the padded lattice's cells: cells {@code firstCell .. firstCell + cellCount - 1} in the linear
 * order {@code i + (nx + 1) * (j + (ny + 1) * k)}, block {@code b} holding the chunk's cells
 * {@code b * BLOCK .. b * BLOCK + BLOCK - 1}. {@link CudaMarchingCubes} runs them on a GPU; the tests
 * run a Java port of reconstruct.cu through the same host code.
 */
interface MarchingCubesPasses {

  /** p2t_mc_count: triangles produced by each block of the chunk. */
  int[] count(long firstCell, int cellCount);

  /**
   * p2t_mc_emit: the chunk's {@code triangles} triangles as lattice edge ids, three per triangle,
   * block {@code b}'s first at {@code blockOffsets[b]}.
   */
  long[] emit(long firstCell, int cellCount, long[] blockOffsets, int triangles);
}
