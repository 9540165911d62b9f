package io.patent2tech.udfs.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines stage scores as docs/design.md section 6 and seed 002 section 4 define it:
 * {@code final = sum(weight_i * score_i)} over the stages, with the weights renormalized over the
 * stages that produced a score, so switching the LLM or RAG off (or either failing) leaves a
 * score on the same [0, 1] scale.
 *
 * <p>The rule stage is required: it runs locally and cannot fail on a well-formed patent, and
 * requiring it means no other stage, the LLM in particular, ever decides a score alone (with the
 * default weights the LLM's share is at most 0.3 / (0.3 + 0.3) = 0.5, when RAG is off).
 */
public final class ScoreCombiner {

  private ScoreCombiner() {}

  /**
   * @param requiredStage the stage that must have a score (the rule stage)
   * @throws IllegalArgumentException when the required stage has no score or all used weights are 0
   */
  public static CombinedScore combine(String requiredStage, List<StageScore> stages) {
    List<StageScore> used = new ArrayList<>();
    boolean requiredPresent = false;
    for (StageScore s : stages) {
      if (s.hasScore()) {
        used.add(s);
        requiredPresent |= s.stage().equals(requiredStage);
      }
    }
    if (!requiredPresent) {
      throw new IllegalArgumentException("stage '" + requiredStage + "' has no score; it is required");
    }
    double weightSum = used.stream().mapToDouble(StageScore::weight).sum();
    if (weightSum <= 0) {
      throw new IllegalArgumentException("the stages that ran " + names(used) + " all have weight 0");
    }
    double score = 0;
    Map<String, Double> effective = new LinkedHashMap<>();
    for (StageScore s : used) {
      double w = s.weight() / weightSum;
      effective.put(s.stage(), w);
      score += w * s.score();
    }
    // guard against rounding drifting a hair outside [0, 1]
    score = Math.max(0, Math.min(1, score));
    return new CombinedScore(score, names(used), effective);
  }

  private static List<String> names(List<StageScore> stages) {
    return stages.stream().map(StageScore::stage).toList();
  }
}
