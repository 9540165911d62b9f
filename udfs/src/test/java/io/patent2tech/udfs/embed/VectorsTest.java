package io.patent2tech.udfs.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorsTest {

  @Test
  void normalizesToUnitLengthKeepingDirection() {
    float[] unit = Vectors.normalized(new float[] {3, 4});

    assertThat(unit).containsExactly(new float[] {0.6f, 0.8f}, within(1e-7f));
  }

  @Test
  void refusesVectorsWithoutDirection() {
    assertThatThrownBy(() -> Vectors.normalized(new float[] {0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("norm 0.0");
    assertThatThrownBy(() -> Vectors.normalized(new float[] {Float.NaN, 1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cosineOfUnnormalizedVectors() {
    assertThat(Vectors.cosine(new float[] {1, 0}, new float[] {5, 5})).isCloseTo(Math.sqrt(0.5), within(1e-9));
    assertThat(Vectors.cosine(new float[] {1, 2}, new float[] {-2, -4})).isCloseTo(-1, within(1e-9));
    assertThatThrownBy(() -> Vectors.cosine(new float[] {1}, new float[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 vs 2");
  }
}
