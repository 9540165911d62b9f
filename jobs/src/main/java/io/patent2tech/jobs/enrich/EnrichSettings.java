package io.patent2tech.jobs.enrich;

import io.patent2tech.connectors.llm.LlmProvider;
import io.patent2tech.connectors.llm.LlmSettings;
import io.patent2tech.jobs.config.EmbeddingSettings;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.udfs.eval.EvaluationSettings;
import io.patent2tech.udfs.eval.llm.LlmPrice;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The enrichment's options, each declared once with its default and its --help line: the
 * evaluation (weights, thresholds, retrieval limits, switches), the retrieval stage, the chat
 * model and the LLM stage, the embedding batches. Defaults the stages' own settings classes own
 * are read from there, typed ({@link EvaluationSettings#DEFAULTS}, {@link LlmSettings}'s {@code
 * DEFAULT_*}); the stage limits of the job are the typed {@code DEFAULT_*} constants below. The
 * enrich job, {@code --help}, the benchmarks and the scripts read them from this class.
 */
public final class EnrichSettings {

  /** Patents per embedding call at most; the benchmarks' bare model uses the same. */
  public static final int DEFAULT_EMBED_BATCH_SIZE = 32;
  public static final Duration DEFAULT_EMBED_MAX_WAIT = Duration.ofMillis(200);
  /** A whole embedding batch's searches can be open at once. */
  public static final int DEFAULT_RETRIEVAL_MAX_IN_FLIGHT = DEFAULT_EMBED_BATCH_SIZE;
  public static final Duration DEFAULT_RETRIEVAL_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_LLM_MAX_IN_FLIGHT = 8;
  public static final Duration DEFAULT_LLM_STAGE_TIMEOUT = Duration.ofMinutes(10);

  private static final EvaluationSettings E = EvaluationSettings.DEFAULTS;

  public static final Setting NOVELTY_THRESHOLD = Setting.number("eval.novelty-threshold",
      E.noveltyThreshold(), "novel when the final novelty score is below this")
      .withEnv("EVAL_NOVELTY_THRESHOLD");
  public static final Setting INVENTIVE_THRESHOLD = Setting.number("eval.inventive-step-threshold",
      E.inventiveStepThreshold(), "inventive when the final inventive-step score is above this")
      .withEnv("EVAL_INVENTIVE_STEP_THRESHOLD");
  public static final Setting NOVELTY_RULE_WEIGHT = Setting.number("eval.novelty.rule-weight",
      E.noveltyWeights().rule(), "novelty: weight of the rule stage (feature Jaccard)")
      .withEnv("EVAL_NOVELTY_RULE_WEIGHT");
  public static final Setting NOVELTY_RAG_WEIGHT = Setting.number("eval.novelty.rag-weight",
      E.noveltyWeights().retrieval(),
      "novelty: weight of the RAG stage (max prior-art similarity)")
      .withEnv("EVAL_NOVELTY_RAG_WEIGHT");
  public static final Setting NOVELTY_LLM_WEIGHT = Setting.number("eval.novelty.llm-weight",
      E.noveltyWeights().llm(), "novelty: weight of the LLM stage")
      .withEnv("EVAL_NOVELTY_LLM_WEIGHT");
  public static final Setting INVENTIVE_RULE_WEIGHT = Setting.number(
      "eval.inventive-step.rule-weight", E.inventiveStepWeights().rule(),
      "inventive step: weight of the rule stage")
      .withEnv("EVAL_INVENTIVE_STEP_RULE_WEIGHT");
  public static final Setting INVENTIVE_PRECEDENT_WEIGHT = Setting.number(
      "eval.inventive-step.precedent-weight", E.inventiveStepWeights().retrieval(),
      "inventive step: weight of the precedent stage (max precedent similarity)")
      .withEnv("EVAL_INVENTIVE_STEP_PRECEDENT_WEIGHT");
  public static final Setting INVENTIVE_LLM_WEIGHT = Setting.number(
      "eval.inventive-step.llm-weight", E.inventiveStepWeights().llm(),
      "inventive step: weight of the LLM stage")
      .withEnv("EVAL_INVENTIVE_STEP_LLM_WEIGHT");
  public static final Setting RAG_TOP_K = Setting.wholeNumber("eval.rag-top-k", (long) E.topK(),
      "prior-art documents and legal passages retrieved per question")
      .withEnv("EVAL_RAG_TOP_K");
  public static final Setting MIN_SIMILARITY = Setting.number("eval.min-similarity",
      E.minSimilarity(), "least cosine similarity of a prior-art document")
      .withEnv("EVAL_MIN_SIMILARITY");
  public static final Setting ENABLE_RAG = Setting.bool("eval.enable-rag", E.enableRag(),
      "retrieve prior art and legal passages")
      .withEnv("EVAL_ENABLE_RAG");
  public static final Setting ENABLE_LLM = Setting.bool("eval.enable-llm", E.enableLlm(),
      "ask the LLM (novelty, inventive step, technology analysis)")
      .withEnv("EVAL_ENABLE_LLM");
  public static final Setting DEBUG = Setting.bool("eval.debug", E.debug(),
      "log every patent's stage scores")
      .withEnv("EVAL_DEBUG");

