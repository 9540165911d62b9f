/*
 * GPU twin of io.patent2tech.udfs.reconstruct: visual hull carving (CarveRule) and marching cubes
 * (CpuMarchingCubes), bit for bit and triangle for triangle. docs/reconstruction.md, "GPU path".
 *
 * Compiled ahead of time to PTX by scripts/make-ptx; the PTX ships as the resource
 * io/patent2tech/cuda/reconstruct.ptx and is loaded with cuModuleLoadData by
 * io.patent2tech.connectors.reconstruct.cuda.CudaKernels. Entry names are extern "C" and are
 * repeated in CudaKernels; PtxResourceTest holds the two together.
 *
 * Each kernel has a batched twin (suffix _batch): several grids of different sizes in one launch,
 * the item in the launch grid's y dimension (blockIdx.y), each item's buffers at its offsets into
 * buffers concatenated by the host (CudaKernels.carveBatch, CudaKernels.marchingCubesBatch). Both
 * run the same device functions below, so a batch computes exactly what its items alone compute.
 *
 * Integer types: int is 32 bits, long long 64, as Java's int and long. Every value Java passes is
 * one of those two (masks are bytes, voxel words and edge ids are 64-bit).
 */
#include "p2t_cuda.h"

/* Threads per block of the marching cubes kernels; CudaKernels.MC_BLOCK must be equal. */
#define P2T_MC_BLOCK 256

/* Layout of the table buffer the host builds from MarchingCubesTable (CudaKernels.table()). */
#define P2T_TABLE_COUNTS 0       /* 256 ints: triangles of each case */
#define P2T_TABLE_EDGE_STARTS 256 /* 12 ints: the corner each cell edge starts at */
#define P2T_TABLE_TRIANGLES 268  /* 256 rows of `stride` ints: cell edges, 3 per triangle, -1 padded */

/* Words per view descriptor, as CudaKernels writes them. */
#define P2T_VIEW_INTS 6

/* Words per item of p2t_carve_batch: first view, view count, nx, ny, nz, offset of its voxel words. */
#define P2T_CARVE_ITEM_INTS 6
/* Words per item of the batched marching cubes: nx, ny, nz, offset of its voxel words, cell count,
 * index of its first block in the batch's block sums and offsets. */
#define P2T_MC_ITEM_INTS 6

/* CarveRule.pixel: the pixel (0..pixels-1) holding the centre of voxel `voxel` of `voxels`. */
static __device__ int p2t_pixel(int voxel, int voxels, int pixels) {
  return ((2 * voxel + 1) * pixels) / (2 * voxels);
}

static __device__ int p2t_along(int axis, int x, int y, int z) {
  return axis == 0 ? x : (axis == 1 ? y : z);
}

/*
 * The bits of voxel word w of one grid: voxels 64w..64w+63 in the order index = x + nx * (y + ny * z),
 * walked with x fastest. Bits past the last voxel stay 0, as VoxelGrid.ofWords requires.
 *
 * views: viewCount descriptors of P2T_VIEW_INTS ints {column axis, row axis, mirrored (bit 0 columns, bit 1 rows), width,
 * height, offset of the mask in `masks`}; masks: row-major bytes, 1 inside. The rule per
 * silhouette is CarveRule's, in 32-bit ints (the host checks the sizes it allows).
 */
