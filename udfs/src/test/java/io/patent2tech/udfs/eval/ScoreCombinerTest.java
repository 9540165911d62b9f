package io.patent2tech.udfs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScoreCombinerTest {

  @Test
  void weightedMeanWithAllStages() {
    // seed 002: novelty = 0.3 rule + 0.4 rag + 0.3 llm
    CombinedScore c = ScoreCombiner.combine("rule", List.of(
        StageScore.ran("rule", 0.3, 0.5), StageScore.ran("rag", 0.4, 0.8), StageScore.ran("llm", 0.3, 0.2)));
    assertThat(c.score()).isCloseTo(0.3 * 0.5 + 0.4 * 0.8 + 0.3 * 0.2, within(1e-12));
    assertThat(c.stagesUsed()).containsExactly("rule", "rag", "llm");
    assertThat(c.effectiveWeights()).containsEntry("rag", 0.4);
  }

  @Test
  void renormalizesOverTheStagesThatRan() {
    CombinedScore c = ScoreCombiner.combine("rule", List.of(
        StageScore.ran("rule", 0.3, 0.5), StageScore.ran("rag", 0.4, 0.8), StageScore.skipped("llm", 0.3)));
    assertThat(c.score()).isCloseTo((0.3 * 0.5 + 0.4 * 0.8) / 0.7, within(1e-12));
    assertThat(c.stagesUsed()).containsExactly("rule", "rag");
    assertThat(c.effectiveWeights().get("rule")).isCloseTo(0.3 / 0.7, within(1e-12));
  }

  @Test
  void theLlmNeverDecidesAlone() {
    // rule stage required: an LLM answer of 1.0 with RAG off moves the score at most half way
    CombinedScore c = ScoreCombiner.combine("rule", List.of(
        StageScore.ran("rule", 0.3, 0.0), StageScore.skipped("rag", 0.4), StageScore.ran("llm", 0.3, 1.0)));
    assertThat(c.score()).isCloseTo(0.5, within(1e-12));
    assertThatThrownBy(() -> ScoreCombiner.combine("rule", List.of(
        StageScore.skipped("rule", 0.3), StageScore.ran("llm", 0.3, 1.0))))
        .hasMessageContaining("required");
  }

  @Test
  void rejectsScoresOutsideTheUnitInterval() {
    assertThatThrownBy(() -> StageScore.ran("llm", 0.3, 1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StageScore.ran("llm", -0.1, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScoreCombiner.combine("rule", List.of(StageScore.ran("rule", 0, 0.5))))
        .hasMessageContaining("weight 0");
  }
}
