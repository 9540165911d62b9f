package io.patent2tech.udfs.eval;

import io.patent2tech.schema.EnrichedPatent;
import io.patent2tech.schema.Embedding;
import io.patent2tech.schema.InventiveStepEvaluation;
import io.patent2tech.schema.LlmJudgement;
import io.patent2tech.schema.NoveltyEvaluation;
import io.patent2tech.schema.RetrievedPassage;
import io.patent2tech.schema.RetrievedPatent;
import io.patent2tech.udfs.eval.llm.LlmQuestions;
import io.patent2tech.udfs.eval.retrieve.Jurisdiction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.MapFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The combination (docs/design.md section 6, seed 002 section 4, docs/scoring.md): each question's
 * final score is the weighted mean of the stages that produced a score, the weights renormalized
 * over them, and the record names those stages and the weights used.
 *
 * <pre>
 *   novelty        = rule (feature Jaccard) 0.3 + RAG (max prior-art cosine) 0.4 + LLM 0.3;  novel when &lt; 0.7
 *   inventive step = rule 0.4 + precedent (max precedent cosine) 0.3 + LLM 0.3;   inventive when &gt; 0.6
 * </pre>
 *
 * A stage has no score when it is switched off or failed: RAG when retrieval did not run, the
 * precedent stage also when no passage of the jurisdiction was found, the LLM when its answer was
 * not valid (timeout, error, invalid twice).
 */
