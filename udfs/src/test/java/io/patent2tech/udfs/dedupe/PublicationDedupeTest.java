package io.patent2tech.udfs.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;

import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;

class PublicationDedupeTest {

  @Test
  void dropsSameContentAndVersionsNewContent() throws Exception {
    try (var harness = harness()) {
      harness.open();
      harness.processElement(patent("US-1-B1", "h1"), 1);
      harness.processElement(patent("US-1-B1", "h1"), 2); // replay: dropped
      harness.processElement(patent("US-2-B1", "h1"), 3); // other key, same hash: kept
      harness.processElement(patent("US-1-B1", "h2"), 4); // correction: version 2
      harness.processElement(patent("US-1-B1", "h2"), 5); // replay of the correction: dropped
      harness.processElement(patent("US-1-B1", "h1"), 6); // content changed back: version 3

      assertThat(emitted(harness)).containsExactly(
          "US-1-B1 h1 v1", "US-2-B1 h1 v1", "US-1-B1 h2 v2", "US-1-B1 h1 v3");
    }
  }

  @Test
  void rememberedContentSurvivesRestoreFromCheckpoint() throws Exception {
    OperatorSubtaskState snapshot;
    try (var harness = harness()) {
      harness.open();
      harness.processElement(patent("US-1-B1", "h1"), 1);
      snapshot = harness.snapshot(1L, 10L);
    }
    try (var restored = harness()) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement(patent("US-1-B1", "h1"), 2);
      restored.processElement(patent("US-1-B1", "h9"), 3);
      assertThat(emitted(restored)).containsExactly("US-1-B1 h9 v2");
    }
  }

  @Test
  void rejectsNonPositiveTtl() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PublicationDedupe(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, Patent, Patent> harness() throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new PublicationDedupe(Duration.ofDays(1))),
        Patent::getPublicationKey, Types.STRING);
  }

  private static List<String> emitted(KeyedOneInputStreamOperatorTestHarness<String, Patent, Patent> h) {
    return h.extractOutputValues().stream()
        .map(p -> p.getPublicationKey() + " " + p.getContentHash() + " v" + p.getVersion())
        .collect(Collectors.toList());
  }

  static Patent patent(String key, String hash) {
    String[] parts = key.split("-");
    return Patent.newBuilder()
        .setPublicationKey(key)
        .setPublication(DocumentId.newBuilder().setCountry(parts[0]).setNumber(parts[1]).setKind(parts[2]).build())
        .setSource(Source.newBuilder().setOffice("USPTO").setFile("test.xml").setPosition(0).build())
        .setContentHash(hash)
        .setIngestTime(0L)
        .build();
  }
}