static __device__ unsigned long long p2t_carve_word(const unsigned char* __restrict__ masks,
                                                    const int* __restrict__ views, int viewCount,
                                                    int nx, int ny, int nz, long long voxelCount, long long w) {
  long long first = w * 64;
  int x = (int)(first % nx);
  long long yz = first / nx;
  int y = (int)(yz % ny);
  int z = (int)(yz / ny);
  long long remaining = voxelCount - first;
  int bitsInWord = remaining < 64 ? (int)remaining : 64;
  unsigned long long bits = 0;
  for (int b = 0; b < bitsInWord; b++) {
    int keep = 1;
    for (int v = 0; v < viewCount && keep; v++) {
      const int* d = views + P2T_VIEW_INTS * v;
      int colAxis = d[0];
      int rowAxis = d[1];
      int mirrored = d[2];  /* bit 0: columns mirrored; bit 1: rows mirrored (the bottom view) */
      int width = d[3];
      int height = d[4];
      int offset = d[5];
      int nCol = colAxis == 0 ? nx : (colAxis == 1 ? ny : nz);
      int nRow = rowAxis == 0 ? nx : (rowAxis == 1 ? ny : nz);
      int pc = p2t_pixel(p2t_along(colAxis, x, y, z), nCol, width);
      int column = (mirrored & 1) ? width - 1 - pc : pc;
      int pr = p2t_pixel(p2t_along(rowAxis, x, y, z), nRow, height);
      int row = (mirrored & 2) ? pr : height - 1 - pr;
      keep = masks[(long long)offset + (long long)row * width + column] != 0;
    }
    if (keep) {
      bits |= 1ULL << b;
    }
    if (++x == nx) {
      x = 0;
      if (++y == ny) {
        y = 0;
        ++z;
      }
    }
  }
  return bits;
}

/*
 * carve: one thread per 64-bit word of the VoxelGrid packing; the thread writes its whole word once,
 * so no two threads touch one word and no atomics are needed.
 */
extern "C" __global__ void __launch_bounds__(256)
p2t_carve(const unsigned char* __restrict__ masks, const int* __restrict__ views, int viewCount,
          int nx, int ny, int nz, long long voxelCount, int wordCount,
          unsigned long long* __restrict__ words) {
  long long w = (long long)P2T_BLOCK_X * P2T_BLOCK_DIM_X + P2T_THREAD_X;
  if (w >= wordCount) {
    return;
  }
  words[w] = p2t_carve_word(masks, views, viewCount, nx, ny, nz, voxelCount, w);
}

/*
 * carve, batched: block (x, item) carves words x * 256 .. x * 256 + 255 of item blockIdx.y. items:
 * P2T_CARVE_ITEM_INTS ints per item {first view, view count, nx, ny, nz, word offset}: its views are
 * descriptors first .. first + count - 1 of `views` (mask offsets into the one `masks` buffer of the
 * batch), its words go to words[offset ..]. The launch is as wide as the largest item; threads past
 * an item's last word return.
 */
extern "C" __global__ void __launch_bounds__(256)
p2t_carve_batch(const unsigned char* __restrict__ masks, const int* __restrict__ views,
                const int* __restrict__ items, unsigned long long* __restrict__ words) {
  const int* item = items + P2T_CARVE_ITEM_INTS * (int)P2T_BLOCK_Y;
  int nx = item[2];
  int ny = item[3];
  int nz = item[4];
  long long voxelCount = (long long)nx * ny * nz;
  long long wordCount = (voxelCount + 63) / 64;
  long long w = (long long)P2T_BLOCK_X * P2T_BLOCK_DIM_X + P2T_THREAD_X;
  if (w >= wordCount) {
    return;
  }
  words[(long long)item[5] + w] = p2t_carve_word(masks, views + P2T_VIEW_INTS * item[0], item[1], nx, ny, nz,
                                                 voxelCount, w);
}

/* VoxelGrid.get: occupancy of voxel (x, y, z), 0 outside the grid (the padding). */
static __device__ int p2t_occupied(const unsigned long long* __restrict__ words, int nx, int ny, int nz,
                                   int x, int y, int z) {
  if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) {
    return 0;
  }
  long long i = x + (long long)nx * (y + (long long)ny * z);
  return (int)((words[i >> 6] >> (i & 63)) & 1ULL);
}

/*
 * The case of cell (i, j, k) of the padded lattice: bit c = dx + 2 dy + 4 dz set when lattice point
 * (i + dx, j + dy, k + dz), the centre of voxel (i + dx - 1, j + dy - 1, k + dz - 1), is inside.
 */
static __device__ int p2t_cube_case(const unsigned long long* __restrict__ words, int nx, int ny, int nz,
                                    int i, int j, int k) {
  int c = 0;
  for (int corner = 0; corner < 8; corner++) {
    int dx = corner & 1;
    int dy = (corner >> 1) & 1;
    int dz = (corner >> 2) & 1;
    c |= p2t_occupied(words, nx, ny, nz, i + dx - 1, j + dy - 1, k + dz - 1) << corner;
  }
  return c;
}