public final class Combine implements MapFunction<Enrichment, EnrichedPatent> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(Combine.class);

  public static final String RULE = "rule";
  public static final String RAG = "rag";
  public static final String PRECEDENT = "precedent";
  public static final String LLM = "llm";

  private final EvaluationSettings evaluation;
  private final String settingsFingerprint;

  public Combine(EvaluationSettings evaluation, String settingsFingerprint) {
    this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
    this.settingsFingerprint = Objects.requireNonNull(settingsFingerprint, "settingsFingerprint");
  }

  @Override
  public EnrichedPatent map(Enrichment e) {
    NoveltyEvaluation novelty = novelty(e);
    InventiveStepEvaluation inventiveStep = inventiveStep(e);
    if (evaluation.debug()) {
      LOG.info("{}: novelty {} {} (rule {}, rag {}, llm {}; weights {}), inventive step {} {} "
              + "(rule {}, precedent {}, llm {}; weights {}), prior art {}",
          e.patent.getPublicationKey(), novelty.getFinalScore(),
          novelty.getIsNovel() ? "novel" : "not novel", novelty.getRuleScore(),
          novelty.getRagScore(), novelty.getLlmScore(), novelty.getWeights(),
          inventiveStep.getFinalScore(),
          inventiveStep.getHasInventiveStep() ? "inventive" : "not inventive",
          inventiveStep.getRuleScore(), inventiveStep.getPrecedentScore(),
          inventiveStep.getLlmScore(), inventiveStep.getWeights(), e.priorArt.length);
    }
    return EnrichedPatent.newBuilder()
        .setPublicationKey(e.patent.getPublicationKey())
        .setContentHash(e.patent.getContentHash())
        .setPatentVersion(e.patent.getVersion())
        .setLanguage(LlmQuestions.language(e.patent).code())
        .setJurisdiction(Jurisdiction.of(e.patent).map(Enum::name).orElse(null))
        .setSettingsFingerprint(settingsFingerprint)
        .setEmbedding(e.vector == null ? null : new Embedding(e.embeddingModel, floats(e.vector)))
        .setPriorArt(priorArt(e.priorArt))
        .setNoveltyPassages(passages(e.noveltyPassages))
        .setInventiveStepPassages(passages(e.inventiveStepPassages))
        .setRetrievalError(e.retrievalError)
        .setResembles(e.resembles)
        .setNovelty(novelty)
        .setInventiveStep(inventiveStep)
        .setAnalysis(e.analysis)
        .setEnrichedTime(System.currentTimeMillis())
        .build();
  }

  private NoveltyEvaluation novelty(Enrichment e) {
    Double rag = null;
    if (e.retrieved) {
      // no prior art above the least similarity: nothing close was found, closeness 0
      rag = unit(max(e.priorArt));
    }
    Double llm = llmScore(e.noveltyLlm, false);
    EvaluationSettings.Weights w = evaluation.noveltyWeights();
    CombinedScore combined = ScoreCombiner.combine(RULE, List.of(
        new StageScore(RULE, w.rule(), e.noveltyRuleScore),
        new StageScore(RAG, w.retrieval(), rag),
        new StageScore(LLM, w.llm(), llm)));
    return NoveltyEvaluation.newBuilder()
        .setRuleScore(e.noveltyRuleScore)
        .setRagScore(rag)
        .setLlmScore(llm)
        .setFinalScore(combined.score())
        .setIsNovel(combined.score() < evaluation.noveltyThreshold())
        .setThreshold(evaluation.noveltyThreshold())
        .setStagesUsed(combined.stagesUsed())
        .setWeights(combined.effectiveWeights())
        .setFeatures(List.of(e.features))
        .setLlm(e.noveltyLlm)
        .build();
  }

  private InventiveStepEvaluation inventiveStep(Enrichment e) {
    Double precedent = null;
    if (e.retrieved && e.inventiveStepPassages.length > 0) {
      precedent = unit(max(e.inventiveStepPassages));
    }
    Double llm = llmScore(e.inventiveStepLlm, true);
    EvaluationSettings.Weights w = evaluation.inventiveStepWeights();
    CombinedScore combined = ScoreCombiner.combine(RULE, List.of(
        new StageScore(RULE, w.rule(), e.inventiveStepRuleScore),
        new StageScore(PRECEDENT, w.retrieval(), precedent),
        new StageScore(LLM, w.llm(), llm)));
    return InventiveStepEvaluation.newBuilder()
        .setTechnologyField(e.technologyField)
        .setRuleScore(e.inventiveStepRuleScore)
        .setPrecedentScore(precedent)
        .setLlmScore(llm)
        .setFinalScore(combined.score())
        .setHasInventiveStep(combined.score() > evaluation.inventiveStepThreshold())
        .setThreshold(evaluation.inventiveStepThreshold())
        .setStagesUsed(combined.stagesUsed())
        .setWeights(combined.effectiveWeights())
        .setLlm(e.inventiveStepLlm)
        .build();
  }

  /**
   * The LLM stage's score on the question's scale: for novelty the belief that the claim is NOT
   * novel (a closeness to prior art, like the other novelty stages), for inventive step the belief
   * that there IS one. Null when there is no valid answer.
   */
  static Double llmScore(LlmJudgement judgement, boolean verdictMeansHigh) {
    if (judgement == null || judgement.getVerdict() == null || judgement.getConfidence() == null) {
      return null;
    }
    double confidence = unit(judgement.getConfidence());
    return judgement.getVerdict() == verdictMeansHigh ? confidence : 1 - confidence;
  }

  private static double max(Enrichment.PriorArtDocument[] documents) {
    double max = 0;
    for (Enrichment.PriorArtDocument d : documents) {
      max = Math.max(max, d.similarity);
    }
    return max;
  }

  private static double max(Enrichment.LegalPassage[] passages) {
    double max = 0;
    for (Enrichment.LegalPassage p : passages) {
      max = Math.max(max, p.similarity);
    }
    return max;
  }

  /** Cosines can be negative and float sums a hair above 1; scores live in [0, 1]. */
  private static double unit(double value) {
    return Math.max(0, Math.min(1, value));
  }

  private static List<Float> floats(float[] vector) {
    List<Float> out = new ArrayList<>(vector.length);
    for (float v : vector) {
      out.add(v);
    }
    return out;
  }

  private static List<RetrievedPatent> priorArt(Enrichment.PriorArtDocument[] documents) {
    List<RetrievedPatent> out = new ArrayList<>(documents.length);
    for (Enrichment.PriorArtDocument d : documents) {
      out.add(new RetrievedPatent(d.publicationKey, d.similarity, d.featureSimilarity));
    }
    return out;
  }

  private static List<RetrievedPassage> passages(Enrichment.LegalPassage[] passages) {
    List<RetrievedPassage> out = new ArrayList<>(passages.length);
    for (Enrichment.LegalPassage p : passages) {
      out.add(new RetrievedPassage(p.id, p.kind, p.citation, p.title, p.similarity));
    }
    return out;
  }
}
