package io.patent2tech.connectors.elasticsearch.document;

import io.patent2tech.schema.Embedding;
import io.patent2tech.schema.EnrichedPatent;
import io.patent2tech.schema.InventiveStepEvaluation;
import io.patent2tech.schema.LlmJudgement;
import io.patent2tech.schema.NoveltyEvaluation;
import io.patent2tech.schema.RetrievedPassage;
import io.patent2tech.schema.RetrievedPatent;
import io.patent2tech.schema.TechnologyAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The Elasticsearch view of an {@link EnrichedPatent}: the partial document the enrich job merges
 * into the patent's document (the one {@link PatentDocuments} writes, same {@code _id}). The two
 * write different fields, so they can arrive in either order; both upsert, so whichever comes first
 * creates the document. Fields are flat so that Kibana can aggregate on them. Field list and
 * mapping: infra/elasticsearch/templates/patents-template.json.
 *
 * <p>Every evaluation field is written on every update, absent values as explicit nulls (empty
 * lists as empty lists): a re-evaluation with a stage switched off, e.g. the LLM, must clear the
 * old stage's score rather than leave it next to the new final score. The embedding is the
 * exception: a record without one (the model failed) leaves the stored vector in place, because
 * the patent's kNN neighbours depend on it and the content it was computed from has not changed
 * unless a record with a new embedding follows.
 *
 * <p>The document is a function of the record alone, so writing the same record again is a no-op
 * for Elasticsearch ({@code detect_noop}).
 */
public final class EnrichmentDocuments {

  private EnrichmentDocuments() {}

  /** The document id: the publication key, the same as the patent's document. */
  public static String id(EnrichedPatent enriched) {
    return enriched.getPublicationKey();
  }

  /** The mapper to hand to {@link io.patent2tech.connectors.elasticsearch.sink.ElasticsearchBulkSink.Builder#mapper}. */
  public static DocumentMapper<EnrichedPatent> mapper() {
    return enriched -> new ElasticsearchDocument(id(enriched), document(enriched));
  }

