package io.patent2tech.udfs.reconstruct;

import java.util.Arrays;

/**
 * Builds a {@link Mesh} from triangle corners given as lattice edge ids ({@link SurfaceLattice}):
 * one vertex per edge id, numbered in order of first use, placed at
 * {@link SurfaceLattice#position}, normals by {@link Mesh#of}. The one place both marching cubes
 * (the CPU's and the GPU's host half) turn edge ids into a mesh, so that the same ids in the same
 * order give the same arrays.
 *
 * <p>The vertex numbering is an open-addressing map from id to index, since a 256^3 surface has
 * hundreds of thousands of vertices and a boxed map would triple the memory.
 */
public final class EdgeIdMesh {

  private final GridSpec spec;
  private long[] keys = new long[1 << 12];
  private int[] values = new int[1 << 12];
  private long[] order = new long[1 << 10];
  private int size;
  private int[] corners = new int[1 << 12];
  private int cornerCount;

  public EdgeIdMesh(GridSpec spec) {
    this.spec = spec;
    Arrays.fill(keys, -1);
  }

  /** One triangle corner: the vertex on lattice edge {@code edgeId}. */
  public void add(long edgeId) {
    if (cornerCount == corners.length) {
      corners = Arrays.copyOf(corners, 2 * corners.length);
    }
    corners[cornerCount++] = indexOf(edgeId);
  }

  /** Corners in order, three per triangle. */
  public void addAll(long[] edgeIds) {
    if (cornerCount + edgeIds.length > corners.length) {
      corners = Arrays.copyOf(corners, Math.max(2 * corners.length, cornerCount + edgeIds.length));
    }
    for (long id : edgeIds) {
      corners[cornerCount++] = indexOf(id);
    }
  }

  public int triangleCount() {
    return cornerCount / 3;
  }

  public Mesh build() {
    long[] ids = Arrays.copyOf(order, size);
    float[] positions = new float[3 * size];
    for (int v = 0; v < size; v++) {
      SurfaceLattice.position(spec, ids[v], positions, 3 * v);
    }
    return Mesh.of(positions, Arrays.copyOf(corners, cornerCount), ids);
  }

  private int indexOf(long id) {
    int mask = keys.length - 1;
    int slot = (int) (mix(id) & mask);
    while (keys[slot] != -1) {
      if (keys[slot] == id) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = id;
    values[slot] = size;
    if (size == order.length) {
      order = Arrays.copyOf(order, 2 * size);
    }
    order[size] = id;
    int index = size++;
    if (2 * size > keys.length) {
      grow();
    }
    return index;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[2 * oldKeys.length];
    values = new int[2 * oldKeys.length];
    Arrays.fill(keys, -1);
    int mask = keys.length - 1;
    for (int s = 0; s < oldKeys.length; s++) {
      if (oldKeys[s] != -1) {
        int slot = (int) (mix(oldKeys[s]) & mask);
        while (keys[slot] != -1) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[s];
        values[slot] = oldValues[s];
      }
    }
  }

  private static long mix(long x) {
    x *= 0x9E3779B97F4A7C15L;
    return x ^ (x >>> 29);
  }
}
