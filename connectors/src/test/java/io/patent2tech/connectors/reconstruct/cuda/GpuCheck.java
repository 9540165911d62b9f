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
    try (CudaDevice context = CudaDevice.open(0)) {
      CudaCarver gpuCarver = CudaCarver.on(context);
      CudaMarchingCubes gpuMarchingCubes = CudaMarchingCubes.on(context);
      out.println("gpu check: " + gpuCarver.device() + ", one context for carver and marching cubes");
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
    return same & batch(out);
  }

  /**
   * Box, L-bracket and plate with a hole at 128 and 256 voxels, six sets, carved in one
   * {@code carveAll} and surfaced in one {@code extractAll} on one context, against the GPU one set
   * at a time and the CPU; prints the times of the second round and returns whether all agree.
   */
  public static boolean batch(PrintStream out) {
    boolean same = true;
    java.util.List<io.patent2tech.udfs.reconstruct.Carver.Item> items = new java.util.ArrayList<>();
    for (int resolution : new int[] {128, 256}) {
      for (ReconstructionFixtures.UnitSolid solid : new ReconstructionFixtures.UnitSolid[] {
          ReconstructionFixtures.BOX, ReconstructionFixtures.L_BRACKET, ReconstructionFixtures.PLATE_WITH_HOLE}) {
        RegisteredViews views = ReconstructionFixtures.threeViews(solid, new Extents(1, 0.7, 0.5));
        items.add(new io.patent2tech.udfs.reconstruct.Carver.Item(views, GridSpec.fitted(views.extents(), resolution)));
      }
    }
    try (CudaDevice context = CudaDevice.open(0)) {
      CudaCarver carver = CudaCarver.on(context);
      CudaMarchingCubes marchingCubes = CudaMarchingCubes.on(context);
      for (int round = 0; round < 2; round++) {
        long t0 = System.nanoTime();
        java.util.List<VoxelGrid> grids = carver.carveAll(items);
        long t1 = System.nanoTime();
        java.util.List<Mesh> meshes = marchingCubes.extractAll(grids);
        long t2 = System.nanoTime();
        java.util.List<VoxelGrid> aloneGrids = new java.util.ArrayList<>();
        java.util.List<Mesh> aloneMeshes = new java.util.ArrayList<>();
        for (var item : items) {
          aloneGrids.add(carver.carve(item.views(), item.spec()));
        }
        long t3 = System.nanoTime();
        for (VoxelGrid g : aloneGrids) {
          aloneMeshes.add(marchingCubes.extract(g));
        }
        long t4 = System.nanoTime();
        boolean agree = true;
        for (int i = 0; i < items.size(); i++) {
          VoxelGrid cpu = new CpuCarver().carve(items.get(i).views(), items.get(i).spec());
          agree &= grids.get(i).sameVoxels(cpu) && aloneGrids.get(i).sameVoxels(cpu)
              && CanonicalTriangles.same(meshes.get(i), new CpuMarchingCubes().extract(cpu))
              && CanonicalTriangles.same(aloneMeshes.get(i), meshes.get(i));
        }
        same &= agree;
        if (round == 1) {
          out.printf("gpu check: batch of %d sets (128 and 256): batched carve %.1f ms, mc %.1f ms | one by one"
              + " carve %.1f ms, mc %.1f ms | equal to the CPU and to one by one %b%n",
              items.size(), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), agree);
        }
      }
    }
    return same;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
