package io.patent2tech.udfs.eval;

import io.patent2tech.udfs.eval.llm.PromptTemplates;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The evaluation's weights, thresholds, retrieval limits and stage switches (docs/design.md section 6,
 * seed 002 section 4), as the enrich job reads them from EVAL_* settings.
 *
 * @param noveltyWeights rule, RAG and LLM weights of the novelty score (0.3 / 0.4 / 0.3)
 * @param noveltyThreshold novel when the final novelty score is below it (0.7)
 * @param inventiveStepWeights rule, precedent and LLM weights of the inventive-step score (0.4 /
 *     0.3 / 0.3)
 * @param inventiveStepThreshold inventive when the final score is above it (0.6)
 * @param topK prior-art documents and legal passages retrieved per question (5)
 * @param minSimilarity least cosine similarity of a prior-art document (0.6)
 * @param enableRag retrieval on: prior art and legal passages (off: the rule stage sees no prior
 *     art and the prompts no passages; the RAG and precedent stages drop out)
 * @param enableLlm the LLM stage on
 * @param debug log every evaluation's stage scores
 */
public record EvaluationSettings(
    Weights noveltyWeights,
    double noveltyThreshold,
    Weights inventiveStepWeights,
    double inventiveStepThreshold,
    int topK,
    double minSimilarity,
    boolean enableRag,
    boolean enableLlm,
    boolean debug)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The three stages' weights of one question; renormalized over the stages that ran. */
  public record Weights(double rule, double retrieval, double llm) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Weights {
      for (double w : new double[] {rule, retrieval, llm}) {
        if (!(w >= 0) || Double.isInfinite(w)) {
          throw new IllegalArgumentException("weights must be >= 0, got " + w);
        }
      }
      if (!(rule > 0)) {
        throw new IllegalArgumentException("the rule stage's weight must be > 0: it is the stage "
            + "every score rests on, got " + rule);
      }
    }
  }

  public EvaluationSettings {
    requireUnit(noveltyThreshold, "novelty threshold");
    requireUnit(inventiveStepThreshold, "inventive-step threshold");
    requireUnit(minSimilarity, "min similarity");
    if (topK < 1) {
      throw new IllegalArgumentException("top k must be at least 1, got " + topK);
    }
  }

  /**
   * The seed's values, everything on: the one place the evaluation's defaults are written (the
   * enrich job's options and --help read them from here).
   */
  public static final EvaluationSettings DEFAULTS = new EvaluationSettings(
      new Weights(0.3, 0.4, 0.3), 0.7, new Weights(0.4, 0.3, 0.3), 0.6, 5, 0.6, true, true, false);

  /** {@link #DEFAULTS}. */
  public static EvaluationSettings defaults() {
    return DEFAULTS;
  }

  /**
   * A short hash of everything that decides an evaluation's result: these settings (not {@code
   * debug}), the LLM model and prompt versions when the LLM stage is on, and the embedding model.
   * Stored with every evaluation; a patent whose content hash and fingerprint are already stored is
   * not evaluated again, so replays cost nothing, and a change of settings re-evaluates.
   */
  public String fingerprint(String llmModel, String embeddingModel) {
    String canonical = String.format(Locale.ROOT,
        "novelty=%s/%s/%s<%s;inventive=%s/%s/%s>%s;topK=%d;minSim=%s;rag=%b;llm=%s;embedding=%s",
        noveltyWeights.rule, noveltyWeights.retrieval, noveltyWeights.llm, noveltyThreshold,
        inventiveStepWeights.rule, inventiveStepWeights.retrieval, inventiveStepWeights.llm,
        inventiveStepThreshold, topK, minSimilarity, enableRag,
        enableLlm ? llmModel + "/" + PromptTemplates.version(PromptTemplates.NOVELTY) + "/"
            + PromptTemplates.version(PromptTemplates.INVENTIVE_STEP) + "/"
            + PromptTemplates.version(PromptTemplates.ANALYSIS) : "off",
        embeddingModel);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static void requireUnit(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
    }
  }
}
