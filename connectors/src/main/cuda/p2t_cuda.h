/*
 * The few CUDA keywords reconstruct.cu uses, defined on clang's own attributes and NVPTX builtins,
 * so the kernels compile to PTX with `clang -nocudainc -nocudalib` and no CUDA toolkit
 * (scripts/make-ptx). Nothing here is NVIDIA's code.
 */
#ifndef P2T_CUDA_H
#define P2T_CUDA_H

#ifndef __CUDA__
#error "compile as CUDA: clang -x cuda --cuda-device-only (see scripts/make-ptx)"
#endif

#define __global__ __attribute__((global))
#define __device__ __attribute__((device))
#define __shared__ __attribute__((shared))
/* inlined into each kernel, so the shared memory it is handed stays ld/st.shared, not generic */
#define __forceinline__ __attribute__((always_inline)) inline
#define __launch_bounds__(threads) __attribute__((launch_bounds(threads)))

/* thread and block coordinates: PTX special registers %tid.x, %ntid.x, %ctaid.x, %ctaid.y */
#define P2T_THREAD_X (__nvvm_read_ptx_sreg_tid_x())
#define P2T_BLOCK_DIM_X (__nvvm_read_ptx_sreg_ntid_x())
#define P2T_BLOCK_X (__nvvm_read_ptx_sreg_ctaid_x())
/* the batched kernels' item: the grid's second dimension */
#define P2T_BLOCK_Y (__nvvm_read_ptx_sreg_ctaid_y())

/* bar.sync 0: every thread of the block reaches it before any goes on */
#define P2T_SYNC_THREADS() __syncthreads()

#endif
