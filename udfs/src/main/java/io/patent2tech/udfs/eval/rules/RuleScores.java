package io.patent2tech.udfs.eval.rules;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rule stage's two scores (seed 002 §1). Formulas, their direction and a worked example are in
 * docs/scoring.md.
 */
public final class RuleScores {

  private RuleScores() {}

  /** |a ∩ b| / |a ∪ b|; 0 when both are empty. */
  public static double jaccard(Set<String> a, Set<String> b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.isEmpty() && b.isEmpty()) {
      return 0.0;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    int common = 0;
    for (String x : small) {
      if (large.contains(x)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }

  /**
   * Max Jaccard against the prior-art feature sets (the nearest prior art); 0 when there is no prior
   * art. A similarity: higher means closer prior art, so less novel.
   */
  public static double noveltyRuleScore(Set<String> features, List<Set<String>> priorArtFeatures) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(priorArtFeatures, "priorArtFeatures (an empty list when none)");
    double max = 0.0;
    for (int i = 0; i < priorArtFeatures.size(); i++) {
      Set<String> prior = priorArtFeatures.get(i);
      if (prior == null) {
        throw new IllegalArgumentException("priorArtFeatures[" + i + "] is null");
      }
      max = Math.max(max, jaccard(features, prior));
    }
    return max;
  }

  /** min(1, n / 10 * 0.3): more features, a more specific claim. */
  public static double featureWeight(int featureCount) {
    if (featureCount < 0) {
      throw new IllegalArgumentException("featureCount must be >= 0, was " + featureCount);
    }
    return Math.min(1.0, featureCount / 10.0 * 0.3);
  }

  /** min(1, (count + 1) / 10), count = the prior-art documents retrieved for the patent. */
  public static double priorArtDistance(int priorArtCount) {
    if (priorArtCount < 0) {
      throw new IllegalArgumentException("priorArtCount must be >= 0, was " + priorArtCount);
    }
    return Math.min(1.0, (priorArtCount + 1) / 10.0);
  }

  /**
   * The mean of field complexity, {@link #featureWeight} and {@link #priorArtDistance}, in [0.2, 0.967]:
   * seed 002 names the three inputs but not how they combine, so the project gives them equal
   * weight. Higher means more likely inventive.
   */
  public static double inventiveStepRuleScore(TechnologyField field, int featureCount, int priorArtCount) {
    Objects.requireNonNull(field, "field");
    return (field.complexity() + featureWeight(featureCount) + priorArtDistance(priorArtCount)) / 3.0;
  }
}