  public static Map<String, Object> document(EnrichedPatent enriched) {
    Map<String, Object> doc = new LinkedHashMap<>();
    // the same value landing writes: a document the enrichment creates is findable by key at once
    doc.put("publication_key", enriched.getPublicationKey());

    Embedding embedding = enriched.getEmbedding();
    if (embedding != null) {
      doc.put("embedding", new ArrayList<>(embedding.getVector()));
      doc.put("embedding_model", embedding.getModel());
    }

    NoveltyEvaluation novelty = enriched.getNovelty();
    LlmJudgement noveltyLlm = novelty.getLlm();
    doc.put("novelty_score", novelty.getFinalScore());
    doc.put("novelty_rule_score", novelty.getRuleScore());
    doc.put("novelty_rag_score", novelty.getRagScore());
    doc.put("novelty_llm_score", novelty.getLlmScore());
    doc.put("is_novel", novelty.getIsNovel());
    doc.put("novelty_stages", new ArrayList<>(novelty.getStagesUsed()));
    putJudgement(doc, "novelty", noveltyLlm);

    InventiveStepEvaluation inventiveStep = enriched.getInventiveStep();
    LlmJudgement inventiveStepLlm = inventiveStep.getLlm();
    doc.put("inventive_step_score", inventiveStep.getFinalScore());
    doc.put("inventive_step_rule_score", inventiveStep.getRuleScore());
    doc.put("precedent_score", inventiveStep.getPrecedentScore());
    doc.put("inventive_step_llm_score", inventiveStep.getLlmScore());
    doc.put("has_inventive_step", inventiveStep.getHasInventiveStep());
    doc.put("inventive_step_stages", new ArrayList<>(inventiveStep.getStagesUsed()));
    putJudgement(doc, "inventive_step", inventiveStepLlm);
    // one model answers both questions; either judgement names it when the other is missing
    doc.put("llm_model", Stream.of(noveltyLlm, inventiveStepLlm)
        .filter(Objects::nonNull)
        .map(LlmJudgement::getModel)
        .findFirst()
        .orElse(null));
    // What the LLM calls behind this evaluation cost, in tokens: the project knows no price per
    // token (the model runs locally by default), so Kibana charts tokens, not money. Null when no
    // call reported tokens, so "no LLM" and "zero tokens" stay apart.
    TechnologyAnalysis analysis = enriched.getAnalysis();
    doc.put("llm_prompt_tokens", tokens(
        noveltyLlm == null ? null : noveltyLlm.getPromptTokens(),
        inventiveStepLlm == null ? null : inventiveStepLlm.getPromptTokens(),
        analysis == null ? null : analysis.getPromptTokens()));
    doc.put("llm_completion_tokens", tokens(
        noveltyLlm == null ? null : noveltyLlm.getCompletionTokens(),
        inventiveStepLlm == null ? null : inventiveStepLlm.getCompletionTokens(),
        analysis == null ? null : analysis.getCompletionTokens()));

    doc.put("technology_field", inventiveStep.getTechnologyField());
    doc.put("technical_features", distinct(novelty.getFeatures().stream(), Function.identity()));
    List<RetrievedPatent> priorArt = enriched.getPriorArt();
    doc.put("prior_art_keys", distinct(priorArt.stream(), RetrievedPatent::getPublicationKey));
    doc.put("prior_art_max_similarity", priorArt.stream()
        .map(RetrievedPatent::getSimilarity)
        .max(Double::compare)
        .orElse(null));
    doc.put("legal_passage_ids", distinct(
        Stream.concat(enriched.getNoveltyPassages().stream(), enriched.getInventiveStepPassages().stream()),
        RetrievedPassage::getId));
    doc.put("retrieval_error", enriched.getRetrievalError());
    // an already evaluated near-duplicate the patent resembles: this evaluation is its own, not a copy
    doc.put("resembles", enriched.getResembles());
    doc.put("evaluation_settings", enriched.getSettingsFingerprint());
    // tells a stale enrichment (of an earlier version) from a current one: compare with content_hash
    doc.put("enriched_content_hash", enriched.getContentHash());
    doc.put("enriched_time", enriched.getEnrichedTime());

    doc.put("analysis_status", analysis == null ? null : analysis.getStatus());
    doc.put("analysis_model", analysis == null ? null : analysis.getModel());
    doc.put("analysis_prompt_version", analysis == null ? null : analysis.getPromptVersion());
    doc.put("core_concepts", analysis == null ? List.of() : new ArrayList<>(analysis.getCoreConcepts()));
    doc.put("implementation_feasibility", analysis == null ? null : analysis.getImplementationFeasibility());
    doc.put("related_fields", analysis == null ? List.of() : new ArrayList<>(analysis.getRelatedFields()));
    doc.put("commercial_applications",
        analysis == null ? List.of() : new ArrayList<>(analysis.getCommercialApplications()));
    doc.put("implementation_outline",
        analysis == null ? List.of() : new ArrayList<>(analysis.getImplementationOutline()));
    return doc;
  }

  /** {@code <question>_llm_status}, {@code _llm_reasoning}, {@code _key_differences}, {@code _prompt_version}. */
  private static void putJudgement(Map<String, Object> doc, String question, LlmJudgement llm) {
    doc.put(question + "_llm_status", llm == null ? null : llm.getStatus());
    doc.put(question + "_llm_reasoning", llm == null ? null : llm.getReasoning());
    doc.put(question + "_key_differences", llm == null ? List.of() : new ArrayList<>(llm.getKeyDifferences()));
    doc.put(question + "_prompt_version", llm == null ? null : llm.getPromptVersion());
  }

  /** The sum of the calls' token counts that are known; null when none is. */
  private static Integer tokens(Integer... counts) {
    Integer sum = null;
    for (Integer count : counts) {
      if (count != null) {
        sum = (sum == null ? 0 : sum) + count;
      }
    }
    return sum;
  }

  /** Non-null values in first-seen order, each once. */
  private static <T> List<String> distinct(Stream<T> items, Function<T, String> value) {
    return new ArrayList<>(items
        .map(value)
        .filter(Objects::nonNull)
        .collect(LinkedHashSet::new, LinkedHashSet::add, LinkedHashSet::addAll));
  }
}
