package io.patent2tech.udfs.links.near;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * One LSH bucket: candidates, its cap and what it counts, versions of one key, and its TTL. Members
 * are map state, which has no order (RocksDB iterates by serialized key), so pairs compare as sets.
 */
class LshBucketsTest {

  private static final long BUCKET = 42L;

  @Test
  void anEnteringDocumentIsPairedWithEveryMemberInLinkOrder() throws Exception {
    LshBuckets buckets = new LshBuckets(NearDuplicateSettings.defaults());
    try (var harness = harness(buckets)) {
      harness.open();
      harness.processElement(new BandEntry(BUCKET, "US-2-B1", 2), 1);
      harness.processElement(new BandEntry(BUCKET, "US-1-B1", 1), 2);
      harness.processElement(new BandEntry(BUCKET, "US-3-B1", 3), 3);
      assertThat(pairs(harness)).containsExactlyInAnyOrder(
          "US-1-B1#1|US-2-B1#2", "US-2-B1#2|US-3-B1#3", "US-1-B1#1|US-3-B1#3");
    }
  }

  @Test
  void aFullBucketStillComparesButDoesNotGrowAndCountsWhatItRefused() throws Exception {
    LshBuckets buckets = new LshBuckets(NearDuplicateSettings.defaults().withBucketCap(3));
    try (var harness = harness(buckets)) {
      harness.open();
      for (int i = 1; i <= 6; i++) {
        harness.processElement(new BandEntry(BUCKET, "US-" + i + "-B1", i), i);
      }
      // 0 + 1 + 2 candidates while filling, then 3 for each of the three refused
      assertThat(harness.extractOutputValues()).hasSize(3 + 3 * 3);
      assertThat(buckets.cappedCount()).isEqualTo(3);
      // the refused ones never became members: a seventh document meets only the first three
      harness.getOutput().clear();
      harness.processElement(new BandEntry(BUCKET, "US-7-B1", 7), 7);
      assertThat(pairs(harness)).containsExactlyInAnyOrder("US-1-B1#1|US-7-B1#7", "US-2-B1#2|US-7-B1#7", "US-3-B1#3|US-7-B1#7");
    }
  }

  @Test
  void aNewVersionOfAMemberReplacesItAndIsNotItsOwnCandidate() throws Exception {
    LshBuckets buckets = new LshBuckets(NearDuplicateSettings.defaults().withBucketCap(2));
    try (var harness = harness(buckets)) {
      harness.open();
      harness.processElement(new BandEntry(BUCKET, "US-1-B1", 1), 1);
      harness.processElement(new BandEntry(BUCKET, "US-2-B1", 2), 2);
      harness.processElement(new BandEntry(BUCKET, "US-1-B1", 11), 3); // new text, same key, full bucket
      harness.processElement(new BandEntry(BUCKET, "US-3-B1", 3), 4);
      assertThat(pairs(harness)).containsExactlyInAnyOrder(
          "US-1-B1#1|US-2-B1#2", "US-1-B1#11|US-2-B1#2", "US-1-B1#11|US-3-B1#3", "US-2-B1#2|US-3-B1#3");
      assertThat(buckets.cappedCount()).isEqualTo(1); // US-3 only: the new version took its own place
    }
  }

  @Test
  void membersExpireAfterTheStateTtl() throws Exception {
    LshBuckets buckets = new LshBuckets(NearDuplicateSettings.defaults().withStateTtl(Duration.ofDays(1)));
    try (var harness = harness(buckets)) {
      harness.open();
      harness.setStateTtlProcessingTime(0);
      harness.processElement(new BandEntry(BUCKET, "US-1-B1", 1), 1);
      harness.setStateTtlProcessingTime(Duration.ofHours(23).toMillis());
      harness.processElement(new BandEntry(BUCKET, "US-2-B1", 2), 2);
      harness.setStateTtlProcessingTime(Duration.ofHours(25).toMillis());
      harness.processElement(new BandEntry(BUCKET, "US-3-B1", 3), 3);
      // US-1 (written at 0) is gone at 25 h; US-2 (written at 23 h) is not
      assertThat(pairs(harness)).containsExactlyInAnyOrder("US-1-B1#1|US-2-B1#2", "US-2-B1#2|US-3-B1#3");
    }
  }

  private static KeyedOneInputStreamOperatorTestHarness<Long, BandEntry, CandidatePair> harness(LshBuckets buckets)
      throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(buckets), entry -> entry.bucket, Types.LONG);
  }

  private static List<String> pairs(KeyedOneInputStreamOperatorTestHarness<Long, BandEntry, CandidatePair> h) {
    return h.extractOutputValues().stream()
        .map(p -> p.low + "#" + p.lowFingerprint + "|" + p.high + "#" + p.highFingerprint)
        .toList();
  }
}
