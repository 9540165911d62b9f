package io.patent2tech.udfs.eval.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.embed.EmbeddedPatent;
import io.patent2tech.udfs.eval.EvalPatents;
import io.patent2tech.udfs.eval.Enrichment;
import io.patent2tech.udfs.eval.EvaluationSettings;
import io.patent2tech.udfs.eval.retrieve.VectorQuery.Corpus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.streaming.api.datastream.AsyncDataStream.OutputMode;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The retrieval stage as Flink's async operator in its test harness, with the search in memory. */
class RetrieveTest {

  private static final float[] QUERY = {1, 0, 0};

  private final InMemoryVectorSearch search = new InMemoryVectorSearch();
  private OneInputStreamOperatorTestHarness<EmbeddedPatent, Enrichment> harness;

  @AfterEach
  void close() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void priorArtLeavesOutItselfItsApplicationAndFamilyAndKeepsTheThreshold() throws Exception {
    Patent self = Patent.newBuilder(EvalPatents.patent("US-1-B2", "US", "h"))
        .setFamilyId("F-1").build();
    patent("US-1-B2", "US-1-B2-app", "F-1", new float[] {1, 0, 0}, "claim of itself");
    patent("US-1-A1", "US-1-B2-app", null, new float[] {1, 0, 0}, "its own application");
    patent("US-3-B2", "US-3-app", "F-1", new float[] {1, 0, 0}, "its family");
    patent("US-4-B2", "US-4-app", null, new float[] {1, 0.1f, 0}, "near");
    patent("US-5-B2", "US-5-app", null, new float[] {1, 0.5f, 0}, "less near");
    patent("US-6-B2", "US-6-app", null, new float[] {0, 1, 0}, "unrelated");

    Enrichment e = retrieveOne(EvaluationSettings.defaults(), self, QUERY);

    assertThat(e.retrieved).isTrue();
    assertThat(e.retrievalError).isNull();
    assertThat(e.priorArt).extracting(d -> d.publicationKey).containsExactly("US-4-B2", "US-5-B2");
    assertThat(e.priorArt[0].similarity).isCloseTo(1 / Math.sqrt(1.01), within(1e-6));
    assertThat(e.priorArt[0].firstClaim).isEqualTo("near");
    assertThat(e.priorArt[0].language).isEqualTo("en");
    assertThat(e.vector).isEqualTo(QUERY);
    assertThat(e.embeddingModel).isEqualTo("model-1");
  }

  @Test
  void priorArtLeavesOutTheDocumentsLinksTieToIt() throws Exception {
    // no family id or application key in common: only the landed links say they belong together
    Patent self = EvalPatents.patent("US-1-B2", "US", "h");
    linked("EP-2-B1", "family_members", "US-1-B2", new float[] {1, 0, 0});
    linked("US-3-A1", "application_members", "US-1-B2", new float[] {1, 0.01f, 0});
    linked("WO-4-A1", "near_duplicates", "US-1-B2", new float[] {1, 0.02f, 0});
    // linked to another patent: still prior art
    linked("US-5-B2", "near_duplicates", "US-9-B2", new float[] {1, 0.1f, 0});
    patent("US-6-B2", "US-6-app", null, new float[] {1, 0.2f, 0}, "near");

    Enrichment e = retrieveOne(EvaluationSettings.defaults(), self, QUERY);

    assertThat(e.priorArt).extracting(d -> d.publicationKey).containsExactly("US-5-B2", "US-6-B2");
  }

  @Test
  void theLinkedDocumentsDoNotTakeTopKPlaces() throws Exception {
    Patent self = EvalPatents.patent("US-1-B2", "US", "h");
    for (int i = 0; i < 8; i++) {
      linked("WO-" + i + "-A1", "near_duplicates", "US-1-B2", new float[] {1, 0, 0});
    }
    patent("US-6-B2", "US-6-app", null, new float[] {1, 0.2f, 0}, "near");

    Enrichment e = retrieveOne(settings(1, true), self, QUERY);

    assertThat(e.priorArt).extracting(d -> d.publicationKey).containsExactly("US-6-B2");
    VectorQuery priorArt = search.calls.get(0).get(0);
    assertThat(priorArt.exclude()).contains(new VectorQuery.Term("family_members", "US-1-B2"),
        new VectorQuery.Term("application_members", "US-1-B2"), new VectorQuery.Term("near_duplicates", "US-1-B2"));
  }