  public static final Setting RETRIEVAL_MAX_IN_FLIGHT = Setting.wholeNumber(
      "eval.retrieval-max-in-flight", (long) DEFAULT_RETRIEVAL_MAX_IN_FLIGHT,
      "patents whose searches (one _msearch each) are open at once, per subtask");
  public static final Setting RETRIEVAL_TIMEOUT = Setting.duration("eval.retrieval-timeout",
      DEFAULT_RETRIEVAL_TIMEOUT,
      "limit for one patent's searches; past it the patent is evaluated without retrieval");

  public static final Setting LLM_PROVIDER = eval("llm.provider",
      LlmSettings.DEFAULT_PROVIDER.name().toLowerCase(Locale.ROOT),
      "chat model wire format: openai (OpenAI, vLLM, any compatible server) or ollama",
      "EVAL_LLM_PROVIDER");
  public static final Setting LLM_URL = eval("llm.url", null,
      "chat endpoint: OpenAI-compatible up to /v1, Ollama the server root (default: "
          + LlmProvider.OPENAI.defaultBaseUrl() + " or " + LlmProvider.OLLAMA.defaultBaseUrl()
          + ")", "EVAL_LLM_URL");
  public static final Setting LLM_MODEL =
      eval("llm.model", LlmSettings.DEFAULT_MODEL, "chat model id", "EVAL_LLM_MODEL");
  public static final Setting LLM_API_KEY =
      Setting.secret("llm.api-key", null, "bearer token for the chat endpoint").withEnv("EVAL_LLM_API_KEY");
  public static final Setting LLM_INPUT_PRICE = Setting.number("llm.input-price", 0.0,
      "US dollars the provider bills per million prompt tokens, for the cost metric (0: not known, no cost counted)");
  public static final Setting LLM_OUTPUT_PRICE = Setting.number("llm.output-price", 0.0,
      "US dollars the provider bills per million completion tokens, for the cost metric");
  public static final Setting LLM_TIMEOUT = eval("llm.timeout",
      LlmSettings.DEFAULT_TIMEOUT.toSeconds(),
      "per model request: seconds, or a duration like '30 s'", "EVAL_TIMEOUT");
  public static final Setting LLM_MAX_RETRIES = Setting.wholeNumber("llm.max-retries",
      (long) LlmSettings.DEFAULT_MAX_RETRIES,
      "retries of a model request after 429, 5xx or a timeout, with back-off");
  public static final Setting LLM_REQUESTS_PER_SECOND = Setting.number("llm.requests-per-second",
      LlmSettings.DEFAULT_REQUESTS_PER_SECOND,
      "most model requests per second per task manager (token bucket)");
  public static final Setting LLM_MAX_IN_FLIGHT = Setting.wholeNumber("llm.max-in-flight",
      (long) DEFAULT_LLM_MAX_IN_FLIGHT,
      "patents with model requests open at once, per subtask");
  public static final Setting LLM_STAGE_TIMEOUT = Setting.duration("llm.stage-timeout",
      DEFAULT_LLM_STAGE_TIMEOUT,
      "limit for all of one patent's questions together; past it they are recorded as timeouts");

  public static final Setting EMBED_BATCH_SIZE = Setting.wholeNumber("embedding.batch-size",
      (long) DEFAULT_EMBED_BATCH_SIZE, "patents per embedding call at most");
  public static final Setting EMBED_MAX_WAIT = Setting.duration("embedding.max-wait",
      DEFAULT_EMBED_MAX_WAIT, "a partly filled batch is embedded after this wait");

  /** The evaluation's and the LLM's options, in --help order. */
  public static final List<Setting> EVALUATION = List.of(NOVELTY_THRESHOLD, INVENTIVE_THRESHOLD,
      NOVELTY_RULE_WEIGHT, NOVELTY_RAG_WEIGHT, NOVELTY_LLM_WEIGHT, INVENTIVE_RULE_WEIGHT,
      INVENTIVE_PRECEDENT_WEIGHT, INVENTIVE_LLM_WEIGHT, RAG_TOP_K, MIN_SIMILARITY, ENABLE_RAG,
      ENABLE_LLM, DEBUG, RETRIEVAL_MAX_IN_FLIGHT, RETRIEVAL_TIMEOUT, LLM_PROVIDER, LLM_URL,
      LLM_MODEL, LLM_API_KEY, LLM_INPUT_PRICE, LLM_OUTPUT_PRICE, LLM_TIMEOUT, LLM_MAX_RETRIES, LLM_REQUESTS_PER_SECOND,
      LLM_MAX_IN_FLIGHT, LLM_STAGE_TIMEOUT);
  /** The embedding batches' options. */
  public static final List<Setting> EMBEDDING = List.of(EMBED_BATCH_SIZE, EMBED_MAX_WAIT);

  private EnrichSettings() {}

  /** The chat model's prices, for the cost metric. */
  public static LlmPrice llmPrice(Settings s) {
    return new LlmPrice(s.getDouble(LLM_INPUT_PRICE.key()), s.getDouble(LLM_OUTPUT_PRICE.key()));
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

  /** A text option read from the seed's EVAL_* variable (the chat model's names, the timeout). */
  private static Setting eval(String key, Object defaultValue, String help, String env) {
    return new Setting(key, defaultValue == null ? null : String.valueOf(defaultValue), help, env);
  }
}
