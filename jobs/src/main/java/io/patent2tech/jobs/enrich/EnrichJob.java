package io.patent2tech.jobs.enrich;

import io.patent2tech.connectors.kafka.KafkaClientSettings;
import io.patent2tech.connectors.elasticsearch.sink.ElasticsearchBulkSink;
import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.elasticsearch.index.PatentIndex;
import io.patent2tech.connectors.elasticsearch.search.ElasticsearchVectorSearch;
import io.patent2tech.connectors.kafka.KafkaConnections;
import io.patent2tech.connectors.kafka.KafkaDeadLetterPublisherFactory;
import io.patent2tech.connectors.llm.LlmChatClient;
import io.patent2tech.connectors.llm.LlmSettings;
import io.patent2tech.connectors.postgres.EnrichmentPostgresSink;
import io.patent2tech.connectors.postgres.EvaluatedPatents;
import io.patent2tech.connectors.postgres.LlmAnswerCache;
import io.patent2tech.connectors.postgres.PostgresMigrations;
import io.patent2tech.connectors.postgres.PostgresSettings;
import io.patent2tech.jobs.NormalizedPatents;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.EmbeddingSettings;
import io.patent2tech.jobs.config.FlinkEnvironments;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.schema.EnrichedPatent;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.embed.EmbeddedPatent;
import io.patent2tech.udfs.embed.PatentEmbeddingOperator;
import io.patent2tech.udfs.eval.Combine;
import io.patent2tech.udfs.eval.Enrichment;
import io.patent2tech.udfs.eval.EvaluationSettings;
import io.patent2tech.udfs.eval.llm.AsyncLlmStage;
import io.patent2tech.udfs.eval.llm.LlmQuestions;
import io.patent2tech.udfs.eval.retrieve.Retrieve;
import io.patent2tech.udfs.eval.rules.RuleStage;
import io.patent2tech.udfs.eval.skip.SkipEvaluated;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich job (docs/design.md section 6):
 *
 * <pre>
 *  patents.normalized -> decode -> skip evaluated -> embed -> retrieve -> rules -> LLM -> combine -+-> patents.enriched
 *                          |       (same content     (batched) (prior art,         (async,         +-> PostgreSQL patent_evaluations / patent_analyses
 *                          |        and settings)              legal passages)      cached)        +-> Elasticsearch: scores, analysis, embedding on the patent
 *                          +-> patents.dlq (undecodable values; ES per-document rejections)
 * </pre>
 *
 * Each stage is an operator of {@code udfs.eval} (its policy) given its outside world as a factory
 * of a connector (PostgreSQL ledger and answer cache, Elasticsearch search, the chat model); this
 * class is the wiring (its options: {@link EnrichSettings}). The model's task runs skip and embed only: retrieval
 * (asynchronous) and everything after it run in a chain of their own, so the model never waits
 * on a search, the rules or the sinks (issue 9, point 5).
 *
 * <p>With {@code EVAL_ENABLE_LLM=false} the LLM step is not in the graph; with {@code
 * EVAL_ENABLE_RAG=false} retrieval searches nothing. Either way the scores renormalize over the
 * stages that ran and every record says which ran (docs/scoring.md).
 */
