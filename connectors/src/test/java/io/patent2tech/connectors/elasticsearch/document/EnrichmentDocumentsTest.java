package io.patent2tech.connectors.elasticsearch.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patent2tech.connectors.elasticsearch.SampleEnrichments;
import io.patent2tech.connectors.elasticsearch.index.PatentIndex;
import io.patent2tech.connectors.json.SamplePatents;
import io.patent2tech.schema.EnrichedPatent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichmentDocumentsTest {

  /** Each field the mapper writes and the mapping type the template must give it. */
  private static final Map<String, String> TYPES = types(
      "publication_key", "keyword",
      "embedding", "dense_vector",
      "embedding_model", "keyword",
      "novelty_score", "double",
      "novelty_rule_score", "double",
      "novelty_rag_score", "double",
      "novelty_llm_score", "double",
      "is_novel", "boolean",
      "novelty_stages", "keyword",
      "novelty_llm_status", "keyword",
      "novelty_llm_reasoning", "text",
      "novelty_key_differences", "text",
      "novelty_prompt_version", "keyword",
      "inventive_step_score", "double",
      "inventive_step_rule_score", "double",
      "precedent_score", "double",
      "inventive_step_llm_score", "double",
      "has_inventive_step", "boolean",
      "inventive_step_stages", "keyword",
      "inventive_step_llm_status", "keyword",
      "inventive_step_llm_reasoning", "text",
      "inventive_step_key_differences", "text",
      "inventive_step_prompt_version", "keyword",
      "llm_model", "keyword",
      "llm_prompt_tokens", "integer",
      "llm_completion_tokens", "integer",
      "technology_field", "keyword",
      "technical_features", "keyword",
      "prior_art_keys", "keyword",
      "prior_art_max_similarity", "double",
      "legal_passage_ids", "keyword",
      "resembles", "keyword",
      "retrieval_error", "text",
      "evaluation_settings", "keyword",
      "enriched_content_hash", "keyword",
      "enriched_time", "date",
      "analysis_status", "keyword",
      "analysis_model", "keyword",
      "analysis_prompt_version", "keyword",
      "core_concepts", "text",
      "implementation_feasibility", "text",
      "related_fields", "keyword",
      "commercial_applications", "text",
      "implementation_outline", "text");

  @Test
  void theDocumentIdIsThePublicationKey() {
    ElasticsearchDocument document = EnrichmentDocuments.mapper().map(SampleEnrichments.sipGrantFull());

    assertThat(document.id())
        .isEqualTo("US-8930553-B2")
        .isEqualTo(PatentDocuments.id(SamplePatents.sipGrant()));
    assertThat(document.fields()).isEqualTo(EnrichmentDocuments.document(SampleEnrichments.sipGrantFull()));
  }

  @Test
  void flattensEveryStage() {
    EnrichedPatent enriched = SampleEnrichments.sipGrantFull();
    Map<String, Object> doc = EnrichmentDocuments.document(enriched);

    assertThat(doc).contains(
        entry("publication_key", "US-8930553-B2"),
        entry("embedding", enriched.getEmbedding().getVector()),
        entry("embedding_model", SampleEnrichments.EMBEDDING_MODEL),
        entry("novelty_score", 0.885),
        entry("novelty_rule_score", 0.8),
        entry("novelty_rag_score", 0.97),
        entry("novelty_llm_score", 0.9),
        entry("is_novel", false),
        entry("novelty_stages", List.of("rule", "rag", "llm")),
        entry("novelty_llm_status", "ok"),
        entry("novelty_llm_reasoning", "The prior art discloses every feature of claim 1."),
        entry("novelty_key_differences", List.of("none")),
        entry("novelty_prompt_version", "novelty-v1"),
        entry("inventive_step_score", 0.33),
        entry("inventive_step_rule_score", 0.35),
        entry("precedent_score", 0.64),
        entry("inventive_step_llm_score", 0.2),
        entry("has_inventive_step", false),
        entry("inventive_step_stages", List.of("rule", "precedent", "llm")),
        entry("inventive_step_llm_status", "ok"),
        entry("inventive_step_key_differences", List.of("session created on demand", "out-of-protocol callback")),
        entry("inventive_step_prompt_version", "inventive-step-v1"),
        entry("llm_model", SampleEnrichments.LLM_MODEL),
        // novelty, inventive step and the analysis together: 1000 + 1000 + 900, 100 + 100 + 240
        entry("llm_prompt_tokens", 2900),
        entry("llm_completion_tokens", 440),
        entry("technology_field", "software"),
        entry("technical_features", enriched.getNovelty().getFeatures()),
        entry("prior_art_keys", List.of("US-9100002-B2", "US-9100003-B2")),
        entry("prior_art_max_similarity", 0.97),
        // the statute retrieved for both questions is listed once
        entry("legal_passage_ids", List.of("us-35usc102", "us-ksr-2007")),
        entry("resembles", null),
        entry("retrieval_error", null),
        entry("evaluation_settings", "sha256:5f1c0a9e"),
        entry("enriched_content_hash", enriched.getContentHash()),
        entry("enriched_time", SampleEnrichments.ENRICHED_TIME),
        entry("analysis_status", "ok"),
        entry("analysis_model", SampleEnrichments.LLM_MODEL),
        entry("analysis_prompt_version", "analysis-v1"),
        entry("core_concepts", List.of("SIP session recovery", "application routing")),
        entry("implementation_feasibility", "High: a SIP servlet container change."),
        entry("related_fields", List.of("telecommunications", "VoIP")),
        entry("commercial_applications", List.of("Carrier-grade SIP application servers")),
        entry("implementation_outline", List.of("Detect mid-dialog messages without a session",
            "Create a session", "Dispatch to the application")));
    assertThat((List<?>) doc.get("embedding")).hasSize(384);
  }

  @Test
  void everyFieldIsInTheIndexTemplateWithItsType() {
    Map<String, Object> doc = EnrichmentDocuments.document(SampleEnrichments.sipGrantFull());
    JsonNode properties = PatentIndex.template("patents").at("/template/mappings/properties");

    assertThat(doc.keySet()).containsExactlyInAnyOrderElementsOf(TYPES.keySet());
    Map<String, String> mapped = new HashMap<>();
    for (String field : doc.keySet()) {
      JsonNode property = properties.get(field);
      mapped.put(field, property == null ? null : property.path("type").asText(null));
    }
    assertThat(mapped).isEqualTo(TYPES);
    assertThat(properties.at("/enriched_time/format").asText()).isEqualTo("epoch_millis");
    assertThat(properties.at("/core_concepts/fields/keyword/type").asText()).isEqualTo("keyword");
    assertThat(properties.at("/embedding/dims").asInt())
        .isEqualTo(SampleEnrichments.sipGrantFull().getEmbedding().getVector().size());
  }

  @Test
  void stagesThatDidNotRunAreWrittenAsNullsSoTheyClearEarlierValues() {
    Map<String, Object> doc = EnrichmentDocuments.document(SampleEnrichments.sipGrantWithoutLlm());

    assertThat(doc).contains(
        entry("novelty_llm_score", null),
        entry("novelty_llm_status", null),
        entry("novelty_llm_reasoning", null),
        entry("novelty_key_differences", List.of()),
        entry("novelty_prompt_version", null),
        entry("novelty_stages", List.of("rule", "rag")),
        entry("inventive_step_llm_score", null),
        entry("inventive_step_llm_status", null),
        entry("inventive_step_llm_reasoning", null),
        entry("inventive_step_key_differences", List.of()),
        entry("inventive_step_prompt_version", null),
        entry("inventive_step_score", 0.45),
        entry("llm_model", null),
        // no LLM call, no tokens: null, not zero
        entry("llm_prompt_tokens", null),
        entry("llm_completion_tokens", null),
        entry("analysis_status", null),
        entry("analysis_model", null),
        entry("analysis_prompt_version", null),
        entry("core_concepts", List.of()),
        entry("implementation_feasibility", null),
        entry("related_fields", List.of()),
        entry("commercial_applications", List.of()),
        entry("implementation_outline", List.of()),
        // stages that ran are still there
        entry("novelty_rag_score", 0.97),
        entry("precedent_score", 0.64));
  }

  @Test
  void aRecordWithoutEmbeddingLeavesTheStoredVectorAlone() {
    Map<String, Object> doc = EnrichmentDocuments.document(SampleEnrichments.sipGrantWithoutLlm());

    assertThat(doc).doesNotContainKeys("embedding", "embedding_model");
    assertThat(doc.keySet()).containsExactlyInAnyOrderElementsOf(
        TYPES.keySet().stream().filter(field -> !field.startsWith("embedding")).toList());
  }

  @Test
  void failedRetrievalHasNoPriorArtAndSaysWhy() {
    EnrichedPatent failed = EnrichedPatent.newBuilder(SampleEnrichments.sipGrantWithoutLlm())
        .setPriorArt(List.of())
        .setNoveltyPassages(List.of())
        .setInventiveStepPassages(List.of())
        .setRetrievalError("Elasticsearch unreachable: Connection refused")
        .build();

    assertThat(EnrichmentDocuments.document(failed)).contains(
        entry("prior_art_keys", List.of()),
        entry("prior_art_max_similarity", null),
        entry("legal_passage_ids", List.of()),
        entry("retrieval_error", "Elasticsearch unreachable: Connection refused"));
  }

  @Test
  void theVectorIsWrittenAsAJsonArrayOfNumbers() throws Exception {
    Map<String, Object> doc = EnrichmentDocuments.document(SampleEnrichments.sipGrantFull());

    // the bulk writer serializes documents with a plain ObjectMapper
    JsonNode json = new ObjectMapper().valueToTree(doc);
    assertThat(json.get("embedding").isArray()).isTrue();
    assertThat(json.get("embedding").get(0).isNumber()).isTrue();
    assertThat(json.get("embedding").get(0).floatValue())
        .isEqualTo(SampleEnrichments.sipGrantFull().getEmbedding().getVector().get(0));
    assertThat(json.get("enriched_time").isIntegralNumber()).isTrue();
    assertThat(json.get("novelty_llm_score").isDouble()).isTrue();
  }

  private static Map<String, String> types(String... fieldsAndTypes) {
    Map<String, String> types = new HashMap<>();
    for (int i = 0; i < fieldsAndTypes.length; i += 2) {
      types.put(fieldsAndTypes[i], fieldsAndTypes[i + 1]);
    }
    return types;
  }
}
