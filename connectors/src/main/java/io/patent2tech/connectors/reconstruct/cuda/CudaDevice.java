package io.patent2tech.connectors.reconstruct.cuda;

import static jcuda.driver.JCudaDriver.cuCtxCreate;
import static jcuda.driver.JCudaDriver.cuCtxDestroy;
import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuInit;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;
import static jcuda.driver.JCudaDriver.cuModuleUnload;

import java.util.HashMap;
import java.util.Map;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;

/**
 * One GPU as the reconstruction kernels use it: a context of its own on the device
 * ({@code cuCtxCreate}) and the reconstruct.ptx module loaded into it; {@link #close} unloads the
 * module and destroys the context.
 *
 * <p><b>Contexts and threads.</b> One {@code CudaDevice} per task slot: the operator's subtask opens
 * one ({@code ReconstructionDevices.open}) and its {@link CudaCarver} and {@link CudaMarchingCubes}
 * both run on it, so a slot has exactly one context and one loaded module, and slots do not share
 * the driver's per-context state (its default stream, its allocations, an error that poisons a
 * context). A context is current per thread and Flink may call an operator from another thread
 * than the one that opened it, so every use makes the context current on the calling thread first
 * ({@link #makeCurrent}). All work goes to the context's legacy default stream with synchronous
 * copies: a kernel starts after the uploads before it, and the download after it waits for it. The
 * carver and the marching cubes lock the device for each call, so they may be called from two
 * threads without interleaving their launches.
 */
public final class CudaDevice implements AutoCloseable {

  private final CUdevice device = new CUdevice();
  private final CUcontext context = new CUcontext();
  private final CUmodule module = new CUmodule();
  private final String name;
  private final Map<String, CUfunction> functions = new HashMap<>();
  private boolean contextCreated;
  private boolean moduleLoaded;

  /** Opens device {@code ordinal}; fails with the driver's error when it cannot. */
  public static CudaDevice open(int ordinal) {
    return new CudaDevice(ordinal);
  }

  /** Initializes the driver (idempotent), creates a context on device {@code ordinal} and loads the kernels. */
  private CudaDevice(int ordinal) {
    CudaProbe.enableExceptions();
    try {
      cuInit(0);
      cuDeviceGet(device, ordinal);
      name = CudaProbe.deviceName(device);
      cuCtxCreate(context, 0, device); // current on this thread from here on
      contextCreated = true;
      cuModuleLoadData(module, CudaKernels.ptx());
      moduleLoaded = true;
      for (String entry : CudaKernels.PARAM_BITS.keySet()) {
        CUfunction f = new CUfunction();
        cuModuleGetFunction(f, module, entry);
        functions.put(entry, f);
      }
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /** {@code cuda:<device name>}. */
  public String description() {
    return "cuda:" + name;
  }

  void makeCurrent() {
    cuCtxSetCurrent(context);
  }

  /**
   * Launches {@code blocks} blocks of {@link CudaKernels#BLOCK} threads of {@code entry} on the
   * default stream, after checking the arguments against {@link CudaKernels#PARAM_BITS}.
   */
  void launch(String entry, int blocks, Object... args) {
    launchGrid(entry, blocks, 1, args);
  }

  /**
   * Launches a grid of {@code blocksX} x {@code items} blocks of {@link CudaKernels#BLOCK} threads:
   * the batched kernels take their item from the y dimension. (Not an overload of {@link #launch}:
   * an int kernel argument must never be taken for a grid dimension.)
   */
  void launchBatch(String entry, int blocksX, int items, Object... args) {
    launchGrid(entry, blocksX, items, args);
  }

  private void launchGrid(String entry, int blocksX, int blocksY, Object... args) {
    if (blocksX < 1 || blocksY < 1 || blocksY > CudaKernels.MAX_BATCH_ITEMS) {
      throw new IllegalArgumentException(entry + ": a grid of " + blocksX + " x " + blocksY + " blocks");
    }
    CudaKernels.checkArguments(entry, args);
    CUfunction f = functions.get(entry);
    Pointer[] params = new Pointer[args.length];
    for (int a = 0; a < args.length; a++) {
      Object arg = args[a];
      if (arg instanceof Buffer b) {
        params[a] = Pointer.to(b.pointer);
      } else if (arg instanceof Integer i) {
        params[a] = Pointer.to(new int[] {i});
      } else if (arg instanceof Long l) {
        params[a] = Pointer.to(new long[] {l});
      } else {
        throw new IllegalArgumentException("kernel argument " + a + " is a " + arg.getClass().getName());
      }
    }
    cuLaunchKernel(f, blocksX, blocksY, 1, CudaKernels.BLOCK, 1, 1, 0, null, Pointer.to(params), null);
  }

  Buffer alloc(long bytes) {
    return new Buffer(bytes);
  }

  Buffer upload(byte[] data) {
    Buffer b = new Buffer(data.length);
    cuMemcpyHtoD(b.pointer, Pointer.to(data), data.length);
    return b;
  }

  Buffer upload(int[] data) {
    Buffer b = new Buffer((long) data.length * Sizeof.INT);
    cuMemcpyHtoD(b.pointer, Pointer.to(data), (long) data.length * Sizeof.INT);
    return b;
  }

  Buffer upload(long[] data) {
    Buffer b = new Buffer((long) data.length * Sizeof.LONG);
    cuMemcpyHtoD(b.pointer, Pointer.to(data), (long) data.length * Sizeof.LONG);
    return b;
  }

  /** Device memory, freed by {@link #close}. */
  static final class Buffer implements AutoCloseable {
    private final CUdeviceptr pointer = new CUdeviceptr();

    private Buffer(long bytes) {
      cuMemAlloc(pointer, Math.max(bytes, 8));
    }

    void download(int[] into) {
      cuMemcpyDtoH(Pointer.to(into), pointer, (long) into.length * Sizeof.INT);
    }

    void download(long[] into) {
      cuMemcpyDtoH(Pointer.to(into), pointer, (long) into.length * Sizeof.LONG);
    }

    @Override
    public void close() {
      cuMemFree(pointer);
    }
  }

  /** Unloads the module and destroys the context; the carver and marching cubes on it are done. */
  @Override
  public synchronized void close() {
    try {
      if (moduleLoaded) {
        moduleLoaded = false;
        cuCtxSetCurrent(context);
        cuModuleUnload(module);
      }
    } finally {
      if (contextCreated) {
        contextCreated = false;
        cuCtxDestroy(context);
      }
    }
  }
}
