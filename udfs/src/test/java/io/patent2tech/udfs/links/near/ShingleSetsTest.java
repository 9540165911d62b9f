package io.patent2tech.udfs.links.near;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The shingle sets by publication key: probes answered, early probes waiting, stale ones expiring. */
class ShingleSetsTest {

  private static final CandidatePair PAIR = CandidatePair.of("US-1-B1", 1, "US-2-B1", 2);

  @Test
  void aProbeForAStoredTextIsAnsweredAtOnce() throws Exception {
    try (var harness = harness()) {
      harness.open();
      harness.processElement1(new ShingledDocument("US-1-B1", 1, new int[] {5, 6}), 1);
      harness.processElement2(new Probe("US-1-B1", 1, PAIR), 2);
      assertThat(halves(harness)).containsExactly("US-1-B1[5, 6]");
    }
  }

  @Test
  void aProbeThatOvertakesItsDocumentWaitsForIt() throws Exception {
    try (var harness = harness()) {
      harness.open();
      harness.processElement1(new ShingledDocument("US-1-B1", 7, new int[] {1}), 1); // an older text
      harness.processElement2(new Probe("US-1-B1", 1, PAIR), 2);
      assertThat(harness.extractOutputValues()).isEmpty();
      harness.processElement1(new ShingledDocument("US-1-B1", 1, new int[] {5, 6}), 3);
      assertThat(halves(harness)).containsExactly("US-1-B1[5, 6]");
      assertThat(harness.numProcessingTimeTimers()).isEqualTo(1); // fires and finds nothing left
      harness.setProcessingTime(Long.MAX_VALUE / 2);
      assertThat(halves(harness)).hasSize(1);
    }
  }

  @Test
  void aProbeWhoseTextNeverComesExpires() throws Exception {
    try (var harness = harness()) {
      harness.open();
      harness.setProcessingTime(1_000);
      harness.processElement2(new Probe("US-1-B1", 1, PAIR), 1);
      harness.setProcessingTime(1_000 + NearDuplicateSettings.defaults().candidateTimeout().toMillis());
      harness.processElement1(new ShingledDocument("US-1-B1", 1, new int[] {5, 6}), 2);
      assertThat(harness.extractOutputValues()).isEmpty();
    }
  }

  private static KeyedTwoInputStreamOperatorTestHarness<String, ShingledDocument, Probe, ShingleHalf> harness()
      throws Exception {
    return new KeyedTwoInputStreamOperatorTestHarness<>(
        new KeyedCoProcessOperator<>(new ShingleSets(NearDuplicateSettings.defaults())),
        doc -> doc.key, probe -> probe.target, Types.STRING);
  }

  private static List<String> halves(KeyedTwoInputStreamOperatorTestHarness<String, ShingledDocument, Probe, ShingleHalf> h) {
    return h.extractOutputValues().stream()
        .map(half -> half.side + java.util.Arrays.toString(half.words))
        .toList();
  }
}
