package io.patent2tech.connectors.reconstruct.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The committed PTX is what scripts/make-ptx promises and what the Java side looks up: ISA 6.0 (a
 * CUDA 12 driver loads up to 8.x), target sm_70, and each entry with the parameter widths
 * {@link CudaKernels#PARAM_BITS} launches it with and the block size {@link CudaKernels#BLOCK}.
 */
class PtxResourceTest {

  private static String ptx() {
    byte[] bytes = CudaKernels.ptx();
    assertThat(bytes[bytes.length - 1]).as("NUL terminator for cuModuleLoadData").isZero();
    return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
  }

  private static String line(String ptx, String directive) {
    Matcher m = Pattern.compile("(?m)^\\" + directive + " (.+)$").matcher(ptx);
    assertThat(m.find()).as(directive + " line").isTrue();
    return m.group(1).trim();
  }

  @Test
  void versionIsPtxIsa60AtMost80() {
    String version = line(ptx(), ".version");
    assertThat(version).isEqualTo("6.0");
    String[] parts = version.split("\\.");
    assertThat(Integer.parseInt(parts[0]) * 10 + Integer.parseInt(parts[1])).isLessThanOrEqualTo(80);
  }

  @Test
  void targetIsSm70With64BitAddresses() {
    String ptx = ptx();
    assertThat(line(ptx, ".target")).isEqualTo("sm_70");
    assertThat(line(ptx, ".address_size")).isEqualTo("64");
  }

  @Test
  void everyEntryJavaLaunchesIsThereWithItsParameterWidths() {
    String ptx = ptx();
    for (Map.Entry<String, List<Integer>> e : CudaKernels.PARAM_BITS.entrySet()) {
      Matcher m = Pattern.compile("\\.visible \\.entry " + e.getKey() + "\\(([^)]*)\\)").matcher(ptx);
      assertThat(m.find()).as("entry " + e.getKey()).isTrue();
      List<Integer> bits = new ArrayList<>();
      Matcher p = Pattern.compile("\\.param \\.[usb](\\d+) ").matcher(m.group(1));
      while (p.find()) {
        bits.add(Integer.parseInt(p.group(1)));
      }
      assertThat(bits).as("parameters of " + e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(Pattern.compile("\\.entry ").matcher(ptx).results().count()).isEqualTo(CudaKernels.PARAM_BITS.size());
  }

  @Test
  void entriesTakeTheBlockSizeJavaLaunches() {
    String ptx = ptx();
    for (String entry : CudaKernels.PARAM_BITS.keySet()) {
      Matcher m = Pattern.compile("\\.entry " + entry + "\\([^)]*\\)\\s*\\.maxntid (\\d+), 1, 1").matcher(ptx);
      assertThat(m.find()).as(".maxntid of " + entry).isTrue();
      assertThat(Integer.parseInt(m.group(1))).isEqualTo(CudaKernels.BLOCK);
    }
  }

  @Test
  void noLocalPathsInThePtx() {
    // absolute directories a compile could leak (the script compiles with relative names)
    assertThat(Pattern.compile("/(work|tmp|root|home)/").matcher(ptx()).find()).isFalse();
  }

  @Test
  void launchArgumentsAreCheckedAgainstTheSignature() {
    Object pointer = new Object();
    CudaKernels.checkArguments(CudaKernels.MC_COUNT, pointer, 1, 2, 3, 0L, 256, pointer, pointer);
    assertThatThrownBy(() -> CudaKernels.checkArguments(CudaKernels.MC_COUNT, pointer, 1, 2, 3, 0, 256, pointer, pointer))
        .hasMessageContaining("argument 4 must be 64-bit");
    assertThatThrownBy(() -> CudaKernels.checkArguments(CudaKernels.CARVE, pointer))
        .hasMessageContaining("takes 9 arguments");
    // the batched kernels: buffers and the table's stride only, the item comes from the launch grid
    CudaKernels.checkArguments(CudaKernels.MC_EMIT_BATCH, pointer, pointer, pointer, 16, pointer, pointer);
    assertThatThrownBy(() -> CudaKernels.checkArguments(CudaKernels.MC_EMIT_BATCH, pointer, pointer, pointer, 16L,
        pointer, pointer)).hasMessageContaining("argument 3 must be 32-bit");
    assertThatThrownBy(() -> CudaKernels.checkArguments(CudaKernels.CARVE_BATCH, pointer, pointer, 3, pointer))
        .hasMessageContaining("argument 2 must be 64-bit");
  }
}
