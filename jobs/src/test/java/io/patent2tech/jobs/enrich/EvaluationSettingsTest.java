package io.patent2tech.jobs.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    EvaluationSettings defaults = EnrichJob.evaluation(parse(Map.of()));
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
    EvaluationSettings e = EnrichJob.evaluation(s);
    assertThat(e.noveltyThreshold()).isEqualTo(0.65);
    assertThat(e.topK()).isEqualTo(3);
    assertThat(e.enableLlm()).isFalse();
    assertThat(e.enableRag()).isFalse();
    assertThat(e.debug()).isTrue();
    assertThat(EnrichJob.llm(s).model()).isEqualTo("llama3");
    assertThat(EnrichJob.llm(s).timeout()).hasSeconds(5);
    assertThat(EnrichJob.llm(parse(Map.of("EVAL_TIMEOUT", "1500 ms"))).timeout()).hasMillis(1500);
  }

  @Test
  void everySettingThatDecidesAResultChangesTheFingerprintAndDebugDoesNot() {
    Map<String, String> base = Map.of();
    String defaults = EnrichJob.settingsFingerprint(parse(base));
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
      assertThat(seen.add(EnrichJob.settingsFingerprint(parse(change))))
          .as("fingerprint changes with %s", change).isTrue();
    }
    assertThat(EnrichJob.settingsFingerprint(parse(Map.of("EVAL_DEBUG", "true"))))
        .isEqualTo(defaults);
    assertThat(EnrichJob.settingsFingerprint(parse(Map.of("EVAL_TIMEOUT", "60"))))
        .as("how long we wait does not change an answer").isEqualTo(defaults);
    assertThat(EnrichJob.settingsFingerprint(
            parse(Map.of("EVAL_ENABLE_LLM", "false", "EVAL_LLM_MODEL", "llama3"))))
        .as("the model does not matter when the LLM is off")
        .isEqualTo(EnrichJob.settingsFingerprint(parse(Map.of("EVAL_ENABLE_LLM", "false"))));
  }

  @Test
  void badValuesAreRefusedWithTheSettingsName() {
    assertThatThrownBy(() -> EnrichJob.evaluation(parse(Map.of("EVAL_NOVELTY_THRESHOLD", "1.5"))))
        .hasMessageContaining("novelty threshold");
    assertThatThrownBy(() -> EnrichJob.evaluation(parse(Map.of("EVAL_RAG_TOP_K", "five"))))
        .hasMessageContaining("eval.rag-top-k");
    assertThatThrownBy(() -> EnrichJob.evaluation(parse(Map.of("EVAL_NOVELTY_RULE_WEIGHT", "0"))))
        .hasMessageContaining("rule stage");
  }

  private static Settings parse(Map<String, String> env) {
    return Settings.parse(EnrichJob.SETTINGS, EnrichJob.FLAGS, new String[0], env);
  }
}
