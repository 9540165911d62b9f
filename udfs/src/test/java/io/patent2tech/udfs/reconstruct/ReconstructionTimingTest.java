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
    Extents unitCube = new Extents(1, 1, 1);
    for (int resolution : new int[] {128, 256}) {
      for (int s = 0; s < solids.length; s++) {
        RegisteredViews views = ViewRegistration.register(List.of(
            CarveTest.renderedAt150PxPerUnit(solids[s], unitCube, View.FRONT),
            CarveTest.renderedAt150PxPerUnit(solids[s], unitCube, View.TOP),
            CarveTest.renderedAt150PxPerUnit(solids[s], unitCube, View.RIGHT)));
        GridSpec spec = GridSpec.fitted(views.extents(), resolution);
        // two rounds to warm the JIT, then the best of three: the machine is shared
        long carveBest = Long.MAX_VALUE, surfaceBest = Long.MAX_VALUE;
        VoxelGrid grid = null;
        Mesh mesh = null;
        for (int round = 0; round < 5; round++) {
          long t0 = System.nanoTime();
          grid = carver.carve(views, spec);
          long t1 = System.nanoTime();
          mesh = marchingCubes.extract(grid);
          long t2 = System.nanoTime();
          if (round >= 2) {
            carveBest = Math.min(carveBest, t1 - t0);
            surfaceBest = Math.min(surfaceBest, t2 - t1);
          }
        }
        System.out.printf("reconstruct timing: %s %dx%dx%d: carve %d ms, marching cubes %d ms, %d voxels, %d vertices,"
            + " %d triangles%n", names[s], spec.nx(), spec.ny(), spec.nz(), carveBest / 1_000_000,
            surfaceBest / 1_000_000, grid.count(), mesh.vertexCount(), mesh.triangleCount());
      }
    }
  }
}
