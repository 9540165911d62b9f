package io.patent2tech.connectors.reconstruct;

import io.patent2tech.connectors.reconstruct.cuda.CudaCarver;
import io.patent2tech.connectors.reconstruct.cuda.CudaDevice;
import io.patent2tech.connectors.reconstruct.cuda.CudaMarchingCubes;
import io.patent2tech.connectors.reconstruct.cuda.CudaProbe;
import io.patent2tech.udfs.reconstruct.Carver;
import io.patent2tech.udfs.reconstruct.CpuCarver;
import io.patent2tech.udfs.reconstruct.CpuMarchingCubes;
import io.patent2tech.udfs.reconstruct.ReconstructionEngine;
import io.patent2tech.udfs.reconstruct.ReconstructionEngineFactory;
import io.patent2tech.udfs.reconstruct.SurfaceExtractor;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where carving and marching cubes run: on a GPU through JCuda ({@link CudaCarver},
 * {@link CudaMarchingCubes}) or on the CPU ({@link CpuCarver}, {@link CpuMarchingCubes}), which give
 * identical results. {@link Mode#AUTO} takes the GPU when JCuda's native library loads,
 * {@code cuInit} succeeds, a device exists and the kernels load on it, and the CPU otherwise; a
 * missing driver never fails a job. Every choice says which ran and why ({@link Choice#device}):
 * {@code cuda:NVIDIA H100 80GB HBM3}, {@code cpu (no CUDA driver: ...)}, {@code cpu (forced by
 * models.device=cpu)}.
 *
 * <p>The setting {@link #SETTING} ({@link #DEFAULT}, {@link #HELP}) is declared here once; a job's
 * configuration reads its key, default and description from these constants and hands the parsed
 * {@link Mode} to {@link #engineFactory}, which is small and serializable and opens the device in
 * the operator's {@code open()}: one context per subtask, that is per task slot, shared by its
 * carver and marching cubes.
 */
public final class ReconstructionDevices {

  private static final Logger LOG = LoggerFactory.getLogger(ReconstructionDevices.class);

  /** Configuration key of the device choice. */
  public static final String SETTING = "models.device";
  /** Its default. */
  public static final String DEFAULT = "auto";
  /** Its description, for --help. */
  public static final String HELP = "where carving and marching cubes run: auto (a CUDA GPU when the driver and a device"
      + " are found, else the CPU), cpu, or gpu (fail at start when no CUDA GPU is usable); results are identical";

  /** The values of {@link #SETTING}. */
  public enum Mode {
    AUTO,
    CPU,
    GPU;

    /** {@code auto}, {@code cpu} or {@code gpu}, any case. */
    public static Mode of(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException(SETTING + " must be auto, cpu or gpu, got '" + value + "'");
      }
    }

    /** As the setting spells it. */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * @param gpu true when the CUDA implementations will run
   * @param device {@code cuda:<device name>}, or {@code cpu (<why>)}
   */
  public record Choice(boolean gpu, String device) {}

  private ReconstructionDevices() {}

  /**
   * Decides without opening anything. {@link Mode#GPU} without a usable device fails with an
   * {@link IllegalStateException} that says why.
   */
  public static Choice choose(Mode mode) {
    if (mode == Mode.CPU) {
      return new Choice(false, "cpu (forced by " + SETTING + "=cpu)");
    }
    CudaProbe.Result probe = probe();
    if (probe.available()) {
      return new Choice(true, "cuda:" + probe.deviceName());
    }
    if (mode == Mode.GPU) {
      throw new IllegalStateException(SETTING + "=gpu but the GPU path cannot run: " + probe.reason());
    }
    return new Choice(false, "cpu (" + probe.reason() + ")");
  }

  /** The probe, or its absence when JCuda's classes themselves are missing from the classpath. */
  private static CudaProbe.Result probe() {
    try {
      return CudaProbe.probe();
    } catch (LinkageError e) {
      return new CudaProbe.Result(false, null, "no CUDA driver: JCuda not loadable: " + e);
    }
  }

  /**
   * A carver and a surface extractor on one device, and which device that is; on a GPU both run on
   * {@code context} (one {@link CudaDevice}: one CUDA context and module), which close destroys.
   */
  public record Reconstruction(Carver carver, SurfaceExtractor surfaceExtractor, String device, CudaDevice context)
      implements ReconstructionEngine {

    @Override
    public void close() {
      if (context != null) {
        context.close();
      }
    }
  }

  /**
   * Opens both halves on the chosen device, on the GPU in one new context. In {@link Mode#AUTO} a
   * GPU whose context or module fails (a driver too old for the PTX, say) falls back to the CPU,
   * with the error as the reason.
   */
  public static Reconstruction open(Mode mode) {
    Choice choice = choose(mode);
    if (!choice.gpu()) {
      LOG.info("reconstruction on {}", choice.device());
      return new Reconstruction(new CpuCarver(), new CpuMarchingCubes(), choice.device(), null);
    }
    try {
      CudaDevice context = CudaDevice.open(0);
      LOG.info("reconstruction on {}, one context for this slot", context.description());
      return new Reconstruction(CudaCarver.on(context), CudaMarchingCubes.on(context), context.description(), context);
    } catch (RuntimeException | LinkageError e) {
      if (mode == Mode.GPU) {
        throw new IllegalStateException(SETTING + "=gpu but " + choice.device() + " cannot load the kernels: " + e, e);
      }
      String device = "cpu (" + choice.device() + " cannot load the kernels: " + e + ")";
      LOG.warn("reconstruction on {}", device);
      return new Reconstruction(new CpuCarver(), new CpuMarchingCubes(), device, null);
    }
  }

  /**
   * The engine on the device {@code mode} chooses, opened where the factory is called: an
   * operator's open(), once per subtask, so each task slot has its own context.
   */
  public static ReconstructionEngineFactory engineFactory(Mode mode) {
    return () -> open(mode);
  }
}
