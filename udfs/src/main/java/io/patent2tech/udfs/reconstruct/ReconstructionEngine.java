package io.patent2tech.udfs.reconstruct;

/**
 * A carver and a surface extractor on one device, opened together and closed together: on a GPU
 * they share one context, the subtask's ({@code ReconstructionDevices} in connectors), on the CPU
 * they are the reference classes. {@link #device} is what a model records ({@code cpu (<why>)} or
 * {@code cuda:<device name>}).
 */
public interface ReconstructionEngine extends AutoCloseable {

  Carver carver();

  SurfaceExtractor surfaceExtractor();

  /** Where the work runs, and for the CPU why. */
  String device();

  /** Releases the device (a GPU context); nothing for the CPU. */
  @Override
  void close();

  /** The reference classes, on the CPU. */
  static ReconstructionEngine cpu() {
    return of(new CpuCarver(), new CpuMarchingCubes());
  }

  /** {@code carver} and {@code surface} as one engine on the carver's device, with nothing to release. */
  static ReconstructionEngine of(Carver carver, SurfaceExtractor surface) {
    return new ReconstructionEngine() {
      @Override
      public Carver carver() {
        return carver;
      }

      @Override
      public SurfaceExtractor surfaceExtractor() {
        return surface;
      }

      @Override
      public String device() {
        return carver.device();
      }

      @Override
      public void close() {}
    };
  }
}