/* Cell `cell` (linear, i fastest over nx + 1, then j over ny + 1, then k) as (i, j, k). */
static __device__ void p2t_cell(long long cell, int nx, int ny, int* i, int* j, int* k) {
  long long cx = (long long)nx + 1;
  long long cy = (long long)ny + 1;
  *i = (int)(cell % cx);
  long long rest = cell / cx;
  *j = (int)(rest % cy);
  *k = (int)(rest / cy);
}

/* Triangles cell firstCell + local produces, and its case (0 for threads past the chunk). */
static __device__ int p2t_cell_triangles(const unsigned long long* __restrict__ words, int nx, int ny, int nz,
                                         long long firstCell, int cellCount, const int* __restrict__ table,
                                         int local, int* cubeCase, int* i, int* j, int* k) {
  *cubeCase = 0;
  if (local >= cellCount) {
    return 0;
  }
  p2t_cell(firstCell + local, nx, ny, i, j, k);
  *cubeCase = p2t_cube_case(words, nx, ny, nz, *i, *j, *k);
  return table[P2T_TABLE_COUNTS + *cubeCase];
}

/*
 * Marching cubes pass 1, one block: the sum of the triangle counts of cells firstCell + 256 block ..
 * firstCell + 256 block + 255 (a tree reduction in shared memory `s`), returned to thread 0.
 */
static __device__ __forceinline__ int p2t_count_block(const unsigned long long* __restrict__ words, int nx, int ny, int nz,
                                                      long long firstCell, int cellCount,
                                                      const int* __restrict__ table, int block, int* s) {
  int t = (int)P2T_THREAD_X;
  int local = block * P2T_MC_BLOCK + t;
  int cubeCase, i, j, k;
  s[t] = p2t_cell_triangles(words, nx, ny, nz, firstCell, cellCount, table, local, &cubeCase, &i, &j, &k);
  P2T_SYNC_THREADS();
  for (int half = P2T_MC_BLOCK / 2; half > 0; half >>= 1) {
    if (t < half) {
      s[t] += s[t + half];
    }
    P2T_SYNC_THREADS();
  }
  return s[0];
}

/*
 * Marching cubes pass 2, one block: scans the block's cells' triangle counts in shared memory `s`
 * (exclusive, Hillis-Steele), adds the block's offset `blockOffset` (in triangles), and writes each
 * triangle as the lattice edge ids (SurfaceLattice.edgeId) of its three vertices, in the table's
 * order.
 */
static __device__ __forceinline__ void p2t_emit_block(const unsigned long long* __restrict__ words, int nx, int ny, int nz,
                                      long long firstCell, int cellCount, const int* __restrict__ table,
                                      int stride, int block, long long blockOffset,
                                      long long* __restrict__ edgeIds, int* s) {
  int t = (int)P2T_THREAD_X;
  int local = block * P2T_MC_BLOCK + t;
  int cubeCase, i, j, k;
  int n = p2t_cell_triangles(words, nx, ny, nz, firstCell, cellCount, table, local, &cubeCase, &i, &j, &k);
  s[t] = n;
  P2T_SYNC_THREADS();
  for (int off = 1; off < P2T_MC_BLOCK; off <<= 1) {
    int add = t >= off ? s[t - off] : 0;
    P2T_SYNC_THREADS();
    s[t] += add;
    P2T_SYNC_THREADS();
  }
  if (n == 0) {
    return;
  }
  long long base = 3 * (blockOffset + (s[t] - n));
  const int* row = table + P2T_TABLE_TRIANGLES + cubeCase * stride;
  long long px = (long long)nx + 2;
  long long py = (long long)ny + 2;
  for (int e = 0; e < 3 * n; e++) {
    int edge = row[e];
    int start = table[P2T_TABLE_EDGE_STARTS + edge];
    long long li = i + (start & 1);
    long long lj = j + ((start >> 1) & 1);
    long long lk = k + ((start >> 2) & 1);
    edgeIds[base + e] = ((lk * py + lj) * px + li) * 3 + edge / 4;
  }
}

