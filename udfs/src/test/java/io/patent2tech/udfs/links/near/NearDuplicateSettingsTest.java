package io.patent2tech.udfs.links.near;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class NearDuplicateSettingsTest {

  @Test
  void defaultsFollowTheSeedAndKeepPairsAtTheThreshold() {
    NearDuplicateSettings d = NearDuplicateSettings.defaults();
    assertThat(d.threshold()).isEqualTo(0.9);
    assertThat(d.shingleSize()).isEqualTo(3);
    assertThat(d.method()).isEqualTo("minhash-lsh-3-word-shingles/word-ratio");
    // the S-curve over 3-word shingle Jaccard: a copy with 5% of its words replaced (Jaccard about
    // 0.7) is missed less than once in 5,000; one with 10% spread evenly (word ratio 0.9, Jaccard
    // about 0.5) is still found 87 times in 100; unrelated texts (Jaccard 0.1) rarely cost a verification
    assertThat(d.candidateProbability(0.7)).isGreaterThan(0.9998);
    assertThat(d.candidateProbability(0.6)).isGreaterThan(0.988);
    assertThat(d.candidateProbability(0.5)).isGreaterThan(0.87);
    assertThat(d.candidateProbability(0.1)).isLessThan(0.004);
  }

  @Test
  void bandsTimesRowsMustBeTheSignatureLength() {
    assertThatThrownBy(() -> new NearDuplicateSettings(5, 100, 16, 8, 0.9, 20, 100, Duration.ofDays(1), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 * 8 != 100");
    assertThat(NearDuplicateSettings.defaults().withBands(20, 5).signatureLength()).isEqualTo(100);
  }

  @Test
  void rejectsOutOfRangeValues() {
    NearDuplicateSettings d = NearDuplicateSettings.defaults();
    assertThatThrownBy(() -> d.withThreshold(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.withThreshold(1.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.withBucketCap(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.withStateTtl(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
