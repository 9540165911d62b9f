package io.patent2tech.udfs.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

/** Assertions on mesh topology shared by the surface and writer tests. */
final class MeshChecks {

  private MeshChecks() {}

  /**
   * Closed and consistently wound: every undirected edge is used by exactly two triangles, once in
   * each direction (so no holes, no non-manifold edges, no flipped triangle).
   */
  static void assertClosedAndOriented(Mesh mesh) {
    int[] t = mesh.triangles();
    long n = mesh.vertexCount();
    Map<Long, Integer> directed = new HashMap<>();
    for (int i = 0; i < t.length; i += 3) {
      assertThat(t[i] != t[i + 1] && t[i + 1] != t[i + 2] && t[i] != t[i + 2])
          .as("triangle %d is degenerate", i / 3).isTrue();
      for (int e = 0; e < 3; e++) {
        directed.merge(t[i + e] * n + t[i + (e + 1) % 3], 1, Integer::sum);
      }
    }
    for (Map.Entry<Long, Integer> e : directed.entrySet()) {
      long a = e.getKey() / n, b = e.getKey() % n;
      assertThat(e.getValue()).as("directed edge %d->%d used more than once", a, b).isEqualTo(1);
      assertThat(directed.get(b * n + a)).as("edge %d->%d has no opposite: a hole or a flipped triangle", a, b)
          .isEqualTo(1);
    }
  }
}
