package io.patent2tech.udfs.reconstruct;

import java.util.List;

/**
 * The reference {@link Carver}, single-threaded. Each silhouette is first resampled onto the grid
 * cells of its two axes with {@link CarveRule#column} and {@link CarveRule#row} (the rule does not
 * depend on the third coordinate), then every voxel is the AND of its cells; the result equals
 * {@link CarveRule#keeps} voxel for voxel.
 */
public final class CpuCarver implements Carver {

  @Override
  public VoxelGrid carve(RegisteredViews views, GridSpec spec) {
    CarveRule.requireRepresentable(views);
    List<Silhouette> silhouettes = views.silhouettes();
    int n = silhouettes.size();
    boolean[][] cells = new boolean[n][];
    int[] colAxis = new int[n];
    int[] rowAxis = new int[n];
    int[] colCount = new int[n];
    for (int v = 0; v < n; v++) {
      Silhouette s = silhouettes.get(v);
      Axis c = s.view().columnAxis();
      Axis r = s.view().rowAxis();
      colAxis[v] = c.ordinal();
      rowAxis[v] = r.ordinal();
      int nc = spec.count(c);
      int nr = spec.count(r);
      colCount[v] = nc;
      int[] columns = new int[nc];
      for (int g = 0; g < nc; g++) {
        columns[g] = CarveRule.column(s, g, nc);
      }
      cells[v] = new boolean[nc * nr];
      for (int gr = 0; gr < nr; gr++) {
        int row = CarveRule.row(s, gr, nr);
        for (int gc = 0; gc < nc; gc++) {
          cells[v][gc + nc * gr] = s.inside(columns[gc], row);
        }
      }
    }
    long[] words = new long[VoxelGrid.wordCount(spec)];
    int[] g = new int[3];
    long index = 0;
    for (int z = 0; z < spec.nz(); z++) {
      g[2] = z;
      for (int y = 0; y < spec.ny(); y++) {
        g[1] = y;
        for (int x = 0; x < spec.nx(); x++, index++) {
          g[0] = x;
          boolean keep = true;
          for (int v = 0; v < n && keep; v++) {
            keep = cells[v][g[colAxis[v]] + colCount[v] * g[rowAxis[v]]];
          }
          if (keep) {
            words[(int) (index >>> 6)] |= 1L << (index & 63);
          }
        }
      }
    }
    return VoxelGrid.ofWords(spec, words);
  }
}
