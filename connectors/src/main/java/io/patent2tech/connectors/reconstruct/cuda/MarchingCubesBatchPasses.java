package io.patent2tech.connectors.reconstruct.cuda;

/**
 * The two batched marching cubes kernels as the host drives them ({@link EdgeIdSurface#extractAll}):
 * several grids' whole padded lattices in one launch each, laid out by
 * {@link CudaKernels#marchingCubesBatch}. {@link CudaMarchingCubes} runs them on a GPU; the tests run
 * a Java port of reconstruct.cu through the same host code.
 */
interface MarchingCubesBatchPasses {

  /** The batch's buffers made ready for its two passes (on a GPU: uploaded once). */
  Loaded load(CudaKernels.MarchingCubesBatch batch);

  /** One loaded batch; close frees what {@link #load} took. */
  interface Loaded extends AutoCloseable {

    /** p2t_mc_count_batch: the triangles of each block of every item, item {@code i}'s from {@code firstBlocks()[i]}. */
    int[] count();

    /**
     * p2t_mc_emit_batch: the batch's {@code triangles} triangles as lattice edge ids, three per
     * triangle, block {@code b} of the batch writing from triangle {@code blockOffsets[b]} on.
     */
    long[] emit(long[] blockOffsets, int triangles);

    @Override
    void close();
  }
}
