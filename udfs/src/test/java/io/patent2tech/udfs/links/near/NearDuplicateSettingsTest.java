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
    assertThat(d.method()).isEqualTo("minhash-lsh/jaccard-5-word-shingles");
    // the S-curve: a pair at the threshold is missed about once in 8,000; a pair at 0.5 rarely costs a verification
    assertThat(d.candidateProbability(0.9)).isGreaterThan(0.9998);
    assertThat(d.candidateProbability(0.5)).isLessThan(0.07);
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
