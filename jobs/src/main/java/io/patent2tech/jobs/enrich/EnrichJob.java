package io.patent2tech.jobs.enrich;

import io.patent2tech.connectors.elasticsearch.ElasticsearchBulkSink;
import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.elasticsearch.PatentIndex;
import io.patent2tech.connectors.elasticsearch.search.ElasticsearchVectorSearch;
import io.patent2tech.connectors.kafka.KafkaConnections;
import io.patent2tech.connectors.kafka.KafkaDeadLetterPublisherFactory;
import io.patent2tech.connectors.llm.LlmChatClient;
import io.patent2tech.connectors.llm.LlmProvider;
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
import java.time.Duration;
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
 * class is the wiring and the settings. The model's task runs skip and embed only: retrieval
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

  public static final Setting NOVELTY_THRESHOLD = eval("eval.novelty-threshold", "0.7",
      "novel when the final novelty score is below this", "EVAL_NOVELTY_THRESHOLD");
  public static final Setting INVENTIVE_THRESHOLD = eval("eval.inventive-step-threshold", "0.6",
      "inventive when the final inventive-step score is above this", "EVAL_INVENTIVE_STEP_THRESHOLD");
  public static final Setting NOVELTY_RULE_WEIGHT = eval("eval.novelty.rule-weight", "0.3",
      "novelty: weight of the rule stage (feature Jaccard)", "EVAL_NOVELTY_RULE_WEIGHT");
  public static final Setting NOVELTY_RAG_WEIGHT = eval("eval.novelty.rag-weight", "0.4",
      "novelty: weight of the RAG stage (max prior-art similarity)", "EVAL_NOVELTY_RAG_WEIGHT");
  public static final Setting NOVELTY_LLM_WEIGHT = eval("eval.novelty.llm-weight", "0.3",
      "novelty: weight of the LLM stage", "EVAL_NOVELTY_LLM_WEIGHT");
  public static final Setting INVENTIVE_RULE_WEIGHT = eval("eval.inventive-step.rule-weight",
      "0.4", "inventive step: weight of the rule stage", "EVAL_INVENTIVE_STEP_RULE_WEIGHT");
  public static final Setting INVENTIVE_PRECEDENT_WEIGHT = eval(
      "eval.inventive-step.precedent-weight", "0.3",
      "inventive step: weight of the precedent stage (max precedent similarity)",
      "EVAL_INVENTIVE_STEP_PRECEDENT_WEIGHT");
  public static final Setting INVENTIVE_LLM_WEIGHT = eval("eval.inventive-step.llm-weight", "0.3",
      "inventive step: weight of the LLM stage", "EVAL_INVENTIVE_STEP_LLM_WEIGHT");
  public static final Setting RAG_TOP_K = eval("eval.rag-top-k", "5",
      "prior-art documents and legal passages retrieved per question", "EVAL_RAG_TOP_K");
  public static final Setting MIN_SIMILARITY = eval("eval.min-similarity", "0.6",
      "least cosine similarity of a prior-art document", "EVAL_MIN_SIMILARITY");
  public static final Setting ENABLE_RAG = eval("eval.enable-rag", "true",
      "retrieve prior art and legal passages", "EVAL_ENABLE_RAG");
  public static final Setting ENABLE_LLM = eval("eval.enable-llm", "true",
      "ask the LLM (novelty, inventive step, technology analysis)", "EVAL_ENABLE_LLM");
  public static final Setting DEBUG = eval("eval.debug", "false",
      "log every patent's stage scores", "EVAL_DEBUG");

  public static final Setting LLM_PROVIDER = eval("llm.provider", "ollama",
      "chat model wire format: openai (OpenAI, vLLM, any compatible server) or ollama",
      "EVAL_LLM_PROVIDER");
  public static final Setting LLM_URL = eval("llm.url", null,
      "chat endpoint: OpenAI-compatible up to /v1, Ollama the server root "
          + "(default: https://api.openai.com/v1 or http://localhost:11434)", "EVAL_LLM_URL");
  public static final Setting LLM_MODEL =
      eval("llm.model", "mistral", "chat model id", "EVAL_LLM_MODEL");
  public static final Setting LLM_API_KEY =
      eval("llm.api-key", null, "bearer token for the chat endpoint", "EVAL_LLM_API_KEY");
  public static final Setting LLM_TIMEOUT = eval("llm.timeout", "30",
      "per model request: seconds, or a duration like '30 s'", "EVAL_TIMEOUT");
  public static final Setting LLM_MAX_RETRIES = new Setting("llm.max-retries", "3",
      "retries of a model request after 429, 5xx or a timeout, with back-off");
  public static final Setting LLM_REQUESTS_PER_SECOND = new Setting("llm.requests-per-second",
      "10", "most model requests per second per task manager (token bucket)");
  public static final Setting LLM_MAX_IN_FLIGHT = new Setting("llm.max-in-flight", "8",
      "patents with model requests open at once, per subtask");
  public static final Setting LLM_STAGE_TIMEOUT = new Setting("llm.stage-timeout", "10 min",
      "limit for all of one patent's questions together; past it they are recorded as timeouts");

  public static final Setting RETRIEVAL_MAX_IN_FLIGHT = new Setting("eval.retrieval-max-in-flight",
      "32", "patents whose searches (one _msearch each) are open at once, per subtask");
  public static final Setting RETRIEVAL_TIMEOUT = new Setting("eval.retrieval-timeout", "30 s",
      "limit for one patent's searches; past it the patent is evaluated without retrieval");

  public static final Setting EMBED_BATCH_SIZE =
      new Setting("embedding.batch-size", "32", "patents per embedding call at most");
  public static final Setting EMBED_MAX_WAIT = new Setting("embedding.max-wait", "200 ms",
      "a partly filled batch is embedded after this wait");

  public static final List<Setting> SETTINGS = settings();
  public static final List<String> FLAGS = List.of(CommonSettings.BOUNDED.key());

  public static final String USAGE = "enrich [options]\n"
      + "  Enriches patents.normalized: embedding, prior-art and legal retrieval, rule / RAG / LLM\n"
      + "  novelty and inventive-step scores, technology analysis -> patents.enriched, PostgreSQL\n"
      + "  and Elasticsearch. Patents already evaluated with the same content and settings are\n"
      + "  skipped. Load the legal corpus first (load-legal-corpus).\n";

  private EnrichJob() {}

  private static Setting eval(String key, String defaultValue, String help, String env) {
    return new Setting(key, defaultValue, help, env);
  }

  private static List<Setting> settings() {
    List<Setting> all = new ArrayList<>(List.of(
        CommonSettings.KAFKA_BOOTSTRAP, CommonSettings.TOPIC_NORMALIZED,
        CommonSettings.TOPIC_ENRICHED, CommonSettings.TOPIC_DLQ, GROUP_ID, CommonSettings.BOUNDED,
        NOVELTY_THRESHOLD, INVENTIVE_THRESHOLD, NOVELTY_RULE_WEIGHT, NOVELTY_RAG_WEIGHT,
        NOVELTY_LLM_WEIGHT, INVENTIVE_RULE_WEIGHT, INVENTIVE_PRECEDENT_WEIGHT,
        INVENTIVE_LLM_WEIGHT, RAG_TOP_K, MIN_SIMILARITY, ENABLE_RAG, ENABLE_LLM, DEBUG,
        RETRIEVAL_MAX_IN_FLIGHT, RETRIEVAL_TIMEOUT,
        LLM_PROVIDER, LLM_URL, LLM_MODEL, LLM_API_KEY, LLM_TIMEOUT, LLM_MAX_RETRIES,
        LLM_REQUESTS_PER_SECOND, LLM_MAX_IN_FLIGHT, LLM_STAGE_TIMEOUT, CommonSettings.DEDUPE_TTL));
    all.addAll(EmbeddingSettings.SETTINGS);
    all.addAll(List.of(EMBED_BATCH_SIZE, EMBED_MAX_WAIT,
        CommonSettings.ES_URL, CommonSettings.ES_ALIAS, CommonSettings.LEGAL_ALIAS,
        CommonSettings.ES_BULK_MAX_ACTIONS, CommonSettings.ES_BULK_MAX_BYTES,
        CommonSettings.ES_MAX_RETRIES, CommonSettings.ES_INITIAL_BACKOFF, CommonSettings.ES_UNAVAILABLE_TIMEOUT,
        CommonSettings.PG_URL, CommonSettings.PG_USER, CommonSettings.PG_PASSWORD,
        CommonSettings.PG_BATCH_SIZE, CommonSettings.PG_BATCH_INTERVAL, CommonSettings.PG_RECONNECT_TIMEOUT));
    all.addAll(CommonSettings.RUNTIME);
    return List.copyOf(all);
  }

  public static EvaluationSettings evaluation(Settings s) {
    return new EvaluationSettings(
        new EvaluationSettings.Weights(s.getDouble(NOVELTY_RULE_WEIGHT.key()),
            s.getDouble(NOVELTY_RAG_WEIGHT.key()), s.getDouble(NOVELTY_LLM_WEIGHT.key())),
        s.getDouble(NOVELTY_THRESHOLD.key()),
        new EvaluationSettings.Weights(s.getDouble(INVENTIVE_RULE_WEIGHT.key()),
            s.getDouble(INVENTIVE_PRECEDENT_WEIGHT.key()), s.getDouble(INVENTIVE_LLM_WEIGHT.key())),
        s.getDouble(INVENTIVE_THRESHOLD.key()),
        s.getInt(RAG_TOP_K.key()),
        s.getDouble(MIN_SIMILARITY.key()),
        s.getBoolean(ENABLE_RAG.key()),
        s.getBoolean(ENABLE_LLM.key()),
        s.getBoolean(DEBUG.key()));
  }

  public static LlmSettings llm(Settings s) {
    LlmProvider provider = LlmProvider.parse(s.require(LLM_PROVIDER.key()));
    String url = s.get(LLM_URL.key());
    String timeout = s.require(LLM_TIMEOUT.key()).trim();
    return LlmSettings.of(provider, url == null || url.isBlank() ? provider.defaultBaseUrl() : url,
            s.require(LLM_MODEL.key()))
        .withApiKey(s.get(LLM_API_KEY.key()))
        // the seed writes EVAL_TIMEOUT in plain seconds
        .withTimeout(timeout.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(timeout))
            : s.getDuration(LLM_TIMEOUT.key()))
        .withRetries(s.getInt(LLM_MAX_RETRIES.key()), LlmSettings.DEFAULT_INITIAL_BACKOFF)
        .withRequestsPerSecond(s.getDouble(LLM_REQUESTS_PER_SECOND.key()));
  }

  /** The fingerprint of the settings that decide an evaluation's result. */
  public static String settingsFingerprint(Settings s) {
    return evaluation(s).fingerprint(s.require(LLM_MODEL.key()), EmbeddingSettings.modelId(s));
  }

  /** Adds the enrich pipeline to {@code env}. */
  public static void build(StreamExecutionEnvironment env, Settings s) {
    String bootstrap = s.require(CommonSettings.KAFKA_BOOTSTRAP.key());
    String enrichedTopic = s.require(CommonSettings.TOPIC_ENRICHED.key());
    String dlqTopic = s.require(CommonSettings.TOPIC_DLQ.key());
    String groupId = s.require(GROUP_ID.key());
    EvaluationSettings evaluation = evaluation(s);
    String fingerprint = settingsFingerprint(s);
    PostgresSettings postgres = CommonSettings.postgres(s);
    ElasticsearchSettings patentsIndex = CommonSettings.elasticsearch(s);
    ElasticsearchSettings legalCorpus = ElasticsearchSettings.defaults(
        s.require(CommonSettings.ES_URL.key()), s.require(CommonSettings.LEGAL_ALIAS.key()));

    DataStream<Patent> patents = NormalizedPatents.read(env, s, groupId, "enrich-decode");

    DataStream<Patent> toEvaluate = patents
        .keyBy(Patent::getPublicationKey)
        .filter(new SkipEvaluated(EvaluatedPatents.factory(postgres), fingerprint,
            s.getDuration(CommonSettings.DEDUPE_TTL.key())))
        .name("skip-evaluated").uid("skip-evaluated");

    DataStream<EmbeddedPatent> embedded = PatentEmbeddingOperator
        .embed(toEvaluate, EmbeddingSettings.factory(s), s.getInt(EMBED_BATCH_SIZE.key()),
            s.getDuration(EMBED_MAX_WAIT.key()))
        .uid("embed");

    // a chain of its own: the model's thread only embeds (issue 9, point 5)
    DataStream<Enrichment> retrieved = Retrieve.apply(embedded, new Retrieve(evaluation,
            ElasticsearchVectorSearch.factory(patentsIndex, legalCorpus),
            s.getInt(RETRIEVAL_MAX_IN_FLIGHT.key()), s.getDuration(RETRIEVAL_TIMEOUT.key())))
        .startNewChain()
        .name("retrieve").uid("retrieve");

    DataStream<Enrichment> ruled = retrieved.map(new RuleStage()).name("rules").uid("rules");

    DataStream<Enrichment> judged = ruled;
    if (evaluation.enableLlm()) {
      LlmSettings llm = llm(s);
      judged = AsyncLlmStage.apply(ruled, new AsyncLlmStage<>(LlmChatClient.factory(llm),
              llm.model(), LlmAnswerCache.factory(postgres),
              s.getInt(LLM_MAX_IN_FLIGHT.key()), s.getDuration(LLM_STAGE_TIMEOUT.key()).toMillis(),
              LlmQuestions::requests, LlmQuestions::merge, TypeInformation.of(Enrichment.class)))
          .name("llm").uid("llm");
    }

    SingleOutputStreamOperator<EnrichedPatent> enriched = judged
        .map(new Combine(evaluation, fingerprint))
        .name("combine").uid("combine");

    enriched.sinkTo(KafkaConnections.exactlyOnceSink(bootstrap, enrichedTopic, groupId,
            TopicCodec::enrichedPatents, EnrichedPatent::getPublicationKey))
        .name(enrichedTopic).uid("sink-enriched");

    enriched.sinkTo(EnrichmentPostgresSink.create(postgres,
            s.getInt(CommonSettings.PG_BATCH_SIZE.key()),
            s.getDuration(CommonSettings.PG_BATCH_INTERVAL.key()).toMillis()))
        .name("postgres").uid("sink-postgres");

    enriched.sinkTo(ElasticsearchBulkSink.forEnrichments(patentsIndex,
            new KafkaDeadLetterPublisherFactory(bootstrap, dlqTopic)))
        .name("elasticsearch").uid("sink-elasticsearch");
  }

  public static void run(Settings s) throws Exception {
    String bootstrap = s.require(CommonSettings.KAFKA_BOOTSTRAP.key());
    CommonSettings.ensureTopics(s, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_ENRICHED, CommonSettings.TOPIC_DLQ);
    PostgresMigrations.migrate(CommonSettings.postgres(s));
    PatentIndex.ensure(CommonSettings.elasticsearch(s));
    EvaluationSettings evaluation = evaluation(s);
    LOG.info("enrich: settings fingerprint {}, {}, LLM {}", settingsFingerprint(s), evaluation,
        evaluation.enableLlm() ? llm(s) : "off");
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    build(env, s);
    env.execute("patent2tech-enrich");
  }
}
