package io.patent2tech.connectors.reconstruct.cuda;

import io.patent2tech.connectors.reconstruct.ReconstructionDevices;
import io.patent2tech.udfs.reconstruct.CanonicalTriangles;
import io.patent2tech.udfs.reconstruct.CpuCarver;
import io.patent2tech.udfs.reconstruct.CpuMarchingCubes;
import io.patent2tech.udfs.reconstruct.Extents;
import io.patent2tech.udfs.reconstruct.GridSpec;
import io.patent2tech.udfs.reconstruct.Mesh;
import io.patent2tech.udfs.reconstruct.RegisteredViews;
import io.patent2tech.udfs.reconstruct.VoxelGrid;
import java.io.PrintStream;

/**
 * The GPU path on a machine with a GPU, in one go: which device auto chooses, CPU against GPU
 * equivalence (voxels and triangles) and carve and marching cubes times at 128^3 and 256^3 on both.
 * CudaEquivalenceTest runs {@link #timings} as one of its tests; {@link #main} runs it all from the
 * test classpath (docs/reconstruction.md, "GPU path").
 */
public final class GpuCheck {

  private GpuCheck() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    ReconstructionDevices.Choice choice = ReconstructionDevices.choose(ReconstructionDevices.Mode.AUTO);
    out.println("gpu check: auto chooses " + choice.device());
    if (!choice.gpu()) {
      out.println("gpu check: nothing to compare without a GPU");
      System.exit(2);
    }
    boolean same = timings(out);
    out.println(same ? "gpu check: CPU and GPU agree" : "gpu check: CPU and GPU DIFFER");
    System.exit(same ? 0 : 1);
  }

  /**
   * Box and L-bracket from front, top and right views at 150 px, carved and surfaced at 128^3 and
   * 256^3 on CPU and GPU after one warm-up round; prints one line per case and returns whether
   * every GPU grid and mesh equals the CPU's.
   */
  public static boolean timings(PrintStream out) {
    boolean same = true;
    String[] names = {"box", "L-bracket"};
    ReconstructionFixtures.UnitSolid[] solids = {ReconstructionFixtures.BOX, ReconstructionFixtures.L_BRACKET};
    CpuCarver cpuCarver = new CpuCarver();
    CpuMarchingCubes cpuMarchingCubes = new CpuMarchingCubes();
    try (CudaCarver gpuCarver = CudaCarver.open(0); CudaMarchingCubes gpuMarchingCubes = CudaMarchingCubes.open(0)) {
      out.println("gpu check: " + gpuCarver.device());
      for (int round = 0; round < 2; round++) {
        for (int resolution : new int[] {128, 256}) {
          for (int s = 0; s < solids.length; s++) {
            RegisteredViews views = ReconstructionFixtures.threeViews(solids[s], new Extents(1, 1, 1));
            GridSpec spec = GridSpec.fitted(views.extents(), resolution);
            long t0 = System.nanoTime();
            VoxelGrid cpuGrid = cpuCarver.carve(views, spec);
            long t1 = System.nanoTime();
            Mesh cpuMesh = cpuMarchingCubes.extract(cpuGrid);
            long t2 = System.nanoTime();
            VoxelGrid gpuGrid = gpuCarver.carve(views, spec);
            long t3 = System.nanoTime();
            Mesh gpuMesh = gpuMarchingCubes.extract(gpuGrid);
            long t4 = System.nanoTime();
            boolean voxels = gpuGrid.sameVoxels(cpuGrid);
            boolean triangles = CanonicalTriangles.same(gpuMesh, cpuMesh);
            same &= voxels && triangles;
            if (round == 1) {
              out.printf("gpu check: %s %dx%dx%d: cpu carve %.1f ms, mc %.1f ms | gpu carve %.1f ms, mc %.1f ms"
                      + " | %d voxels, %d triangles | same voxels %b, same triangles %b%n",
                  names[s], spec.nx(), spec.ny(), spec.nz(), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3),
                  cpuGrid.count(), cpuMesh.triangleCount(), voxels, triangles);
            }
          }
        }
      }
    }
    return same;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
