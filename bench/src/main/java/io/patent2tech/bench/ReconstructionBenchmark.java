package io.patent2tech.bench;

import io.patent2tech.udfs.drawings.image.BinaryImage;
import io.patent2tech.udfs.drawings.image.DrawingImageRejectedException;
import io.patent2tech.udfs.drawings.image.DrawingImages;
import io.patent2tech.udfs.drawings.image.ImageLimits;
import io.patent2tech.udfs.drawings.sheets.DesignCatalogue;
import io.patent2tech.udfs.drawings.sheets.DesignPatent;
import io.patent2tech.udfs.drawings.sheets.DrawnPatent;
import io.patent2tech.udfs.drawings.sheets.GrantXml;
import io.patent2tech.udfs.drawings.sheets.Solid;
import io.patent2tech.udfs.drawings.sheets.Solids;
import io.patent2tech.udfs.models3d.ReconstructionSettings;
import io.patent2tech.udfs.models3d.SetReconstruction;
import io.patent2tech.udfs.models3d.SetReconstruction.Outcome;
import io.patent2tech.udfs.models3d.SetReconstruction.ViewSheet;
import io.patent2tech.udfs.reconstruct.Axis;
import io.patent2tech.udfs.reconstruct.CanonicalTriangles;
import io.patent2tech.udfs.reconstruct.CarveRule;
import io.patent2tech.connectors.reconstruct.ReconstructionDevices;
import io.patent2tech.udfs.reconstruct.Carver;
import io.patent2tech.udfs.reconstruct.CpuCarver;
import io.patent2tech.udfs.reconstruct.CpuMarchingCubes;
import io.patent2tech.udfs.reconstruct.GridSpec;
import io.patent2tech.udfs.reconstruct.Mesh;
import io.patent2tech.udfs.reconstruct.RegisteredViews;
import io.patent2tech.udfs.reconstruct.Silhouette;
import io.patent2tech.udfs.reconstruct.SurfaceExtractor;
import io.patent2tech.udfs.reconstruct.View;
import io.patent2tech.udfs.reconstruct.VoxelGrid;
import io.patent2tech.udfs.reconstruct.VoxelMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 3D reconstruction benchmark (issue 11): quality and speed of the real path from a design
 * patent's G4 sheets to a voxel grid and a mesh, on the synthetic design patents of
 * {@link DesignCatalogue} (docs/test-data.md), whose solids are known exactly.
 *
 * <p>Quality: every reconstructable set (an embodiment with its six orthographic views) goes
 * through {@link DrawingImages#decode} and {@link SetReconstruction#reconstruct} (analysis,
 * registration, {@link CpuCarver}, {@link CpuMarchingCubes}) at each grid size. On the
 * reconstruction's own grid, the solid is sampled at the voxel centres (the registered bounding box
 * mapped onto the solid's, {@code [0,width] x [0,depth] x [0,height]}), and so is its discrete visual
 * hull (a voxel is in it when the solid meets each of the three axis lines through it: the best any
 * silhouette pipeline can do on that grid). IoU of the reconstruction against the solid, of the
 * hull against the solid (the ceiling), and of the reconstruction against the hull (how close the
 * pipeline gets to its ceiling); per view, the IoU of the extracted silhouette, resampled onto the
 * grid cells the carver uses, against the solid's projection along that view (the worst view is
 * reported: a view drawn or read in another orientation than {@link View} assumes shows here).
 *
 * <p>Speed: carve and marching cubes alone, from the box's and the L-bracket's registered
 * silhouettes, at 128 and 256 voxels along the longest side, median of several runs after warm-up;
 * the whole set (decode, analyse, register, carve, surface) per design at the largest grid, median
 * of several runs after a warm-up run. Everything on one thread.
 *
 * <p>GPU rows: with {@code -Dbench.gpu=true} the GPU path the drawings job uses
 * ({@code ReconstructionDevices.open(GPU)}: {@code CudaCarver} and {@code CudaMarchingCubes} on one
 * context, as a slot has them; one set at a time, the batched launches are GpuCheck's) is timed
 * like the CPU path and its output compared with the CPU's ({@link VoxelGrid#sameVoxels},
 * {@link CanonicalTriangles#same}); it fails when no CUDA GPU is usable. Without it the table says
 * the GPU was not run.
 *
 * <p>Usage: {@code ReconstructionBenchmark OUT_MD [grids=128,256] [kernel runs=7] [set runs=3]}
 */
public final class ReconstructionBenchmark {

  private static final int KERNEL_WARMUP = 3;

  /** One reconstructable set: a design's embodiment with its six orthographic sheets as G4 TIFFs. */
  record DrawnSet(DesignPatent patent, int embodiment, String figures, Solid solid, List<Sheet> sheets) {
    String label() {
      return "US" + patent.docNumber() + (patent.embodiments().size() > 1 ? " emb. " + (embodiment + 1) : "");
    }
  }

  /** One sheet: the view it shows, its sentence and its TIFF bytes. */
  record Sheet(View view, String viewText, byte[] tiff) {}

  /** One quality measurement. */
  record Quality(DrawnSet set, int gridSize, GridSpec grid, String method, String reason, double iou,
                 double hullIou, double iouAgainstHull, double volumeRatio, double disagreement,
                 String worstView, double worstViewIou, int triangles, double[] extentsError) {}

  /** One set's whole-path timings: medians in ms per step. */
  record SetTiming(DrawnSet set, int gridSize, Map<String, Double> medianMs, double totalMs) {}

  /** Carve and surface alone. */
  record KernelTiming(String solid, String device, GridSpec grid, long kept, int triangles, double carveMs,
                      double surfaceMs, String note) {}

  /** Keeps the grid the pipeline carved, which {@link Outcome} does not carry. */
  static final class KeepingCarver implements Carver {
    private final Carver delegate;
    VoxelGrid last;

    KeepingCarver(Carver delegate) {
      this.delegate = delegate;
    }

    @Override
    public VoxelGrid carve(RegisteredViews views, GridSpec spec) {
      last = delegate.carve(views, spec);
      return last;
    }

    @Override
    public String device() {
      return delegate.device();
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ReconstructionBenchmark OUT_MD [grids=128,256] [kernel runs=7] [set runs=3]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int[] grids = Arrays.stream((args.length > 1 ? args[1] : "128,256").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).sorted().toArray();
    int kernelRuns = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    int setRuns = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    String loadBefore = loadAverage();
    long started = System.nanoTime();

    List<DrawnSet> sets = drawnSets();
    System.err.printf(Locale.ROOT, "bench-reconstruction: %d reconstructable sets drawn in %.1f s%n",
        sets.size(), (System.nanoTime() - started) / 1e9);

    // the whole path at the largest grid, timed; its last run's grid is also scored
    int largest = grids[grids.length - 1];
    List<Quality> quality = new ArrayList<>();
    List<SetTiming> setTimings = new ArrayList<>();
    Map<String, RegisteredViews> registered = new LinkedHashMap<>();
    for (DrawnSet set : sets) {
      KeepingCarver carver = new KeepingCarver(new CpuCarver());
      CpuMarchingCubes surface = new CpuMarchingCubes();
      Map<String, List<Double>> steps = new LinkedHashMap<>();
      List<Double> totals = new ArrayList<>();
      Outcome outcome = null;
      for (int run = 0; run <= setRuns; run++) { // run 0 is the warm-up
        long t0 = System.nanoTime();
        List<ViewSheet> decoded = decode(set);
        long decodeNanos = System.nanoTime() - t0;
        outcome = SetReconstruction.reconstruct(decoded, settings(largest), carver, surface);
        double total = (System.nanoTime() - t0) / 1e6;
        if (run > 0) {
          steps.computeIfAbsent("decode", k -> new ArrayList<>()).add(decodeNanos / 1e6);
          for (Map.Entry<String, Long> e : outcome.timingsMs().entrySet()) {
            steps.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add((double) e.getValue());
          }
          totals.add(total);
        }
      }
      Map<String, Double> medians = new LinkedHashMap<>();
      steps.forEach((k, v) -> medians.put(k, median(v)));
      setTimings.add(new SetTiming(set, largest, medians, median(totals)));
      quality.add(score(set, largest, outcome, carver.last));
      if (outcome.views() != null) {
        registered.put(set.solid().id(), outcome.views());
      }
      System.err.printf(Locale.ROOT, "bench-reconstruction: %s %s at %d: %.0f ms, IoU %.4f%n",
          set.label(), set.solid().id(), largest, median(totals), quality.get(quality.size() - 1).iou());
    }
    for (int g = grids.length - 2; g >= 0; g--) {
      for (DrawnSet set : sets) {
        KeepingCarver carver = new KeepingCarver(new CpuCarver());
        Outcome outcome = SetReconstruction.reconstruct(decode(set), settings(grids[g]), carver, new CpuMarchingCubes());
        quality.add(score(set, grids[g], outcome, carver.last));
      }
    }

    List<KernelTiming> kernels = new ArrayList<>();
    ReconstructionDevices.Reconstruction gpu = Boolean.getBoolean("bench.gpu")
        ? ReconstructionDevices.open(ReconstructionDevices.Mode.GPU) : null;
    Carver gpuCarver = gpu == null ? null : gpu.carver();
    SurfaceExtractor gpuSurface = gpu == null ? null : gpu.surfaceExtractor();
    for (String id : List.of("box", "l-bracket")) {
      RegisteredViews views = registered.get(id);
      for (int n : grids) {
        GridSpec spec = GridSpec.fitted(views.extents(), n);
        kernels.add(timeKernels(id, "cpu", new CpuCarver(), new CpuMarchingCubes(), views, spec, kernelRuns, null));
        if (gpuCarver != null) {
          kernels.add(timeKernels(id, gpuCarver.device(), gpuCarver,
              gpuSurface != null ? gpuSurface : new CpuMarchingCubes(), views, spec, kernelRuns,
              new CpuCarver().carve(views, spec)));
        }
      }
    }
    if (gpu != null) {
      gpu.close();
    }
    String report = report(quality, setTimings, kernels, grids, kernelRuns, setRuns, loadBefore, loadAverage(),
        (System.nanoTime() - started) / 1e9, gpuCarver != null);
    Files.writeString(out, report);
    System.out.print(report);
  }

  static ReconstructionSettings settings(int grid) {
    ReconstructionSettings d = ReconstructionSettings.DEFAULTS;
    return new ReconstructionSettings(grid, d.extrusionDepth(), d.previewSize());
  }

  /**
   * Every embodiment of the catalogue drawn in all six orthographic views, and one design outside
   * it: the flat L plate, whose top and bottom views are not symmetric, so a view read in the wrong
   * orientation shows in its IoU (every catalogue solid looks the same from below either way).
   */
  static List<DrawnSet> drawnSets() throws IOException {
    List<DrawnSet> sets = new ArrayList<>();
    List<DesignPatent> designs = new ArrayList<>(DesignCatalogue.all());
    designs.add(new DesignPatent("D0999001", DesignCatalogue.ISSUE_DATE, "Corner plate", List.of(
        new DesignPatent.Embodiment(Solids.flatLPlate(1.0, 0.8, 0.3, 0.3), List.of(
            io.patent2tech.udfs.drawings.sheets.View.DESIGN_ORDER)))));
    for (DesignPatent p : designs) {
      DrawnPatent drawn = null;
      for (int e = 0; e < p.embodiments().size(); e++) {
        List<Sheet> sheets = new ArrayList<>();
        int first = Integer.MAX_VALUE;
        int last = 0;
        for (DesignPatent.FigureRef f : p.figures()) {
          if (f.embodiment() != e || !f.view().orthographic()) {
            continue;
          }
          if (drawn == null) {
            drawn = DrawnPatent.draw(p);
          }
          sheets.add(new Sheet(View.valueOf(f.view().name()),
              "FIG. " + f.number() + " is a " + f.view().phrase() + " thereof;",
              drawn.tiffs.get(GrantXml.tiffName(p, f.number()))));
          first = Math.min(first, f.number());
          last = Math.max(last, f.number());
        }
        if (sheets.size() == 6) {
          sets.add(new DrawnSet(p, e, "FIG. " + first + "-" + last, p.embodiments().get(e).solid(), sheets));
        }
      }
    }
    return sets;
  }

  static List<ViewSheet> decode(DrawnSet set) throws DrawingImageRejectedException {
    List<ViewSheet> out = new ArrayList<>();
    for (Sheet s : set.sheets()) {
      BinaryImage page = DrawingImages.decode(s.tiff(), ImageLimits.DEFAULT).get(0);
      out.add(new ViewSheet(s.view(), page, s.viewText()));
    }
    return out;
  }

  static Quality score(DrawnSet set, int gridSize, Outcome outcome, VoxelGrid carved) {
    if (!outcome.made() || carved == null) {
      return new Quality(set, gridSize, outcome.grid(), outcome.method(), outcome.reason(), 0, 0, 0, 0,
          outcome.views() == null ? Double.NaN : outcome.views().disagreement(), "-", 0, 0, new double[3]);
    }
    GridSpec spec = outcome.grid();
    Solid solid = set.solid();
    VoxelGrid truth = sample(solid, spec);
    VoxelGrid hull = discreteHull(truth);
    String worst = "-";
    double worstIou = 1.0;
    for (Silhouette s : outcome.views().silhouettes()) {
      double iou = viewIou(s, truth);
      if (iou < worstIou) {
        worstIou = iou;
        worst = s.view().name();
      }
    }
    double longest = solid.longestSide();
    double[] extentsError = {
        outcome.views().extents().x() - solid.width() / longest,
        outcome.views().extents().y() - solid.depth() / longest,
        outcome.views().extents().z() - solid.height() / longest};
    return new Quality(set, gridSize, spec, outcome.method(), null,
        VoxelMetrics.intersectionOverUnion(carved, truth),
        VoxelMetrics.intersectionOverUnion(hull, truth),
        VoxelMetrics.intersectionOverUnion(carved, hull),
        (double) carved.count() / truth.count(),
        outcome.views().disagreement(), worst, worstIou, outcome.mesh().triangleCount(), extentsError);
  }

  /**
   * The solid sampled at the grid's voxel centres: the grid's bounding box (the registered extents)
   * is mapped onto the solid's, so a voxel centre at fraction u of the grid's width is at u * width.
   */
  static VoxelGrid sample(Solid solid, GridSpec spec) {
    VoxelGrid grid = new VoxelGrid(spec);
    for (int z = 0; z < spec.nz(); z++) {
      double wz = (z + 0.5) / spec.nz() * solid.height();
      for (int y = 0; y < spec.ny(); y++) {
        double wy = (y + 0.5) / spec.ny() * solid.depth();
        for (int x = 0; x < spec.nx(); x++) {
          if (solid.inside((x + 0.5) / spec.nx() * solid.width(), wy, wz)) {
            grid.set(x, y, z, true);
          }
        }
      }
    }
    return grid;
  }

  /**
   * The discrete visual hull of a grid: a voxel is in it when the grid has an occupied voxel on each
   * of the three axis lines through it (front F(x,z), top T(x,y), side S(y,z) projections).
   */
  static VoxelGrid discreteHull(VoxelGrid g) {
    int nx = g.nx();
    int ny = g.ny();
    int nz = g.nz();
    boolean[] front = new boolean[nx * nz];
    boolean[] top = new boolean[nx * ny];
    boolean[] side = new boolean[ny * nz];
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          if (g.get(x, y, z)) {
            front[x + nx * z] = true;
            top[x + nx * y] = true;
            side[y + ny * z] = true;
          }
        }
      }
    }
    VoxelGrid hull = new VoxelGrid(g.spec());
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          if (front[x + nx * z] && top[x + nx * y] && side[y + ny * z]) {
            hull.set(x, y, z, true);
          }
        }
      }
    }
    return hull;
  }

  /**
   * IoU over the grid cells of a view's two axes: the silhouette as the carver samples it
   * ({@link CarveRule#column}, {@link CarveRule#row}) against the truth's projection along the
   * view's viewing axis.
   */
  static double viewIou(Silhouette s, VoxelGrid truth) {
    GridSpec spec = truth.spec();
    Axis c = s.view().columnAxis();
    Axis r = s.view().rowAxis();
    int nc = spec.count(c);
    int nr = spec.count(r);
    boolean[] projection = new boolean[nc * nr];
    int[] g = new int[3];
    for (g[2] = 0; g[2] < spec.nz(); g[2]++) {
      for (g[1] = 0; g[1] < spec.ny(); g[1]++) {
        for (g[0] = 0; g[0] < spec.nx(); g[0]++) {
          if (truth.get(g[0], g[1], g[2])) {
            projection[g[c.ordinal()] + nc * g[r.ordinal()]] = true;
          }
        }
      }
    }
    long intersection = 0;
    long union = 0;
    for (int gr = 0; gr < nr; gr++) {
      int row = CarveRule.row(s, gr, nr);
      for (int gc = 0; gc < nc; gc++) {
        boolean inSilhouette = s.inside(CarveRule.column(s, gc, nc), row);
        boolean inProjection = projection[gc + nc * gr];
        intersection += inSilhouette && inProjection ? 1 : 0;
        union += inSilhouette || inProjection ? 1 : 0;
      }
    }
    return union == 0 ? 1.0 : (double) intersection / union;
  }

  static KernelTiming timeKernels(String solid, String device, Carver carver, SurfaceExtractor surface,
      RegisteredViews views, GridSpec spec, int runs, VoxelGrid reference) {
    List<Double> carve = new ArrayList<>();
    List<Double> extract = new ArrayList<>();
    VoxelGrid grid = null;
    Mesh mesh = null;
    for (int run = 0; run < KERNEL_WARMUP + runs; run++) {
      long t0 = System.nanoTime();
      grid = carver.carve(views, spec);
      long t1 = System.nanoTime();
      mesh = surface.extract(grid);
      long t2 = System.nanoTime();
      if (run >= KERNEL_WARMUP) {
        carve.add((t1 - t0) / 1e6);
        extract.add((t2 - t1) / 1e6);
      }
    }
    String note = "";
    if (reference != null) {
      boolean sameGrid = grid.sameVoxels(reference);
      boolean sameMesh = CanonicalTriangles.same(mesh, new CpuMarchingCubes().extract(reference));
      note = (sameGrid ? "same voxels" : "VOXELS DIFFER") + ", " + (sameMesh ? "same triangles" : "TRIANGLES DIFFER")
          + " as the CPU";
    }
    return new KernelTiming(solid, device, spec, grid.count(), mesh.triangleCount(), median(carve), median(extract),
        note);
  }

  @SuppressWarnings("unchecked")
  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static String report(List<Quality> quality, List<SetTiming> setTimings, List<KernelTiming> kernels,
      int[] grids, int kernelRuns, int setRuns, String loadBefore, String loadAfter, double seconds, boolean gpu) {
    StringBuilder t = new StringBuilder();
    t.append(String.format(Locale.ROOT, """
        Measured %s with `scripts/bench-reconstruction` on %s (%d cores as the JVM sees them, Java %s), \
        one thread, load average %s before and %s after the run (%.0f s in all). Sets: every embodiment \
        of the synthetic catalogue drawn in its six orthographic views (`DesignCatalogue`, G4 TIFF \
        sheets at 300 dpi), and USD0999001, a flat L plate outside the catalogue (`Solids.flatLPlate`: \
        the one solid whose bottom view is not symmetric); path: `DrawingImages.decode` -> `SetReconstruction.reconstruct` \
        (`DrawingAnalyzer`, `ViewRegistration`, `CpuCarver`, `CpuMarchingCubes`).

        Quality (IoU on the reconstruction's own grid; the solid and its discrete visual hull sampled \
        at the voxel centres; worst view: the extracted silhouette on the carver's grid cells against \
        the solid's projection):

        | set | solid | hull class | grid | IoU reconstruction | IoU hull bound | IoU reconstruction vs hull | volume / solid | registration disagreement | worst view (IoU) | extents error x / y / z | triangles |
        |---|---|---|---|---:|---:|---:|---:|---:|---|---|---:|
        """, LocalDate.now(), cpuModel(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), loadBefore, loadAfter, seconds));
    for (int grid : grids) {
      for (Quality q : quality) {
        if (q.gridSize() != grid) {
          continue;
        }
        if (q.reason() != null) {
          t.append(String.format(Locale.ROOT, "| %s %s | %s | %s | %d | not made: %s | | | | | | | |%n",
              q.set().label(), q.set().figures(), q.set().solid().id(), hullClass(q.set().solid()), grid, q.reason()));
          continue;
        }
        t.append(String.format(Locale.ROOT,
            "| %s %s | %s | %s | %d x %d x %d | %.4f | %.4f | %.4f | %.3f | %.2f%% | %s (%.4f) | %+.4f / %+.4f / %+.4f | %,d |%n",
            q.set().label(), q.set().figures(), q.set().solid().id(), hullClass(q.set().solid()),
            q.grid().nx(), q.grid().ny(), q.grid().nz(), q.iou(), q.hullIou(), q.iouAgainstHull(),
            q.volumeRatio(), 100 * q.disagreement(), q.worstView(), q.worstViewIou(),
            q.extentsError()[0], q.extentsError()[1], q.extentsError()[2], q.triangles()));
      }
    }

    t.append(String.format(Locale.ROOT, """

        Carve and marching cubes alone, from the registered silhouettes of the real sheets, median of \
        %d runs after %d warm-up runs (grid: the longest side N voxels, the others in proportion):

        | solid | device | N | grid | voxels | kept | carve | marching cubes | triangles | note |
        |---|---|---:|---|---:|---:|---:|---:|---:|---|
        """, kernelRuns, KERNEL_WARMUP));
    for (KernelTiming k : kernels) {
      GridSpec g = k.grid();
      int n = Math.max(g.nx(), Math.max(g.ny(), g.nz()));
      t.append(String.format(Locale.ROOT, "| %s | %s | %d | %d x %d x %d | %,d | %,d | %.1f ms | %.1f ms | %,d | %s |%n",
          k.solid(), k.device(), n, g.nx(), g.ny(), g.nz(), g.voxelCount(), k.kept(), k.carveMs(), k.surfaceMs(),
          k.triangles(), k.note()));
    }
    if (!gpu) {
      t.append("| GPU: not run here (no GPU on this machine) | | | | | | | | | |\n");
    }

    t.append(String.format(Locale.ROOT, """

        The whole set per design at N = %d (six sheets: decode, analyse, register, carve, surface), \
        median of %d runs after one warm-up run, in ms:

        | set | solid | decode | analyse | register | carve | surface | total |
        |---|---|---:|---:|---:|---:|---:|---:|
        """, grids[grids.length - 1], setRuns));
    for (SetTiming s : setTimings) {
      Map<String, Double> m = s.medianMs();
      t.append(String.format(Locale.ROOT, "| %s %s | %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
          s.set().label(), s.set().figures(), s.set().solid().id(), m.getOrDefault("decode", Double.NaN),
          m.getOrDefault("analyse", Double.NaN), m.getOrDefault("register", Double.NaN),
          m.getOrDefault("carve", Double.NaN), m.getOrDefault("surface", Double.NaN), s.totalMs()));
    }
    return t.toString();
  }

  private static String hullClass(Solid solid) {
    return switch (solid.hull()) {
      case EQUAL -> "equal";
      case EQUAL_WITH_SEE_THROUGH_HOLES -> "equal with see-through holes";
      case LARGER -> "larger";
    };
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return System.getProperty("os.arch");
  }
}
