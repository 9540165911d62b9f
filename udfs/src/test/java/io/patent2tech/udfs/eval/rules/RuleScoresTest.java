package io.patent2tech.udfs.eval.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RuleScoresTest {

  private static final double EPS = 1e-12;

  @Test
  void jaccard() {
    assertThat(RuleScores.jaccard(Set.of("a", "b", "c"), Set.of("b", "c", "d"))).isEqualTo(0.5);
    assertThat(RuleScores.jaccard(Set.of("a"), Set.of("a"))).isEqualTo(1.0);
    assertThat(RuleScores.jaccard(Set.of("a"), Set.of("b"))).isEqualTo(0.0);
    assertThat(RuleScores.jaccard(Set.of(), Set.of("b"))).isEqualTo(0.0);
    assertThat(RuleScores.jaccard(Set.of(), Set.of())).isEqualTo(0.0);
    assertThat(RuleScores.jaccard(Set.of("a", "b", "c", "d"), Set.of("a"))).isEqualTo(0.25);
  }

  @Test
  void noveltyRuleScoreIsTheNearestPriorArt() {
    Set<String> claim = Set.of("a", "b", "c", "d");
    assertThat(RuleScores.noveltyRuleScore(claim, List.of(Set.of("a"), Set.of("a", "b", "c"), Set.of("x"))))
        .isEqualTo(0.75);
    assertThat(RuleScores.noveltyRuleScore(claim, List.of())).isEqualTo(0.0);
  }

  @Test
  void featureWeight() {
    assertThat(RuleScores.featureWeight(0)).isEqualTo(0.0);
    assertThat(RuleScores.featureWeight(8)).isCloseTo(0.24, within(EPS));
    assertThat(RuleScores.featureWeight(10)).isCloseTo(0.3, within(EPS));
    assertThat(RuleScores.featureWeight(33)).isCloseTo(0.99, within(EPS));
    assertThat(RuleScores.featureWeight(34)).isEqualTo(1.0);
    assertThat(RuleScores.featureWeight(500)).isEqualTo(1.0);
  }

  @Test
  void priorArtDistance() {
    assertThat(RuleScores.priorArtDistance(0)).isCloseTo(0.1, within(EPS));
    assertThat(RuleScores.priorArtDistance(5)).isCloseTo(0.6, within(EPS));
    assertThat(RuleScores.priorArtDistance(9)).isEqualTo(1.0);
    assertThat(RuleScores.priorArtDistance(40)).isEqualTo(1.0);
  }

  @Test
  void inventiveStepRuleScoreIsTheMeanOfTheThree() {
    assertThat(RuleScores.inventiveStepRuleScore(TechnologyField.SOFTWARE, 8, 5))
        .isCloseTo((0.6 + 0.24 + 0.6) / 3, within(EPS));
    assertThat(RuleScores.inventiveStepRuleScore(TechnologyField.DESIGN, 0, 0)).isCloseTo(0.2, within(EPS));
    assertThat(RuleScores.inventiveStepRuleScore(TechnologyField.BIO, 40, 20)).isCloseTo(2.9 / 3, within(EPS));
  }

  /** The worked example of docs/scoring.md, on US 8930553 claim 1 against claims of two other fixtures. */
  @Test
  void workedExampleInTheDocs() {
    ClaimComponentParser parser = new ClaimComponentParser();
    TechnicalFeatures features = new TechnicalFeatures(SynonymDictionary.defaults());
    Set<String> claim1 = features.of(parser.parse(FixtureClaims.claim("grant/US08930553.xml", 1), "en"));
    Set<String> claim8 = features.of(parser.parse(FixtureClaims.claim("grant/US08930553.xml", 8), "en"));
    Set<String> tunneling = features.of(parser.parse(FixtureClaims.claim("grant/US06859910.xml", 1), "en"));

    assertThat(claim1).hasSize(8);
    assertThat(claim8).hasSize(10);
    assertThat(tunneling).hasSize(15);
    // shared: mid-dialog sip message, sip user agent client, sip session, application, context, acknowledgement
    assertThat(RuleScores.jaccard(claim1, claim8)).isCloseTo(6.0 / 12, within(EPS));
    assertThat(RuleScores.jaccard(claim1, tunneling)).isEqualTo(0.0);
    assertThat(RuleScores.noveltyRuleScore(claim1, List.of(tunneling, claim8))).isCloseTo(0.5, within(EPS));

    TechnologyField field = TechnologyField.of(FixtureClaims.symbols("grant/US08930553.xml"), "utility");
    assertThat(field).isEqualTo(TechnologyField.SOFTWARE);
    assertThat(RuleScores.featureWeight(claim1.size())).isCloseTo(0.24, within(EPS));
    assertThat(RuleScores.priorArtDistance(2)).isCloseTo(0.3, within(EPS));
    assertThat(RuleScores.inventiveStepRuleScore(field, claim1.size(), 2)).isCloseTo(0.38, within(EPS));
  }

  @Test
  void badInputIsAClearError() {
    assertThatThrownBy(() -> RuleScores.featureWeight(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("featureCount must be >= 0, was -1");
    assertThatThrownBy(() -> RuleScores.priorArtDistance(-2))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("priorArtCount must be >= 0, was -2");
    assertThatThrownBy(() -> RuleScores.noveltyRuleScore(Set.of("a"), Arrays.asList(Set.of("a"), null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("priorArtFeatures[1] is null");
    assertThatThrownBy(() -> RuleScores.noveltyRuleScore(Set.of("a"), null))
        .isInstanceOf(NullPointerException.class).hasMessage("priorArtFeatures (an empty list when none)");
    assertThatThrownBy(() -> RuleScores.jaccard(null, Set.of())).isInstanceOf(NullPointerException.class).hasMessage("a");
    assertThatThrownBy(() -> RuleScores.inventiveStepRuleScore(null, 1, 1))
        .isInstanceOf(NullPointerException.class).hasMessage("field");
  }
}
