package io.patent2tech.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.connectors.json.AvroJson;
import io.patent2tech.schema.EnrichedPatent;
import io.patent2tech.schema.Embedding;
import io.patent2tech.schema.InventiveStepEvaluation;
import io.patent2tech.schema.LlmJudgement;
import io.patent2tech.schema.NoveltyEvaluation;
import io.patent2tech.schema.RetrievedPassage;
import io.patent2tech.schema.RetrievedPatent;
import io.patent2tech.schema.TechnologyAnalysis;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lands enrichments with p2t_upsert_enrichment (called over JDBC as the sink does, and once through
 * a real Flink job) in a throw-away migrated schema, and reads them back with
 * {@link EvaluatedPatents}.
 */
class EnrichmentPostgresIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1)
      .setNumberSlotsPerTaskManager(2)
      .build());

  /** 2025-01-02T03:04:05Z */
  private static final long ENRICHED_TIME = 1735787045000L;
  private static final String KEY = "US-8930553-B2";
  private static final String HASH = "3f7a9c1e5b2d4f608a1c3e5f7b9d2a4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a2b";
  private static final String FINGERPRINT = "sha256:5f1c0a9e";
  private static final String LLM_MODEL = "qwen2.5:7b-instruct";

  private PostgresTestDatabase database;

  @BeforeEach
  void migrate() throws SQLException {
    database = new PostgresTestDatabase();
    PostgresMigrations.migrate(database.settings());
  }

  @AfterEach
  void dropSchema() throws SQLException {
    database.close();
  }

  @Test
  void landsEveryStageOfAnEvaluationAndItsAnalysis() throws Exception {
    call(full(), bare("US-7000001-B2"));

    assertThat(rows("SELECT content_hash, patent_version, settings_fingerprint, language, jurisdiction, "
        + "technology_field, embedding_model, features, enriched_time FROM patent_evaluations "
        + "WHERE publication_key = ?", KEY))
        .containsExactly(List.of(HASH, 1, FINGERPRINT, "en", "US", "software", "all-MiniLM-L6-v2",
            List.of("incoming message processor", "mid-dialog sip message", "new sip session"),
            Instant.ofEpochMilli(ENRICHED_TIME)));
    assertThat(rows("SELECT novelty_rule_score, novelty_rag_score, novelty_llm_score, novelty_score, is_novel, "
        + "novelty_threshold, novelty_stages, novelty_weights = '{\"rule\": 0.3, \"rag\": 0.3, \"llm\": 0.4}' "
        + "FROM patent_evaluations WHERE publication_key = ?", KEY))
        .containsExactly(List.of(0.8, 0.97, 0.9, 0.885, false, 0.7, List.of("rule", "rag", "llm"), true));
    assertThat(rows("SELECT inventive_rule_score, precedent_score, inventive_llm_score, inventive_score, "
        + "has_inventive_step, inventive_threshold, inventive_stages, "
        + "inventive_weights = '{\"rule\": 0.4, \"precedent\": 0.2, \"llm\": 0.4}' "
        + "FROM patent_evaluations WHERE publication_key = ?", KEY))
        .containsExactly(List.of(0.35, 0.64, 0.2, 0.33, false, 0.5, List.of("rule", "precedent", "llm"), true));
    assertThat(rows("SELECT prior_art = ?::jsonb, novelty_passages -> 0 ->> 'citation', "
        + "jsonb_array_length(inventive_step_passages), inventive_step_passages -> 0 ->> 'kind', "
        + "retrieval_error FROM patent_evaluations WHERE publication_key = ?",
        "[{\"publication_key\": \"US-9100002-B2\", \"similarity\": 0.97, \"feature_similarity\": 0.8},"
            + " {\"publication_key\": \"US-9100003-B2\", \"similarity\": 0.71, \"feature_similarity\": null}]",
        KEY))
        .containsExactly(Arrays.asList(true, "35 U.S.C. 102", 2, "case", null));
    assertThat(rows("SELECT novelty_llm_status, novelty_llm_model, novelty_llm_prompt_version, "
        + "novelty_llm_verdict, novelty_llm_confidence, novelty_llm_reasoning, novelty_llm_key_differences, "
        + "novelty_llm_error, novelty_llm_attempts, novelty_llm_latency_ms, novelty_llm_prompt_tokens, "
        + "novelty_llm_completion_tokens FROM patent_evaluations WHERE publication_key = ?", KEY))
        .containsExactly(Arrays.asList("ok", LLM_MODEL, "novelty-v1", false, 0.9,
            "The prior art discloses every feature of claim 1.", List.of(), null, 1, 1500L, 812, 95));
    assertThat(rows("SELECT inventive_llm_status, inventive_llm_model, inventive_llm_prompt_version, "
        + "inventive_llm_verdict, inventive_llm_confidence, inventive_llm_reasoning, inventive_llm_error, "
        + "inventive_llm_attempts, inventive_llm_latency_ms, inventive_llm_prompt_tokens, "
        + "inventive_llm_completion_tokens FROM patent_evaluations WHERE publication_key = ?", KEY))
        .containsExactly(Arrays.asList("timeout", LLM_MODEL, "inventive-step-v1", null, null, null,
            "no answer within 60 s", 3, 180000L, null, null));

    assertThat(rows("SELECT content_hash, status, model, prompt_version, core_concepts, "
        + "implementation_feasibility, related_fields, commercial_applications, implementation_outline, error, "
        + "attempts, latency_ms, prompt_tokens, completion_tokens, record ->> 'model' FROM patent_analyses"))
        .containsExactly(Arrays.asList(HASH, "ok", LLM_MODEL, "analysis-v1",
            List.of("SIP session recovery", "application routing"), "High: a SIP servlet container change.",
            List.of("telecommunications", "VoIP"), List.of("Carrier-grade SIP application servers"),
            List.of("Detect mid-dialog messages without a session", "Create a session"), null, 1, 2100L, 900,
            240, LLM_MODEL));

    // no LLM, no retrieval, no embedding, no analysis: nulls where the stages did not run
    assertThat(rows("SELECT embedding_model, novelty_rag_score, novelty_llm_score, precedent_score, "
        + "inventive_llm_score, novelty_stages, prior_art, novelty_passages, retrieval_error, "
        + "novelty_llm_status, novelty_llm_key_differences, novelty_llm_attempts, inventive_llm_status, "
        + "language, jurisdiction FROM patent_evaluations WHERE publication_key = 'US-7000001-B2'"))
        .containsExactly(Arrays.asList(null, null, null, null, null, List.of("rule"), "[]", "[]",
            "Elasticsearch unreachable", null, null, null, null, null, null));
    assertThat(rows("SELECT count(*) FROM patent_analyses WHERE publication_key = 'US-7000001-B2'"))
        .containsExactly(List.of(0L));
    assertThat(rows("SELECT count(*) FROM dead_letters")).containsExactly(List.of(0L));
  }

  @Test
  void theStoredRecordKeepsTheEmbeddingModelButNotItsVector() throws Exception {
    EnrichedPatent full = full();
    assertThat(AvroJson.toJson(full)).contains("\"vector\":[");

    call(full);

    assertThat(rows("SELECT record -> 'embedding' = '{\"model\": \"all-MiniLM-L6-v2\"}', "
        + "record ->> 'publication_key', (record ->> 'enriched_time')::bigint, "
        + "record -> 'novelty' -> 'llm' ->> 'reasoning', record -> 'analysis' ->> 'status', "
        + "position('vector' IN record::text) FROM patent_evaluations"))
        .containsExactly(List.of(true, KEY, ENRICHED_TIME, "The prior art discloses every feature of claim 1.",
            "ok", 0));
    // apart from the vector, the record is the sink's JSON
    assertThat(rows("SELECT record = (?::jsonb #- '{embedding,vector}') FROM patent_evaluations",
        AvroJson.toJson(full))).containsExactly(List.of(true));
  }

  @Test
  void theSameEvaluationAgainWritesNothing() throws Exception {
    call(full(), bare("US-7000001-B2"));
    String rowVersions = "SELECT e.publication_key, e.xmin::text, e.updated_at, e.enriched_time, "
        + "a.xmin::text, a.updated_at FROM patent_evaluations e LEFT JOIN patent_analyses a USING (publication_key) "
        + "ORDER BY e.publication_key";
    List<List<Object>> before = rows(rowVersions);

    // recomputed an hour later with the same result, and with another (unstored) vector
    EnrichedPatent again = EnrichedPatent.newBuilder(full())
        .setEmbedding(new Embedding("all-MiniLM-L6-v2", List.of(1.0f, 0.0f)))
        .setEnrichedTime(ENRICHED_TIME + 3_600_000L)
        .build();
    call(again, EnrichedPatent.newBuilder(bare("US-7000001-B2")).setEnrichedTime(ENRICHED_TIME + 1).build());
    call(full());

    assertThat(rows(rowVersions)).isEqualTo(before);
    assertThat(rows("SELECT count(*) FROM patent_evaluations")).containsExactly(List.of(2L));
  }

  @Test
  void aChangedEvaluationReplacesTheRowAndKeepsAnUnchangedAnalysis() throws Exception {
    call(full());
    List<List<Object>> analysisBefore = rows("SELECT xmin::text, updated_at FROM patent_analyses");
    List<List<Object>> evaluationBefore = rows("SELECT xmin::text, updated_at FROM patent_evaluations");

    EnrichedPatent rescored = EnrichedPatent.newBuilder(full())
        .setSettingsFingerprint("sha256:77d0be12")
        .setNovelty(NoveltyEvaluation.newBuilder(full().getNovelty()).setFinalScore(0.55).setIsNovel(true).build())
        .setEnrichedTime(ENRICHED_TIME + 60_000L)
        .build();
    call(rescored);

    assertThat(rows("SELECT settings_fingerprint, novelty_score, is_novel, enriched_time FROM patent_evaluations"))
        .containsExactly(List.of("sha256:77d0be12", 0.55, true, Instant.ofEpochMilli(ENRICHED_TIME + 60_000L)));
    assertThat(rows("SELECT xmin::text, updated_at FROM patent_evaluations")).doesNotContainAnyElementsOf(
        evaluationBefore);
    assertThat(rows("SELECT (record -> 'novelty' ->> 'final_score')::float8 FROM patent_evaluations"))
        .containsExactly(List.of(0.55));
    assertThat(rows("SELECT xmin::text, updated_at FROM patent_analyses")).isEqualTo(analysisBefore);

    // new content: the analysis changes with it
    EnrichedPatent newContent = EnrichedPatent.newBuilder(rescored)
        .setContentHash("0".repeat(64))
        .setPatentVersion(2)
        .setAnalysis(TechnologyAnalysis.newBuilder(rescored.getAnalysis()).setCoreConcepts(List.of("SIP")).build())
        .setEnrichedTime(ENRICHED_TIME + 120_000L)
        .build();
    call(newContent);
    assertThat(rows("SELECT content_hash, core_concepts FROM patent_analyses"))
        .containsExactly(List.of("0".repeat(64), List.of("SIP")));

    // an evaluation without analysis leaves no stale analysis behind
    call(EnrichedPatent.newBuilder(newContent).setAnalysis(null).setEnrichedTime(ENRICHED_TIME + 180_000L).build());
    assertThat(rows("SELECT count(*) FROM patent_analyses")).containsExactly(List.of(0L));
    assertThat(rows("SELECT patent_version FROM patent_evaluations")).containsExactly(List.of(2));
  }

  @Test
  void anOlderEvaluationDoesNotReplaceANewerOne() throws Exception {
    EnrichedPatent newer = EnrichedPatent.newBuilder(full())
        .setSettingsFingerprint("sha256:77d0be12")
        .setEnrichedTime(ENRICHED_TIME + 60_000L)
        .build();
    call(newer);
    call(full());

    assertThat(rows("SELECT settings_fingerprint FROM patent_evaluations")).containsExactly(List.of("sha256:77d0be12"));
  }

  @Test
  void recordsTheTablesCannotHoldBecomeDeadLettersAndTheOthersLand() throws Exception {
    String missingScores = "{\"publication_key\": \"US-7000002-B2\", \"content_hash\": \"h\", "
        + "\"patent_version\": 1, \"settings_fingerprint\": \"f\", \"enriched_time\": 0}";
    String notJson = "{\"publication_key\": \"US-7000003-B2\", ";
    String withNul = AvroJson.toJson(EnrichedPatent.newBuilder(bare("US-7000004-B2"))
        .setRetrievalError("broken \u0000 message").build());
    String wrongType = AvroJson.toJson(bare("US-7000005-B2"))
        .replace("\"patent_version\":1", "\"patent_version\":\"one\"");
    assertThat(wrongType).contains("\"one\"");

    try (Connection connection = database.connect();
        PreparedStatement call = connection.prepareStatement(EnrichmentPostgresSink.UPSERT)) {
      for (String json : List.of(missingScores, notJson, AvroJson.toJson(full()), withNul, wrongType, missingScores)) {
        call.setString(1, json);
        call.addBatch();
      }
      assertThat(call.executeBatch()).hasSize(6);
    }

    assertThat(rows("SELECT publication_key FROM patent_evaluations")).containsExactly(List.of(KEY));
    assertThat(rows("SELECT publication_key, source, stage, error_class, reason FROM dead_letters ORDER BY id"))
        .containsExactly(
            Arrays.asList("US-7000002-B2", "patents.enriched", "landing-postgres", "SQLSTATE 23502",
                "null value in column \"technology_field\" of relation \"patent_evaluations\" violates not-null "
                    + "constraint"),
            Arrays.asList(null, "patents.enriched", "landing-postgres", "SQLSTATE 22P02",
                "invalid input syntax for type json"),
            Arrays.asList(null, "patents.enriched", "landing-postgres", "SQLSTATE 22P05",
                "unsupported Unicode escape sequence"),
            Arrays.asList("US-7000005-B2", "patents.enriched", "landing-postgres", "SQLSTATE 22P02",
                "invalid input syntax for type integer: \"one\""));
    assertThat(rows("SELECT convert_from(raw, 'UTF8') = ?, raw_size FROM dead_letters "
        + "WHERE publication_key = 'US-7000005-B2'", wrongType))
        .containsExactly(List.of(true, (long) wrongType.getBytes(StandardCharsets.UTF_8).length));
  }

  @Test
  void evaluatedPatentsKnowsWhatWasEvaluatedWithWhichContentAndSettings() throws Exception {
    EnrichedPatent timedOut = full();
    call(timedOut);
    try (EvaluatedPatents evaluated = new EvaluatedPatents(database.settings())) {
      assertThat(evaluated.isEvaluated(KEY, HASH, FINGERPRINT))
          .as("an evaluation with a timed-out model call is asked again").isFalse();
    }
    EnrichedPatent answered = EnrichedPatent.newBuilder(timedOut).setEnrichedTime(ENRICHED_TIME + 1).build();
    answered.getInventiveStep().getLlm().setStatus("ok");
    answered.getInventiveStep().getLlm().setError(null);
    call(answered);
    String application = "p2t_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    PostgresSettings tagged = new PostgresSettings(database.settings().jdbcUrl() + "&ApplicationName=" + application,
        database.settings().user(), database.settings().password());

    try (EvaluatedPatents evaluated = new EvaluatedPatents(tagged)) {
      assertThat(evaluated.isEvaluated(KEY, HASH, FINGERPRINT)).isTrue();
      assertThat(evaluated.isEvaluated(KEY, HASH, "sha256:77d0be12")).isFalse();
      assertThat(evaluated.isEvaluated(KEY, "0".repeat(64), FINGERPRINT)).isFalse();
      assertThat(evaluated.isEvaluated("US-7000001-B2", HASH, FINGERPRINT)).isFalse();

      // the server drops the connection (restart, idle timeout): the next call reconnects
      assertThat(rows("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?",
          application)).containsExactly(List.of(1L));
      assertThat(evaluated.isEvaluated(KEY, HASH, FINGERPRINT)).isTrue();

      // a newer evaluation with other settings is seen at once
      call(EnrichedPatent.newBuilder(answered).setSettingsFingerprint("sha256:77d0be12")
          .setEnrichedTime(ENRICHED_TIME + 2).build());
      assertThat(evaluated.isEvaluated(KEY, HASH, "sha256:77d0be12")).isTrue();
      assertThat(evaluated.isEvaluated(KEY, HASH, FINGERPRINT)).isFalse();
    }
  }

  @Test
  void evaluatedPatentsReportsADatabaseItCannotReach() {
    PostgresSettings nowhere = new PostgresSettings("jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2",
        "nobody", "nothing");
    try (EvaluatedPatents evaluated = new EvaluatedPatents(nowhere)) {
      assertThatThrownBy(() -> evaluated.isEvaluated(KEY, HASH, FINGERPRINT)).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void theFlinkSinkLandsEnrichments() throws Exception {
    List<EnrichedPatent> records = IntStream.range(0, 40)
        .mapToObj(i -> i % 2 == 0
            ? withKey(full(), "US-" + (7100000 + i) + "-B2")
            : bare("US-" + (7100000 + i) + "-B2"))
        .toList();

    land(records);
    land(records);

    assertThat(rows("SELECT count(*), count(*) FILTER (WHERE novelty_llm_status = 'ok') FROM patent_evaluations"))
        .containsExactly(List.of(40L, 20L));
    assertThat(rows("SELECT count(*) FROM patent_analyses")).containsExactly(List.of(20L));
    assertThat(rows("SELECT count(*) FROM dead_letters")).containsExactly(List.of(0L));
  }

  /** Every stage ran; the inventive-step LLM call timed out. */
  private static EnrichedPatent full() {
    return EnrichedPatent.newBuilder()
        .setPublicationKey(KEY)
        .setContentHash(HASH)
        .setPatentVersion(1)
        .setLanguage("en")
        .setJurisdiction("US")
        .setSettingsFingerprint(FINGERPRINT)
        .setEmbedding(new Embedding("all-MiniLM-L6-v2", List.of(0.6f, -0.8f, 0.0f)))
        .setPriorArt(List.of(
            new RetrievedPatent("US-9100002-B2", 0.97, 0.8),
            new RetrievedPatent("US-9100003-B2", 0.71, null)))
        .setNoveltyPassages(List.of(
            new RetrievedPassage("us-35usc102", "statute", "35 U.S.C. 102", "Novelty", 0.66)))
        .setInventiveStepPassages(List.of(
            new RetrievedPassage("us-ksr-2007", "case", "KSR v. Teleflex, 550 U.S. 398", "Obviousness", 0.64),
            new RetrievedPassage("us-35usc103", "statute", "35 U.S.C. 103", null, 0.52)))
        .setNovelty(NoveltyEvaluation.newBuilder()
            .setRuleScore(0.8)
            .setRagScore(0.97)
            .setLlmScore(0.9)
            .setFinalScore(0.885)
            .setIsNovel(false)
            .setThreshold(0.7)
            .setStagesUsed(List.of("rule", "rag", "llm"))
            .setWeights(Map.of("rule", 0.3, "rag", 0.3, "llm", 0.4))
            .setFeatures(List.of("incoming message processor", "mid-dialog sip message", "new sip session"))
            .setLlm(LlmJudgement.newBuilder()
                .setStatus("ok")
                .setModel(LLM_MODEL)
                .setPromptVersion("novelty-v1")
                .setVerdict(false)
                .setConfidence(0.9)
                .setReasoning("The prior art discloses every feature of claim 1.")
                .setAttempts(1)
                .setLatencyMs(1500L)
                .setPromptTokens(812)
                .setCompletionTokens(95)
                .build())
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
            .setLlm(LlmJudgement.newBuilder()
                .setStatus("timeout")
                .setModel(LLM_MODEL)
                .setPromptVersion("inventive-step-v1")
                .setError("no answer within 60 s")
                .setAttempts(3)
                .setLatencyMs(180_000L)
                .build())
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
            .setImplementationOutline(List.of("Detect mid-dialog messages without a session", "Create a session"))
            .setPromptTokens(900)
            .setCompletionTokens(240)
            .build())
        .setEnrichedTime(ENRICHED_TIME)
        .build();
  }

  /** The rule stages only: retrieval failed, the LLM is off, no analysis, optional fields unset. */
  private static EnrichedPatent bare(String key) {
    return EnrichedPatent.newBuilder()
        .setPublicationKey(key)
        .setContentHash(HASH)
        .setPatentVersion(1)
        .setSettingsFingerprint(FINGERPRINT)
        .setRetrievalError("Elasticsearch unreachable")
        .setNovelty(NoveltyEvaluation.newBuilder()
            .setRuleScore(0.1)
            .setFinalScore(0.1)
            .setIsNovel(true)
            .setThreshold(0.7)
            .setStagesUsed(List.of("rule"))
            .setWeights(Map.of("rule", 1.0))
            .build())
        .setInventiveStep(InventiveStepEvaluation.newBuilder()
            .setTechnologyField("mechanical")
            .setRuleScore(0.6)
            .setFinalScore(0.6)
            .setHasInventiveStep(true)
            .setThreshold(0.5)
            .setStagesUsed(List.of("rule"))
            .setWeights(Map.of("rule", 1.0))
            .build())
        .setEnrichedTime(ENRICHED_TIME)
        .build();
  }

  private static EnrichedPatent withKey(EnrichedPatent record, String key) {
    return EnrichedPatent.newBuilder(record).setPublicationKey(key).build();
  }

  /** Calls the procedure as the sink does: one batch, one statement per record. */
  private void call(EnrichedPatent... records) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement call = connection.prepareStatement(EnrichmentPostgresSink.UPSERT)) {
      for (EnrichedPatent record : records) {
        EnrichmentPostgresSink.bind(call, record);
        call.addBatch();
      }
      call.executeBatch();
    }
  }

  private void land(List<EnrichedPatent> records) throws Exception {
    SinkJobs.land(records, EnrichmentPostgresSink.create(database.settings(), 8, 0),
        "postgres enrichment landing test");
  }

  private List<List<Object>> rows(String sql, Object... parameters) throws SQLException {
    return database.rows(sql, parameters);
  }

}
