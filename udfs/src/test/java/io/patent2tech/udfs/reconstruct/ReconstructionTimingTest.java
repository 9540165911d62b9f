package io.patent2tech.udfs.reconstruct;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Carve and marching cubes times on one thread, printed to stdout (udfs' tests have no logging
 * backend), never asserted (the machine is shared). Runs
 * only when asked: {@code -Dtest=ReconstructionTimingTest -Dreconstruct.timing=true}.
 */
@EnabledIfSystemProperty(named = "reconstruct.timing", matches = "true")
class ReconstructionTimingTest {

  @Test
  void carveAndSurfaceAt128And256() {
    Carver carver = new CpuCarver();
    SurfaceExtractor marchingCubes = new CpuMarchingCubes();
    String[] names = {"box", "L-bracket"};
    TestSolids.UnitPredicate[] solids = {(u, v, w) -> true, TestSolids::lBracket};
    for (int warmup = 0; warmup < 2; warmup++) {
      for (int resolution : new int[] {128, 256}) {
        for (int s = 0; s < solids.length; s++) {
          List<Silhouette> drawings = List.of(
              CarveTest.renderedAt150PxPerUnit(solids[s], new Extents(1, 1, 1), View.FRONT),
              CarveTest.renderedAt150PxPerUnit(solids[s], new Extents(1, 1, 1), View.TOP),
              CarveTest.renderedAt150PxPerUnit(solids[s], new Extents(1, 1, 1), View.RIGHT));
          RegisteredViews views = ViewRegistration.register(drawings);
          GridSpec spec = GridSpec.fitted(views.extents(), resolution);
          long t0 = System.nanoTime();
          VoxelGrid grid = carver.carve(views, spec);
          long t1 = System.nanoTime();
          Mesh mesh = marchingCubes.extract(grid);
          long t2 = System.nanoTime();
          if (warmup == 1) {
            System.out.printf("reconstruct timing: %s %dx%dx%d: carve %d ms, marching cubes %d ms, %d voxels, %d vertices,"
                + " %d triangles%n",
                names[s], spec.nx(), spec.ny(), spec.nz(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                grid.count(), mesh.vertexCount(), mesh.triangleCount());
          }
        }
      }
    }
  }
}
