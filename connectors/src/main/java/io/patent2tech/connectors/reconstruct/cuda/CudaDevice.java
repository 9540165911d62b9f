package io.patent2tech.connectors.reconstruct.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
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
 * One GPU as the reconstruction kernels use it: the device's primary context, retained, and the
 * reconstruct.ptx module loaded into it.
 *
 * <p><b>Contexts and threads.</b> The primary context is the one context the driver keeps per device
 * and process (the CUDA runtime uses it too); every {@link CudaCarver} and {@link CudaMarchingCubes}
 * of a TaskManager retains it, so slots share one context instead of paying for one each, and each
 * loads its own module. A context is current per thread and Flink may call an operator from another
 * thread than the one that opened it, so every public call makes the context current on the calling
 * thread first ({@link #makeCurrent}). All work goes to the legacy default stream with synchronous
 * copies: a kernel starts after the uploads before it, and the download after it waits for it.
 * Instances are not for concurrent use (their methods are synchronized).
 */
final class CudaDevice implements AutoCloseable {

  private final CUdevice device = new CUdevice();
  private final CUcontext context = new CUcontext();
  private final CUmodule module = new CUmodule();
  private final String name;
  private final Map<String, CUfunction> functions = new HashMap<>();
  private boolean contextRetained;
  private boolean moduleLoaded;

  /** Initializes the driver (idempotent), retains device {@code ordinal}'s primary context and loads the kernels. */
  CudaDevice(int ordinal) {
    CudaProbe.enableExceptions();
    try {
      cuInit(0);
      cuDeviceGet(device, ordinal);
      name = CudaProbe.deviceName(device);
      cuDevicePrimaryCtxRetain(context, device);
      contextRetained = true;
      cuCtxSetCurrent(context);
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
  String description() {
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
    cuLaunchKernel(f, blocks, 1, 1, CudaKernels.BLOCK, 1, 1, 0, null, Pointer.to(params), null);
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

  /** Unloads the module and releases this holder's reference to the primary context. */
  @Override
  public void close() {
    try {
      if (moduleLoaded) {
        moduleLoaded = false;
        cuCtxSetCurrent(context);
        cuModuleUnload(module);
      }
    } finally {
      if (contextRetained) {
        contextRetained = false;
        cuDevicePrimaryCtxRelease(device);
      }
    }
  }
}
