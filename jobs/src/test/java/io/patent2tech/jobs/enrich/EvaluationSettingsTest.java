package io.patent2tech.jobs.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.connectors.llm.LlmSettings;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.udfs.eval.EvaluationSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationSettingsTest {

  @Test
  void theDefaultsAreTheSeeds() {
    EvaluationSettings defaults = EnrichSettings.evaluation(parse(Map.of()));
    assertThat(defaults).isEqualTo(EvaluationSettings.defaults());
    assertThat(defaults.noveltyWeights()).isEqualTo(new EvaluationSettings.Weights(0.3, 0.4, 0.3));
    assertThat(defaults.inventiveStepWeights())
        .isEqualTo(new EvaluationSettings.Weights(0.4, 0.3, 0.3));
    assertThat(defaults.noveltyThreshold()).isEqualTo(0.7);
    assertThat(defaults.inventiveStepThreshold()).isEqualTo(0.6);
    assertThat(defaults.topK()).isEqualTo(5);
    assertThat(defaults.enableLlm()).isTrue();
    assertThat(defaults.enableRag()).isTrue();
  }

  @Test
  void theSeedsEnvironmentVariablesAreRead() {
    Settings s = parse(Map.of("EVAL_NOVELTY_THRESHOLD", "0.65", "EVAL_RAG_TOP_K", "3",
        "EVAL_ENABLE_LLM", "false", "EVAL_ENABLE_RAG", "false", "EVAL_DEBUG", "true",
        "EVAL_LLM_MODEL", "llama3", "EVAL_TIMEOUT", "5"));
    EvaluationSettings e = EnrichSettings.evaluation(s);
    assertThat(e.noveltyThreshold()).isEqualTo(0.65);
    assertThat(e.topK()).isEqualTo(3);
    assertThat(e.enableLlm()).isFalse();
    assertThat(e.enableRag()).isFalse();
    assertThat(e.debug()).isTrue();
    assertThat(EnrichSettings.llm(s).model()).isEqualTo("llama3");
    assertThat(EnrichSettings.llm(s).timeout()).hasSeconds(5);
    assertThat(EnrichSettings.llm(parse(Map.of("EVAL_TIMEOUT", "1500 ms"))).timeout()).hasMillis(1500);
  }

  @Test
  void everySettingThatDecidesAResultChangesTheFingerprintAndDebugDoesNot() {
    Map<String, String> base = Map.of();
    String defaults = EnrichSettings.settingsFingerprint(parse(base));
    Set<String> seen = new HashSet<>(List.of(defaults));
    for (Map<String, String> change : List.of(
        Map.of("EVAL_NOVELTY_THRESHOLD", "0.71"),
        Map.of("EVAL_INVENTIVE_STEP_THRESHOLD", "0.5"),
        Map.of("EVAL_NOVELTY_RULE_WEIGHT", "0.2"),
        Map.of("EVAL_NOVELTY_RAG_WEIGHT", "0.5"),
        Map.of("EVAL_NOVELTY_LLM_WEIGHT", "0.1"),
        Map.of("EVAL_INVENTIVE_STEP_RULE_WEIGHT", "0.5"),
        Map.of("EVAL_INVENTIVE_STEP_PRECEDENT_WEIGHT", "0.2"),
        Map.of("EVAL_INVENTIVE_STEP_LLM_WEIGHT", "0.2"),
        Map.of("EVAL_RAG_TOP_K", "4"),
        Map.of("EVAL_MIN_SIMILARITY", "0.5"),
        Map.of("EVAL_ENABLE_RAG", "false"),
        Map.of("EVAL_ENABLE_LLM", "false"),
        Map.of("EVAL_LLM_MODEL", "llama3"),
        Map.of("P2T_EMBEDDING_PROVIDER", "ollama", "P2T_EMBEDDING_URL", "http://localhost:11434",
            "P2T_EMBEDDING_MODEL", "bge-m3"))) {
      assertThat(seen.add(EnrichSettings.settingsFingerprint(parse(change))))
          .as("fingerprint changes with %s", change).isTrue();
    }
    assertThat(EnrichSettings.settingsFingerprint(parse(Map.of("EVAL_DEBUG", "true"))))
        .isEqualTo(defaults);
    assertThat(EnrichSettings.settingsFingerprint(parse(Map.of("EVAL_TIMEOUT", "60"))))
        .as("how long we wait does not change an answer").isEqualTo(defaults);
    assertThat(EnrichSettings.settingsFingerprint(
            parse(Map.of("EVAL_ENABLE_LLM", "false", "EVAL_LLM_MODEL", "llama3"))))
        .as("the model does not matter when the LLM is off")
        .isEqualTo(EnrichSettings.settingsFingerprint(parse(Map.of("EVAL_ENABLE_LLM", "false"))));
  }

  @Test
  void theOptionsDefaultsAreTheTypedDefaultsTheyAreDeclaredFrom() {
    Settings s = parse(Map.of());
    LlmSettings llm = EnrichSettings.llm(s);
    assertThat(llm).isEqualTo(LlmSettings.of(LlmSettings.DEFAULT_PROVIDER,
        LlmSettings.DEFAULT_PROVIDER.defaultBaseUrl(), LlmSettings.DEFAULT_MODEL));
    assertThat(s.getInt(EnrichSettings.EMBED_BATCH_SIZE.key()))
        .isEqualTo(EnrichSettings.DEFAULT_EMBED_BATCH_SIZE);
    assertThat(s.getDuration(EnrichSettings.EMBED_MAX_WAIT.key()))
        .isEqualTo(EnrichSettings.DEFAULT_EMBED_MAX_WAIT);
    assertThat(s.getInt(EnrichSettings.RETRIEVAL_MAX_IN_FLIGHT.key()))
        .isEqualTo(EnrichSettings.DEFAULT_RETRIEVAL_MAX_IN_FLIGHT);
    assertThat(s.getDuration(EnrichSettings.RETRIEVAL_TIMEOUT.key()))
        .isEqualTo(EnrichSettings.DEFAULT_RETRIEVAL_TIMEOUT);
    assertThat(s.getInt(EnrichSettings.LLM_MAX_IN_FLIGHT.key()))
        .isEqualTo(EnrichSettings.DEFAULT_LLM_MAX_IN_FLIGHT);
    assertThat(s.getDuration(EnrichSettings.LLM_STAGE_TIMEOUT.key()))
        .isEqualTo(EnrichSettings.DEFAULT_LLM_STAGE_TIMEOUT);
    // --help shows the values as people write them
    assertThat(EnrichSettings.NOVELTY_THRESHOLD.defaultValue()).isEqualTo("0.7");
    assertThat(EnrichSettings.LLM_REQUESTS_PER_SECOND.defaultValue()).isEqualTo("10");
    assertThat(EnrichSettings.LLM_STAGE_TIMEOUT.defaultValue()).isEqualTo("10 min");
  }

  @Test
  void badValuesAreRefusedWithTheSettingsName() {
    assertThatThrownBy(() -> EnrichSettings.evaluation(parse(Map.of("EVAL_NOVELTY_THRESHOLD", "1.5"))))
        .hasMessageContaining("novelty threshold");
    assertThatThrownBy(() -> EnrichSettings.evaluation(parse(Map.of("EVAL_RAG_TOP_K", "five"))))
        .hasMessageContaining("eval.rag-top-k");
    assertThatThrownBy(() -> EnrichSettings.evaluation(parse(Map.of("EVAL_NOVELTY_RULE_WEIGHT", "0"))))
        .hasMessageContaining("rule stage");
  }

  private static Settings parse(Map<String, String> env) {
    return Settings.parse(EnrichJob.SETTINGS, EnrichJob.FLAGS, new String[0], env);
  }
}
