package io.patent2tech.udfs.reconstruct;

import java.util.Arrays;

/**
 * A bit-packed occupancy grid: voxel (x, y, z) is bit {@code index & 63} of word
 * {@code index >>> 6}, where {@code index = x + nx * (y + ny * z)} (x fastest). 256^3 voxels take
 * 2 MiB. The layout is part of the contract with the GPU carver, whose threads each fill one whole
 * word, so no two threads write the same word.
 */
public final class VoxelGrid {

  private final GridSpec spec;
  private final long[] words;

  /** An empty grid. */
  public VoxelGrid(GridSpec spec) {
    this.spec = spec;
    this.words = new long[wordCount(spec)];
  }

  /** A grid over the given words (copied); bits past the last voxel must be 0. */
  public static VoxelGrid ofWords(GridSpec spec, long[] words) {
    if (words.length != wordCount(spec)) {
      throw new IllegalArgumentException("grid " + spec.nx() + "x" + spec.ny() + "x" + spec.nz() + " needs "
          + wordCount(spec) + " words, got " + words.length);
    }
    int tail = (int) (spec.voxelCount() & 63);
    if (tail != 0 && (words[words.length - 1] >>> tail) != 0) {
      throw new IllegalArgumentException("bits set past the last voxel");
    }
    VoxelGrid g = new VoxelGrid(spec);
    System.arraycopy(words, 0, g.words, 0, words.length);
    return g;
  }

  /** Number of 64-bit words holding {@code spec}'s voxels. */
  public static int wordCount(GridSpec spec) {
    long n = (spec.voxelCount() + 63) >>> 6;
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("grid too large for one array: " + spec.voxelCount() + " voxels");
    }
    return (int) n;
  }

  public GridSpec spec() {
    return spec;
  }

  public int nx() {
    return spec.nx();
  }

  public int ny() {
    return spec.ny();
  }

  public int nz() {
    return spec.nz();
  }

  /** Linear index of voxel (x, y, z), x fastest. */
  public long index(int x, int y, int z) {
    return x + (long) spec.nx() * (y + (long) spec.ny() * z);
  }

  /** Occupancy of (x, y, z); false outside the grid, which is how marching cubes pads it. */
  public boolean get(int x, int y, int z) {
    if (x < 0 || y < 0 || z < 0 || x >= spec.nx() || y >= spec.ny() || z >= spec.nz()) {
      return false;
    }
    long i = index(x, y, z);
    return (words[(int) (i >>> 6)] & (1L << (i & 63))) != 0;
  }

  public void set(int x, int y, int z, boolean occupied) {
    if (x < 0 || y < 0 || z < 0 || x >= spec.nx() || y >= spec.ny() || z >= spec.nz()) {
      throw new IndexOutOfBoundsException("voxel (" + x + ", " + y + ", " + z + ") outside the grid");
    }
    long i = index(x, y, z);
    if (occupied) {
      words[(int) (i >>> 6)] |= 1L << (i & 63);
    } else {
      words[(int) (i >>> 6)] &= ~(1L << (i & 63));
    }
  }

  /** A copy of the packed words. */
  public long[] words() {
    return words.clone();
  }

  /** Word {@code w} of the packing, without copying. */
  public long word(int w) {
    return words[w];
  }

  /** Number of occupied voxels. */
  public long count() {
    long n = 0;
    for (long w : words) {
      n += Long.bitCount(w);
    }
    return n;
  }

  /** Same dimensions and same occupied voxels (the extents are not compared). */
  public boolean sameVoxels(VoxelGrid other) {
    return other.nx() == nx() && other.ny() == ny() && other.nz() == nz() && Arrays.equals(other.words, words);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VoxelGrid g && g.spec.equals(spec) && Arrays.equals(g.words, words);
  }

  @Override
  public int hashCode() {
    return spec.hashCode() * 31 + Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return "VoxelGrid[" + nx() + "x" + ny() + "x" + nz() + ", " + count() + " occupied]";
  }
}
