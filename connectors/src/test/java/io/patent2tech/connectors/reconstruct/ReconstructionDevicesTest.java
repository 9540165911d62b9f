package io.patent2tech.connectors.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.patent2tech.connectors.reconstruct.cuda.CudaProbe;
import io.patent2tech.udfs.reconstruct.CpuCarver;
import io.patent2tech.udfs.reconstruct.CpuMarchingCubes;
import io.patent2tech.udfs.reconstruct.ReconstructionEngine;
import io.patent2tech.udfs.reconstruct.ReconstructionEngineFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Device selection on a machine without a usable GPU (this project's development machines and CI):
 * auto falls back to the CPU and says why, gpu refuses clearly, cpu never touches CUDA. On a
 * machine with a GPU the fallback tests are skipped (visibly) and CudaEquivalenceTest runs instead.
 */
class ReconstructionDevicesTest {

  private static void assumeNoGpu() {
    assumeFalse(CudaProbe.probe().available(),
        () -> "a CUDA device is present (" + CudaProbe.probe().deviceName() + "); the CPU fallback is not exercised here");
  }

  @Test
  void autoWithoutAGpuChoosesTheCpuAndSaysWhy() {
    assumeNoGpu();
    ReconstructionDevices.Choice choice = ReconstructionDevices.choose(ReconstructionDevices.Mode.AUTO);
    assertThat(choice.gpu()).isFalse();
    assertThat(choice.device()).startsWith("cpu (no ").containsPattern("CUDA (driver|device)");
    // the loader's own words, e.g. "... (libcuda.so.1: cannot open shared object file: ...)"
    assertThat(choice.device()).hasSizeGreaterThan("cpu (no CUDA driver: )".length());
    System.out.println("reconstruction device here: " + choice.device());
  }

  @Test
  void autoWithoutAGpuOpensTheCpuImplementations() {
    assumeNoGpu();
    try (ReconstructionDevices.Reconstruction r = ReconstructionDevices.open(ReconstructionDevices.Mode.AUTO)) {
      assertThat(r.carver()).isInstanceOf(CpuCarver.class);
      assertThat(r.surfaceExtractor()).isInstanceOf(CpuMarchingCubes.class);
      assertThat(r.device()).isEqualTo(ReconstructionDevices.choose(ReconstructionDevices.Mode.AUTO).device());
      assertThat(r.context()).as("no CUDA context on the CPU").isNull();
    }
  }

  @Test
  void forcedGpuWithoutAGpuFailsSayingWhy() {
    assumeNoGpu();
    assertThatThrownBy(() -> ReconstructionDevices.choose(ReconstructionDevices.Mode.GPU))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("models.device=gpu but the GPU path cannot run: no ")
        .hasMessageContaining("CUDA");
    assertThatThrownBy(() -> ReconstructionDevices.engineFactory(ReconstructionDevices.Mode.GPU).open())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void forcedCpuNeverProbes() {
    ReconstructionDevices.Choice choice = ReconstructionDevices.choose(ReconstructionDevices.Mode.CPU);
    assertThat(choice.gpu()).isFalse();
    assertThat(choice.device()).isEqualTo("cpu (forced by models.device=cpu)");
  }

  @Test
  void modeParsesTheSettingAndNamesItWhenWrong() {
    assertThat(ReconstructionDevices.Mode.of(ReconstructionDevices.DEFAULT)).isEqualTo(ReconstructionDevices.Mode.AUTO);
    assertThat(ReconstructionDevices.Mode.of(" GPU ")).isEqualTo(ReconstructionDevices.Mode.GPU);
    assertThat(ReconstructionDevices.Mode.CPU.value()).isEqualTo("cpu");
    assertThatThrownBy(() -> ReconstructionDevices.Mode.of("cuda"))
        .hasMessage("models.device must be auto, cpu or gpu, got 'cuda'");
  }

  @Test
  void theEngineFactorySurvivesSerializationAndOpensBothHalvesWhereCalled() throws Exception {
    ReconstructionEngineFactory engines = roundTrip(ReconstructionDevices.engineFactory(ReconstructionDevices.Mode.CPU));
    try (ReconstructionEngine engine = engines.open()) {
      assertThat(engine.carver()).isInstanceOf(CpuCarver.class);
      assertThat(engine.surfaceExtractor()).isInstanceOf(CpuMarchingCubes.class);
      assertThat(engine.device()).isEqualTo("cpu (forced by models.device=cpu)");
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T object) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