  @Test
  void anEvaluatedNearDuplicateIsNamedAndNotReused() throws Exception {
    Patent self = EvalPatents.patent("US-1-B2", "US", "h");
    // evaluated, but an older content than it has now: not what this patent resembles
    nearDuplicate("WO-4-A1", "US-1-B2", new float[] {1, 0, 0}, "h-new", "h-old");
    nearDuplicate("EP-2-A1", "US-1-B2", new float[] {1, 0.05f, 0}, "h-ep", "h-ep");
    nearDuplicate("EP-3-A1", "US-1-B2", new float[] {1, 0.5f, 0}, "h-ep3", "h-ep3");
    patent("US-6-B2", "US-6-app", null, new float[] {1, 0.2f, 0}, "near");

    Enrichment e = retrieveOne(EvaluationSettings.defaults(), self, QUERY);

    assertThat(e.resembles).isEqualTo("EP-2-A1");
    // evaluated on its own: the near-duplicates are neither prior art nor a source of scores
    assertThat(e.priorArt).extracting(d -> d.publicationKey).containsExactly("US-6-B2");
  }

  @Test
  void aNearDuplicateNotEvaluatedYetOrNoneAtAllNamesNothing() throws Exception {
    nearDuplicate("WO-4-A1", "US-1-B2", new float[] {1, 0, 0}, "h-wo", null);
    // an evaluated near-duplicate of another patent
    nearDuplicate("EP-2-A1", "US-9-B2", new float[] {1, 0, 0}, "h-ep", "h-ep");

    Enrichment e = retrieveOne(EvaluationSettings.defaults(), EvalPatents.patent("US-1-B2", "US", "h"), QUERY);

    assertThat(e.retrieved).isTrue();
    assertThat(e.resembles).isNull();
    assertThat(e.priorArt).extracting(d -> d.publicationKey).containsExactly("EP-2-A1");
  }

  @Test
  void topKLimitsPriorArtAndPassages() throws Exception {
    for (int i = 0; i < 4; i++) {
      patent("US-" + (10 + i) + "-B2", "app-" + i, null, new float[] {1, 0.1f * i, 0}, "c");
      passage("us-" + i, "US", "novelty", new float[] {1, 0.1f * i, 0});
    }
    EvaluationSettings topTwo = settings(2, true);

    Enrichment e = retrieveOne(topTwo, EvalPatents.patent("US-1-B2", "US", "h"), QUERY);

    assertThat(e.priorArt).extracting(d -> d.publicationKey).containsExactly("US-10-B2", "US-11-B2");
    assertThat(e.noveltyPassages).extracting(p -> p.id).containsExactly("us-0", "us-1");
  }

  @Test
  void passagesComeFromThePatentsJurisdictionAndTheQuestionsTopic() throws Exception {
    passage("us-novelty", "US", "novelty", new float[] {1, 0, 0});
    passage("us-inventive", "US", "inventive_step", new float[] {1, 0, 0});
    passage("ep-novelty", "EP", "novelty", new float[] {1, 0, 0});

    Enrichment e = retrieveOne(EvaluationSettings.defaults(),
        EvalPatents.patent("US-1-B2", "US", "h"), QUERY);

    assertThat(e.noveltyPassages).extracting(p -> p.id).containsExactly("us-novelty");
    assertThat(e.noveltyPassages[0].citation).isEqualTo("cite us-novelty");
    assertThat(e.noveltyPassages[0].text).isEqualTo("text us-novelty");
    assertThat(e.inventiveStepPassages).extracting(p -> p.id).containsExactly("us-inventive");
    assertThat(search.calls).hasSize(1).allSatisfy(call -> assertThat(call).as("one round trip")
        .extracting(VectorQuery::corpus).containsExactly(Corpus.PATENTS, Corpus.PATENTS, Corpus.LEGAL, Corpus.LEGAL));
  }

  @Test
  void anOfficeWithoutALegalCorpusSearchesPriorArtOnly() throws Exception {
    passage("us-novelty", "US", "novelty", new float[] {1, 0, 0});

    Enrichment e = retrieveOne(EvaluationSettings.defaults(),
        EvalPatents.patent("JP-1-B2", "JP", "h"), QUERY);

    assertThat(e.retrieved).isTrue();
    assertThat(e.noveltyPassages).isEmpty();
    assertThat(search.calls.get(0)).extracting(VectorQuery::corpus).containsExactly(Corpus.PATENTS, Corpus.PATENTS);
  }

  @Test
  void aPatentWithoutTextIsNotSearchedAndSaysWhy() throws Exception {
    Enrichment e = retrieveOne(EvaluationSettings.defaults(),
        EvalPatents.patent("US-1-B2", "US", "h"), null);

    assertThat(e.retrieved).isFalse();
    assertThat(e.retrievalError).contains("no title, abstract or claim text");
    assertThat(search.calls).isEmpty();
  }

