package io.patent2tech.udfs.eval;

import java.io.Serializable;

/**
 * One stage's contribution to a final score: its name, its weight in the combination, and its
 * score in [0, 1], or no score when the stage was switched off or failed.
 */
public record StageScore(String stage, double weight, Double score) implements Serializable {

  public StageScore {
    if (weight < 0 || Double.isNaN(weight)) {
      throw new IllegalArgumentException("weight of stage " + stage + " must be >= 0, got " + weight);
    }
    if (score != null && (score.isNaN() || score < 0 || score > 1)) {
      throw new IllegalArgumentException("score of stage " + stage + " must be in [0, 1], got " + score);
    }
  }

  public static StageScore ran(String stage, double weight, double score) {
    return new StageScore(stage, weight, score);
  }

  public static StageScore skipped(String stage, double weight) {
    return new StageScore(stage, weight, null);
  }

  public boolean hasScore() {
    return score != null;
  }
}