/*
 * Marching cubes pass 1: block b sums the triangle counts of cells firstCell + 256 b ..
 * firstCell + 256 b + 255 into blockSums[b]. The host turns the block sums into exclusive offsets
 * (a prefix sum over a few thousand ints per million cells).
 */
extern "C" __global__ void __launch_bounds__(P2T_MC_BLOCK)
p2t_mc_count(const unsigned long long* __restrict__ words, int nx, int ny, int nz, long long firstCell,
             int cellCount, const int* __restrict__ table, int* __restrict__ blockSums) {
  __shared__ int s[P2T_MC_BLOCK];
  int sum = p2t_count_block(words, nx, ny, nz, firstCell, cellCount, table, (int)P2T_BLOCK_X, s);
  if (P2T_THREAD_X == 0) {
    blockSums[P2T_BLOCK_X] = sum;
  }
}

/*
 * Marching cubes pass 2: block b writes its cells' triangles from blockOffsets[b] on. Triangles
 * therefore come out in cell order (i fastest, then j, then k) and in table order within a cell:
 * the order CpuMarchingCubes emits them in.
 */
extern "C" __global__ void __launch_bounds__(P2T_MC_BLOCK)
p2t_mc_emit(const unsigned long long* __restrict__ words, int nx, int ny, int nz, long long firstCell,
            int cellCount, const int* __restrict__ table, int stride,
            const long long* __restrict__ blockOffsets, long long* __restrict__ edgeIds) {
  __shared__ int s[P2T_MC_BLOCK];
  p2t_emit_block(words, nx, ny, nz, firstCell, cellCount, table, stride, (int)P2T_BLOCK_X,
                 blockOffsets[P2T_BLOCK_X], edgeIds, s);
}

/*
 * Pass 1, batched: block (x, item) counts block x of the whole padded lattice of item blockIdx.y.
 * items: P2T_MC_ITEM_INTS ints per item {nx, ny, nz, word offset, cell count, first block}; its
 * voxel words are words[word offset ..], its block sums go to blockSums[first block + x]. A block
 * past the item's cells returns as a whole (the test depends on the block only, so no thread of it
 * waits at a barrier the others skipped).
 */
extern "C" __global__ void __launch_bounds__(P2T_MC_BLOCK)
p2t_mc_count_batch(const unsigned long long* __restrict__ words, const int* __restrict__ items,
                   const int* __restrict__ table, int* __restrict__ blockSums) {
  __shared__ int s[P2T_MC_BLOCK];
  const int* item = items + P2T_MC_ITEM_INTS * (int)P2T_BLOCK_Y;
  int block = (int)P2T_BLOCK_X;
  int cellCount = item[4];
  if ((long long)block * P2T_MC_BLOCK >= cellCount) {
    return;
  }
  int sum = p2t_count_block(words + item[3], item[0], item[1], item[2], 0, cellCount, table, block, s);
  if (P2T_THREAD_X == 0) {
    blockSums[item[5] + block] = sum;
  }
}

/*
 * Pass 2, batched: block (x, item) writes the triangles of block x of item blockIdx.y from
 * blockOffsets[first block + x] on, offsets the host scanned over the whole batch, so the items'
 * triangles lie back to back in `edgeIds`, item by item.
 */
extern "C" __global__ void __launch_bounds__(P2T_MC_BLOCK)
p2t_mc_emit_batch(const unsigned long long* __restrict__ words, const int* __restrict__ items,
                  const int* __restrict__ table, int stride, const long long* __restrict__ blockOffsets,
                  long long* __restrict__ edgeIds) {
  __shared__ int s[P2T_MC_BLOCK];
  const int* item = items + P2T_MC_ITEM_INTS * (int)P2T_BLOCK_Y;
  int block = (int)P2T_BLOCK_X;
  int cellCount = item[4];
  if ((long long)block * P2T_MC_BLOCK >= cellCount) {
    return;
  }
  p2t_emit_block(words + item[3], item[0], item[1], item[2], 0, cellCount, table, stride, block,
                 blockOffsets[item[5] + block], edgeIds, s);
}
