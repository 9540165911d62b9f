package io.patent2tech.connectors.reconstruct.cuda;

import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuInit;

import java.nio.charset.StandardCharsets;
import jcuda.driver.CUdevice;
import jcuda.driver.JCudaDriver;

/**
 * Whether this process can run the reconstruction kernels: the JCuda JNI library loads (it needs
 * the driver's libcuda.so.1), {@code cuInit} succeeds and {@code cuDeviceGetCount > 0}. Every
 * failure, a missing driver included, becomes a {@link Result} with the reason; nothing here
 * throws. The answer is computed once per JVM: a JNI library that failed to load cannot be loaded
 * again, and later attempts would only report "Could not initialize class".
 */
public final class CudaProbe {

  /**
   * @param available a device can be used
   * @param deviceName the name of device 0, or null
   * @param reason why not, or null when available
   */
  public record Result(boolean available, String deviceName, String reason) {}

  private static volatile Result result;

  private CudaProbe() {}

  public static Result probe() {
    Result r = result;
    if (r == null) {
      synchronized (CudaProbe.class) {
        r = result;
        if (r == null) {
          r = run();
          result = r;
        }
      }
    }
    return r;
  }

  private static Result run() {
    try {
      enableExceptions();
    } catch (LinkageError | RuntimeException e) {
      return new Result(false, null, "no CUDA driver: " + message(e));
    }
    try {
      cuInit(0);
      int[] count = {0};
      cuDeviceGetCount(count);
      if (count[0] < 1) {
        return new Result(false, null, "no CUDA device: cuDeviceGetCount returned " + count[0]);
      }
      CUdevice device = new CUdevice();
      cuDeviceGet(device, 0);
      return new Result(true, deviceName(device), null);
    } catch (LinkageError | RuntimeException e) {
      return new Result(false, null, "no usable CUDA device: " + message(e));
    }
  }

  /** Loads JCuda's driver library (its static initializer) and makes every CUDA error an exception. */
  static void enableExceptions() {
    JCudaDriver.setExceptionsEnabled(true);
  }

  static String deviceName(CUdevice device) {
    byte[] name = new byte[256];
    cuDeviceGetName(name, name.length, device);
    int end = 0;
    while (end < name.length && name[end] != 0) {
      end++;
    }
    return new String(name, 0, end, StandardCharsets.US_ASCII).trim();
  }

  /**
   * The first line of the throwable's message, with its type when the message is empty. JCuda's
   * load error lists every attempt; the line naming libcuda (the driver) is added when there is one:
   * {@code Error while loading native library "JCudaDriver-..." (libcuda.so.1: cannot open shared
   * object file: No such file or directory)}.
   */
  static String message(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    String[] lines = m.split("\\R");
    String first = lines[0].trim();
    for (int i = 1; i < lines.length; i++) {
      int at = lines[i].indexOf("libcuda");
      if (at >= 0) {
        return first + " (" + lines[i].substring(at).trim() + ")";
      }
    }
    return first;
  }
}
