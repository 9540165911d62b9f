package io.patent2tech.udfs.eval;

import io.patent2tech.schema.LlmJudgement;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.TechnologyAnalysis;

/**
 * One patent on its way through the enrich job, filled in stage by stage: retrieval sets the
 * embedding, prior art and passages, the rule stage the features and rule scores, the LLM stage
 * the judgements and the analysis; the combine step turns it into the {@code EnrichedPatent}.
 *
 * <p>A Flink POJO (public fields, no-argument constructor; arrays of POJOs and Avro records), so
 * Flink serializes it field by field and never falls back to Kryo.
 */
public class Enrichment {

  public Patent patent;
  /** The text embedding; null when the patent has no text to embed. */
  public float[] vector;
  public String embeddingModel;

  /** Retrieval ran (RAG on and Elasticsearch answered). */
  public boolean retrieved;
  /** Why retrieval did not run or failed; null when it ran or was switched off. */
  public String retrievalError;
  public PriorArtDocument[] priorArt = new PriorArtDocument[0];
  public LegalPassage[] noveltyPassages = new LegalPassage[0];
  public LegalPassage[] inventiveStepPassages = new LegalPassage[0];
  /**
   * An already evaluated near-duplicate this patent resembles (retrieval found it); null when
   * none. Named in the output, never a reason to reuse that evaluation.
   */
  public String resembles;

  /** The first independent claim the rules and the prompts read; null when there is none. */
  public String claim;
  public String[] features = new String[0];
  /** A {@code TechnologyField} name in lower case: electronics, mechanical, ... */
  public String technologyField;
  public double noveltyRuleScore;
  public double inventiveStepRuleScore;

  /** Null when the LLM stage is off. */
  public LlmJudgement noveltyLlm;
  public LlmJudgement inventiveStepLlm;
  public TechnologyAnalysis analysis;

  public Enrichment() {}

  /** A retrieved prior-art patent. */
  public static class PriorArtDocument {
    public String publicationKey;
    /** Cosine similarity of the two embeddings. */
    public double similarity;
    /** Its first claim as landed; null when it has none. */
    public String firstClaim;
    public String language;
    /** Jaccard similarity of the two claims' technical features, set by the rule stage. */
    public Double featureSimilarity;

    public PriorArtDocument() {}
  }

  /** A retrieved legal passage. */
  public static class LegalPassage {
    public String id;
    public String kind;
    public String citation;
    public String title;
    public String text;
    public double similarity;

    public LegalPassage() {}
  }
}
