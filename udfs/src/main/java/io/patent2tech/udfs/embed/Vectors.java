package io.patent2tech.udfs.embed;

/** Small vector arithmetic on {@code float[]} embeddings. */
public final class Vectors {

  private Vectors() {}

  /**
   * A unit-length copy of {@code vector}.
   *
   * @throws IllegalArgumentException for a zero vector or one with NaN/infinite components, which
   *     have no direction to compare
   */
  public static float[] normalized(float[] vector) {
    double sum = 0;
    for (float component : vector) {
      sum += (double) component * component;
    }
    double norm = Math.sqrt(sum);
    if (norm == 0 || !Double.isFinite(norm)) {
      throw new IllegalArgumentException("vector of length " + vector.length + " has norm " + norm);
    }
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = (float) (vector[i] / norm);
    }
    return unit;
  }

  /** Cosine similarity of two vectors of the same length, normalized or not. */
  public static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
    }
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      normA += (double) a[i] * a[i];
      normB += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(normA * normB);
  }
}
