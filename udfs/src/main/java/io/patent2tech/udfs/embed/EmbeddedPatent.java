package io.patent2tech.udfs.embed;

import io.patent2tech.schema.Patent;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A patent with its embedding: what the embedding operator emits. A Flink POJO (public no-argument
 * constructor, getters and setters) so Flink serializes it field by field, the patent with its Avro
 * serializer, never with Kryo.
 *
 * <p>{@code vector} is null when the patent has no text to embed ({@link EmbeddingText#of} is
 * empty); retrieval then has nothing to search with.
 */
public class EmbeddedPatent implements Serializable {

  private static final long serialVersionUID = 1L;

  private Patent patent;
  private float[] vector;
  private String modelId;

  public EmbeddedPatent() {}

  public EmbeddedPatent(Patent patent, float[] vector, String modelId) {
    this.patent = patent;
    this.vector = vector;
    this.modelId = modelId;
  }

  public Patent getPatent() {
    return patent;
  }

  public void setPatent(Patent patent) {
    this.patent = patent;
  }

  /** Unit length, {@code modelId}'s dimension; null without text. */
  public float[] getVector() {
    return vector;
  }

  public void setVector(float[] vector) {
    this.vector = vector;
  }

  public String getModelId() {
    return modelId;
  }

  public void setModelId(String modelId) {
    this.modelId = modelId;
  }

  public boolean hasVector() {
    return vector != null;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EmbeddedPatent)) {
      return false;
    }
    EmbeddedPatent other = (EmbeddedPatent) o;
    return Objects.equals(patent, other.patent)
        && Arrays.equals(vector, other.vector)
        && Objects.equals(modelId, other.modelId);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(patent, modelId) + Arrays.hashCode(vector);
  }

  @Override
  public String toString() {
    return "EmbeddedPatent{" + (patent == null ? null : patent.getPublicationKey()) + ", "
        + modelId + ", " + (vector == null ? "no vector" : vector.length + " dims") + "}";
  }
}