  @Test
  void aFailedSearchIsRecordedAndThePatentGoesOn() throws Exception {
    search.failing = true;

    Enrichment e = retrieveOne(EvaluationSettings.defaults(),
        EvalPatents.patent("US-1-B2", "US", "h"), QUERY);

    assertThat(e.retrieved).isFalse();
    assertThat(e.retrievalError).contains("cluster unreachable");
    assertThat(e.priorArt).isEmpty();
    assertThat(e.inventiveStepPassages).isEmpty();
  }

  @Test
  void withRagOffNothingIsOpenedOrSearched() throws Exception {
    patent("US-4-B2", "US-4-app", null, new float[] {1, 0, 0}, "near");

    Enrichment e = retrieveOne(settings(5, false), EvalPatents.patent("US-1-B2", "US", "h"), QUERY);

    assertThat(e.retrieved).isFalse();
    assertThat(e.retrievalError).isNull();
    assertThat(e.priorArt).isEmpty();
    assertThat(search.opened).isZero();
    assertThat(search.calls).isEmpty();
  }

  @Test
  void manyPatentsComeOutInTheirInputOrderAndTheSearchIsClosed() throws Exception {
    patent("US-4-B2", "US-4-app", null, new float[] {1, 0, 0}, "near");
    open(EvaluationSettings.defaults());
    for (int i = 0; i < 20; i++) {
      harness.processElement(new EmbeddedPatent(
          EvalPatents.patent("US-" + (100 + i) + "-B2", "US", "h"), QUERY, "model-1"), i);
    }
    harness.endInput();

    assertThat(harness.extractOutputValues()).extracting(e -> e.patent.getPublicationKey())
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 20).mapToObj(i -> "US-" + (100 + i) + "-B2").toList());
    harness.close();
    harness = null;
    assertThat(search.closed).isTrue();
  }

  private Enrichment retrieveOne(EvaluationSettings settings, Patent patent, float[] vector)
      throws Exception {
    open(settings);
    harness.processElement(new EmbeddedPatent(patent, vector, "model-1"), 1);
    harness.endInput();
    List<Enrichment> out = harness.extractOutputValues();
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  private void open(EvaluationSettings settings) throws Exception {
    Retrieve retrieve = new Retrieve(settings, search.factory(), 4, Duration.ofSeconds(10));
    harness = new OneInputStreamOperatorTestHarness<>(
        new AsyncWaitOperatorFactory<>(retrieve, 10_000, 4, OutputMode.ORDERED),
        TypeInformation.of(EmbeddedPatent.class).createSerializer(new ExecutionConfig()));
    harness.open();
  }

  private static EvaluationSettings settings(int topK, boolean rag) {
    EvaluationSettings d = EvaluationSettings.defaults();
    return new EvaluationSettings(d.noveltyWeights(), d.noveltyThreshold(),
        d.inventiveStepWeights(), d.inventiveStepThreshold(), topK, d.minSimilarity(), rag,
        d.enableLlm(), d.debug());
  }

  private void patent(String key, String applicationKey, String familyId, float[] vector,
      String firstClaim) {
    Map<String, String> fields = new java.util.HashMap<>(Map.of("publication_key", key,
        "application_key", applicationKey, "first_claim", firstClaim, "language", "en"));
    if (familyId != null) {
      fields.put("family_id", familyId);
    }
    search.add(Corpus.PATENTS, key, vector, fields);
  }

  /** A landed patent whose {@code list} (family_members, ...) names {@code other}. */
  private void linked(String key, String list, String other, float[] vector) {
    search.add(Corpus.PATENTS, key, vector, Map.of("publication_key", key, "application_key", key + "-app",
        "first_claim", "claim of " + key, "language", "en"), Map.of(list, List.of(other)));
  }

  /** A landed near-duplicate of {@code other}, evaluated with {@code enrichedHash} (null: not evaluated). */
  private void nearDuplicate(String key, String other, float[] vector, String contentHash, String enrichedHash) {
    Map<String, String> fields = new java.util.HashMap<>(Map.of("publication_key", key,
        "application_key", key + "-app", "first_claim", "claim of " + key, "language", "en",
        "content_hash", contentHash));
    if (enrichedHash != null) {
      fields.put("enriched_content_hash", enrichedHash);
    }
    search.add(Corpus.PATENTS, key, vector, fields, Map.of("near_duplicates", List.of(other)));
  }

  private void passage(String id, String jurisdiction, String topic, float[] vector) {
    search.add(Corpus.LEGAL, id, vector, Map.of("jurisdiction", jurisdiction, "topics", topic,
        "record_id", id, "citation", "cite " + id, "text", "text " + id));
  }
}