public final class EnrichJob {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichJob.class);

  public static final Setting GROUP_ID = new Setting("group-id", "patent2tech-enrich",
      "Kafka consumer group (offsets committed on checkpoint); also the transactional id prefix");

  public static final List<Setting> SETTINGS = settings();
  public static final List<String> FLAGS = List.of(CommonSettings.BOUNDED.key());

  public static final String USAGE = "enrich [options]\n"
      + "  Enriches patents.normalized: embedding, prior-art and legal retrieval, rule / RAG / LLM\n"
      + "  novelty and inventive-step scores, technology analysis -> patents.enriched, PostgreSQL\n"
      + "  and Elasticsearch. Patents already evaluated with the same content and settings are\n"
      + "  skipped. Load the legal corpus first (load-legal-corpus).\n";

  private EnrichJob() {}

  private static List<Setting> settings() {
    List<Setting> all = new ArrayList<>(List.of(
        CommonSettings.KAFKA_BOOTSTRAP, CommonSettings.TOPIC_NORMALIZED,
        CommonSettings.TOPIC_ENRICHED, CommonSettings.TOPIC_DLQ, GROUP_ID, CommonSettings.BOUNDED));
    all.addAll(EnrichSettings.EVALUATION);
    all.add(CommonSettings.DEDUPE_TTL);
    all.addAll(EmbeddingSettings.SETTINGS);
    all.addAll(EnrichSettings.EMBEDDING);
    all.addAll(List.of(
        CommonSettings.ES_URL, CommonSettings.ES_ALIAS, CommonSettings.LEGAL_ALIAS,
        CommonSettings.ES_BULK_MAX_ACTIONS, CommonSettings.ES_BULK_MAX_BYTES,
        CommonSettings.ES_MAX_RETRIES, CommonSettings.ES_INITIAL_BACKOFF, CommonSettings.ES_UNAVAILABLE_TIMEOUT,
        CommonSettings.PG_URL, CommonSettings.PG_USER, CommonSettings.PG_PASSWORD,
        CommonSettings.PG_BATCH_SIZE, CommonSettings.PG_BATCH_INTERVAL, CommonSettings.PG_RECONNECT_TIMEOUT));
    all.addAll(CommonSettings.RUNTIME);
    return CommonSettings.secured(all);
  }

  /** Adds the enrich pipeline to {@code env}. */
  public static void build(StreamExecutionEnvironment env, Settings s) {
    KafkaClientSettings kafka = CommonSettings.kafka(s);
    String enrichedTopic = s.require(CommonSettings.TOPIC_ENRICHED.key());
    String dlqTopic = s.require(CommonSettings.TOPIC_DLQ.key());
    String groupId = s.require(GROUP_ID.key());
    EvaluationSettings evaluation = EnrichSettings.evaluation(s);
    String fingerprint = EnrichSettings.settingsFingerprint(s);
    PostgresSettings postgres = CommonSettings.postgres(s);
    ElasticsearchSettings patentsIndex = CommonSettings.elasticsearch(s);
    ElasticsearchSettings legalCorpus = ElasticsearchSettings.defaults(
        s.require(CommonSettings.ES_URL.key()), s.require(CommonSettings.LEGAL_ALIAS.key()))
        .withAuth(CommonSettings.elasticsearchAuth(s));

    DataStream<Patent> patents = NormalizedPatents.read(env, s, groupId, "enrich-decode");

    DataStream<Patent> toEvaluate = patents
        .keyBy(Patent::getPublicationKey)
        .filter(new SkipEvaluated(EvaluatedPatents.factory(postgres), fingerprint,
            s.getDuration(CommonSettings.DEDUPE_TTL.key())))
        .name("skip-evaluated").uid("skip-evaluated");

    DataStream<EmbeddedPatent> embedded = PatentEmbeddingOperator
        .embed(toEvaluate, EmbeddingSettings.factory(s),
            s.getInt(EnrichSettings.EMBED_BATCH_SIZE.key()),
            s.getDuration(EnrichSettings.EMBED_MAX_WAIT.key()))
        .uid("embed");

    // a chain of its own: the model's thread only embeds (issue 9, point 5)
    DataStream<Enrichment> retrieved = Retrieve.apply(embedded, new Retrieve(evaluation,
            ElasticsearchVectorSearch.factory(patentsIndex, legalCorpus),
            s.getInt(EnrichSettings.RETRIEVAL_MAX_IN_FLIGHT.key()),
            s.getDuration(EnrichSettings.RETRIEVAL_TIMEOUT.key())))
        .startNewChain()
        .name("retrieve").uid("retrieve");

    DataStream<Enrichment> ruled = retrieved.map(new RuleStage()).name("rules").uid("rules");

    DataStream<Enrichment> judged = ruled;
    if (evaluation.enableLlm()) {
      LlmSettings llm = EnrichSettings.llm(s);
      judged = AsyncLlmStage.apply(ruled, new AsyncLlmStage<>(LlmChatClient.factory(llm),
              llm.model(), LlmAnswerCache.factory(postgres),
              s.getInt(EnrichSettings.LLM_MAX_IN_FLIGHT.key()),
              s.getDuration(EnrichSettings.LLM_STAGE_TIMEOUT.key()).toMillis(),
              LlmQuestions::requests, LlmQuestions::merge, TypeInformation.of(Enrichment.class))
              .pricedAt(EnrichSettings.llmPrice(s)))
          .name("llm").uid("llm");
    }

    SingleOutputStreamOperator<EnrichedPatent> enriched = judged
        .map(new Combine(evaluation, fingerprint))
        .name("combine").uid("combine");

    enriched.sinkTo(KafkaConnections.exactlyOnceSink(kafka, enrichedTopic, groupId,
            TopicCodec::enrichedPatents, EnrichedPatent::getPublicationKey))
        .name(enrichedTopic).uid("sink-enriched");

    enriched.sinkTo(EnrichmentPostgresSink.create(postgres,
            s.getInt(CommonSettings.PG_BATCH_SIZE.key()),
            s.getDuration(CommonSettings.PG_BATCH_INTERVAL.key()).toMillis()))
        .name("postgres").uid("sink-postgres");

    enriched.sinkTo(ElasticsearchBulkSink.forEnrichments(patentsIndex,
            new KafkaDeadLetterPublisherFactory(kafka, dlqTopic)))
        .name("elasticsearch").uid("sink-elasticsearch");
  }

  public static void run(Settings s) throws Exception {
    CommonSettings.ensureTopics(s, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_ENRICHED, CommonSettings.TOPIC_DLQ);
    PostgresMigrations.migrate(CommonSettings.postgres(s));
    PatentIndex.ensure(CommonSettings.elasticsearch(s));
    EvaluationSettings evaluation = EnrichSettings.evaluation(s);
    LOG.info("enrich: settings fingerprint {}, {}, LLM {}", EnrichSettings.settingsFingerprint(s),
        evaluation, evaluation.enableLlm() ? EnrichSettings.llm(s) : "off");
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    build(env, s);
    env.execute("patent2tech-enrich");
  }
}
