package io.patent2tech.connectors.elasticsearch;

import io.patent2tech.connectors.json.SamplePatents;
import io.patent2tech.schema.Embedding;
import io.patent2tech.schema.EnrichedPatent;
import io.patent2tech.schema.InventiveStepEvaluation;
import io.patent2tech.schema.LlmJudgement;
import io.patent2tech.schema.NoveltyEvaluation;
import io.patent2tech.schema.RetrievedPassage;
import io.patent2tech.schema.RetrievedPatent;
import io.patent2tech.schema.TechnologyAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Enrichments of {@link SamplePatents#sipGrant()} for the Elasticsearch tests: one with every
 * stage, and the same patent evaluated again with the LLM and the embedding model failing.
 */
public final class SampleEnrichments {

  /** 2025-01-02T03:04:05Z */
  public static final long ENRICHED_TIME = 1735787045000L;

  public static final String EMBEDDING_MODEL = "sentence-transformers/all-MiniLM-L6-v2";
  public static final String LLM_MODEL = "qwen2.5:7b-instruct";

  private SampleEnrichments() {}

  /** Every stage ran: rule, RAG, LLM, precedents and the technology analysis. */
  public static EnrichedPatent sipGrantFull() {
    return EnrichedPatent.newBuilder()
        .setPublicationKey("US-8930553-B2")
        .setContentHash(SamplePatents.sipGrant().getContentHash())
        .setPatentVersion(1)
        .setLanguage("en")
        .setJurisdiction("US")
        .setSettingsFingerprint("sha256:5f1c0a9e")
        .setEmbedding(new Embedding(EMBEDDING_MODEL, vector(384)))
        .setPriorArt(List.of(
            new RetrievedPatent("US-9100002-B2", 0.97, 0.8),
            new RetrievedPatent("US-9100003-B2", 0.71, null)))
        .setNoveltyPassages(List.of(
            new RetrievedPassage("us-35usc102", "statute", "35 U.S.C. 102", "Novelty", 0.66)))
        .setInventiveStepPassages(List.of(
            new RetrievedPassage("us-ksr-2007", "case", "KSR v. Teleflex, 550 U.S. 398", "Obviousness", 0.64),
            new RetrievedPassage("us-35usc102", "statute", "35 U.S.C. 102", "Novelty", 0.52)))
        .setRetrievalError(null)
        .setNovelty(NoveltyEvaluation.newBuilder()
            .setRuleScore(0.8)
            .setRagScore(0.97)
            .setLlmScore(0.9)
            .setFinalScore(0.885)
            .setIsNovel(false)
            .setThreshold(0.7)
            .setStagesUsed(List.of("rule", "rag", "llm"))
            .setWeights(Map.of("rule", 0.3, "rag", 0.3, "llm", 0.4))
            .setFeatures(List.of("incoming message hardware processor", "mid-dialog sip message",
                "unknown message hardware processor", "new sip session"))
            .setLlm(judgement("novelty-v1", false, 0.9,
                "The prior art discloses every feature of claim 1.", List.of("none")))
            .build())
        .setInventiveStep(InventiveStepEvaluation.newBuilder()
            .setTechnologyField("software")
            .setRuleScore(0.35)
            .setPrecedentScore(0.64)
            .setLlmScore(0.2)
            .setFinalScore(0.33)
            .setHasInventiveStep(false)
            .setThreshold(0.5)
            .setStagesUsed(List.of("rule", "precedent", "llm"))
            .setWeights(Map.of("rule", 0.4, "precedent", 0.2, "llm", 0.4))
            .setLlm(judgement("inventive-step-v1", false, 0.8,
                "Creating a session for an unknown dialog is an obvious fallback.",
                List.of("session created on demand", "out-of-protocol callback")))
            .build())
        .setAnalysis(TechnologyAnalysis.newBuilder()
            .setStatus("ok")
            .setModel(LLM_MODEL)
            .setPromptVersion("analysis-v1")
            .setAttempts(1)
            .setLatencyMs(2100L)
            .setCoreConcepts(List.of("SIP session recovery", "application routing"))
            .setImplementationFeasibility("High: a SIP servlet container change.")
            .setRelatedFields(List.of("telecommunications", "VoIP"))
            .setCommercialApplications(List.of("Carrier-grade SIP application servers"))
            .setImplementationOutline(List.of("Detect mid-dialog messages without a session",
                "Create a session", "Dispatch to the application"))
            .setPromptTokens(900)
            .setCompletionTokens(240)
            .build())
        .setEnrichedTime(ENRICHED_TIME)
        .build();
  }

  /**
   * {@link #sipGrantFull()} evaluated again, later, without the LLM (off or failing) and without
   * an embedding: the LLM stages and the analysis are gone, the final scores changed.
   */
  public static EnrichedPatent sipGrantWithoutLlm() {
    EnrichedPatent full = sipGrantFull();
    return EnrichedPatent.newBuilder(full)
        .setSettingsFingerprint("sha256:77d0be12")
        .setEmbedding(null)
        .setNovelty(NoveltyEvaluation.newBuilder(full.getNovelty())
            .setLlmScore(null)
            .setFinalScore(0.885)
            .setStagesUsed(List.of("rule", "rag"))
            .setWeights(Map.of("rule", 0.5, "rag", 0.5))
            .setLlm(null)
            .build())
        .setInventiveStep(InventiveStepEvaluation.newBuilder(full.getInventiveStep())
            .setLlmScore(null)
            .setFinalScore(0.45)
            .setStagesUsed(List.of("rule", "precedent"))
            .setWeights(Map.of("rule", 0.67, "precedent", 0.33))
            .setLlm(null)
            .build())
        .setAnalysis(null)
        .setEnrichedTime(ENRICHED_TIME + 86_400_000L)
        .build();
  }

  private static LlmJudgement judgement(String promptVersion, boolean verdict, double confidence,
      String reasoning, List<String> keyDifferences) {
    return LlmJudgement.newBuilder()
        .setStatus("ok")
        .setModel(LLM_MODEL)
        .setPromptVersion(promptVersion)
        .setVerdict(verdict)
        .setConfidence(confidence)
        .setReasoning(reasoning)
        .setKeyDifferences(keyDifferences)
        .setAttempts(1)
        .setLatencyMs(1500L)
        .setPromptTokens(1000)
        .setCompletionTokens(100)
        .build();
  }

  /** An L2-normalized vector with distinct components, as the model would give. */
  public static List<Float> vector(int dimensions) {
    double[] raw = new double[dimensions];
    double norm = 0;
    for (int i = 0; i < dimensions; i++) {
      raw[i] = Math.sin(i + 1.0);
      norm += raw[i] * raw[i];
    }
    List<Float> vector = new ArrayList<>(dimensions);
    for (double component : raw) {
      vector.add((float) (component / Math.sqrt(norm)));
    }
    return vector;
  }
}
