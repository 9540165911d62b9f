package io.patent2tech.connectors.elasticsearch.document;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patent2tech.connectors.elasticsearch.CollectingDeadLetters;
import io.patent2tech.connectors.elasticsearch.ElasticsearchTestIndex;
import io.patent2tech.connectors.elasticsearch.MeteredMiniCluster;
import io.patent2tech.connectors.elasticsearch.SampleEnrichments;
import io.patent2tech.connectors.elasticsearch.index.PatentIndex;
import io.patent2tech.connectors.elasticsearch.sink.ElasticsearchBulkSink;
import io.patent2tech.connectors.json.SamplePatents;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Embedding;
import io.patent2tech.schema.EnrichedPatent;
import io.patent2tech.schema.Patent;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The enrich job's sink ({@link ElasticsearchBulkSink#forEnrichments}) and the landing job's
 * ({@link ElasticsearchBulkSink#forPatents}) writing the same document in a real Flink job
 * (MiniCluster) against a real Elasticsearch, in either order.
 */
class EnrichmentDocumentsIT {

  private static final MeteredMiniCluster CLUSTER = new MeteredMiniCluster(1);

  @RegisterExtension
  static final MiniClusterExtension FLINK = CLUSTER.extension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "US-8930553-B2";

  private ElasticsearchTestIndex es;
  private CollectingDeadLetters deadLetters;

  @BeforeEach
  void createIndex() {
    es = new ElasticsearchTestIndex();
    PatentIndex.ensure(es.settings());
    deadLetters = new CollectingDeadLetters();
  }

  @AfterEach
  void deleteIndex() throws IOException {
    es.close();
  }

  @Test
  void anEnrichmentAfterTheLandingAddsItsFieldsToThePatentsDocument() throws Exception {
    Patent patent = SamplePatents.sipGrant();
    EnrichedPatent enriched = SampleEnrichments.sipGrantFull();

    land(List.of(patent));
    JobID job = enrich(List.of(enriched));

    assertThat(es.count()).isEqualTo(1);
    assertThat(es.get(KEY).source()).isEqualTo(stored(patent, enriched));
    assertThat(counter(job, "indexed")).isEqualTo(1);
    assertThat(deadLetters.published()).isEmpty();
  }

  @Test
  void aLandingAfterTheEnrichmentKeepsTheEnrichment() throws Exception {
    Patent patent = SamplePatents.sipGrant();
    EnrichedPatent enriched = SampleEnrichments.sipGrantFull();

    enrich(List.of(enriched));
    // the enrichment alone created the document, with its key
    assertThat(es.get(KEY).source())
        .containsEntry("publication_key", KEY)
        .containsEntry("is_novel", false)
        .doesNotContainKey("title");
    land(List.of(patent));

    assertThat(es.count()).isEqualTo(1);
    assertThat(es.get(KEY).source()).isEqualTo(stored(patent, enriched));
    assertThat(deadLetters.published()).isEmpty();
  }

  @Test
  void theSameEnrichmentAgainChangesNothing() throws Exception {
    land(List.of(SamplePatents.sipGrant()));
    enrich(List.of(SampleEnrichments.sipGrantFull()));
    GetResponse<Map<String, Object>> before = es.get(KEY);

    JobID again = enrich(List.of(SampleEnrichments.sipGrantFull()));

    GetResponse<Map<String, Object>> after = es.get(KEY);
    assertThat(after.seqNo()).isEqualTo(before.seqNo());
    assertThat(after.version()).isEqualTo(before.version());
    assertThat(counter(again, "noop")).isEqualTo(1);
    assertThat(counter(again, "indexed")).isZero();
  }

  @Test
  void aReEvaluationWithoutTheLlmClearsTheLlmFieldsAndKeepsTheVector() throws Exception {
    Patent patent = SamplePatents.sipGrant();
    land(List.of(patent));
    enrich(List.of(SampleEnrichments.sipGrantFull()));

    enrich(List.of(SampleEnrichments.sipGrantWithoutLlm()));

    Map<String, Object> source = es.get(KEY).source();
    assertThat(source)
        .containsEntry("novelty_llm_score", null)
        .containsEntry("inventive_step_llm_score", null)
        .containsEntry("novelty_llm_reasoning", null)
        .containsEntry("analysis_status", null)
        .containsEntry("core_concepts", List.of())
        .containsEntry("novelty_stages", List.of("rule", "rag"))
        .containsEntry("inventive_step_score", 0.45)
        .containsEntry("evaluation_settings", "sha256:77d0be12")
        .containsEntry("embedding_model", SampleEnrichments.EMBEDDING_MODEL)
        .containsEntry("title", "Managing mid-dialog session initiation protocol (SIP) messages");
    assertThat((List<?>) source.get("embedding")).hasSize(384);
  }

  @Test
  void enrichmentsElasticsearchRefusesBecomeDeadLettersOfTheEnrichedTopic() throws Exception {
    // the index's dense_vector has 384 dimensions
    EnrichedPatent wrongDimensions = EnrichedPatent.newBuilder(SampleEnrichments.sipGrantFull())
        .setPublicationKey("US-8930554-B2")
        .setEmbedding(new Embedding("another-model", SampleEnrichments.vector(3)))
        .build();

    JobID job = enrich(List.of(wrongDimensions, SampleEnrichments.sipGrantFull()));

    assertThat(es.count()).isEqualTo(1);
    assertThat(es.get("US-8930554-B2").found()).isFalse();
    assertThat(counter(job, "failed")).isEqualTo(1);
    assertThat(deadLetters.published()).hasSize(1);
    DeadLetter deadLetter = deadLetters.published().get(0);
    assertThat(deadLetter.getSource()).isEqualTo("patents.enriched");
    assertThat(deadLetter.getPublicationKey()).isEqualTo("US-8930554-B2");
    assertThat(deadLetter.getReason()).contains("embedding");
  }

  /** What Elasticsearch should hold after both writes: both partial documents, as JSON gives them back. */
  private static Map<String, Object> stored(Patent patent, EnrichedPatent enriched) throws IOException {
    Map<String, Object> merged = new LinkedHashMap<>(PatentDocuments.document(patent));
    merged.putAll(EnrichmentDocuments.document(enriched));
    return JSON.readValue(JSON.writeValueAsBytes(merged), new TypeReference<Map<String, Object>>() {});
  }

  private JobID land(List<Patent> patents) throws Exception {
    StreamExecutionEnvironment env = environment();
    env.fromData(patents).sinkTo(ElasticsearchBulkSink.forPatents(es.settings(), deadLetters));
    return env.execute("landing").getJobID();
  }

  private JobID enrich(List<EnrichedPatent> enrichments) throws Exception {
    StreamExecutionEnvironment env = environment();
    env.fromData(enrichments).sinkTo(ElasticsearchBulkSink.forEnrichments(es.settings(), deadLetters));
    return env.execute("enrichment landing").getJobID();
  }

  private static StreamExecutionEnvironment environment() {
    return MeteredMiniCluster.environment();
  }


  private static long counter(JobID job, String name) {
    return CLUSTER.counter(job, name);
  }

}
