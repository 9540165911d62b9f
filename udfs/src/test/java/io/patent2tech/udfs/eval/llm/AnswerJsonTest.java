package io.patent2tech.udfs.eval.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerJsonTest {

  @Test
  void aNoveltyAnswerIsWrittenInItsSchema() {
    NoveltyAnswer answer = new NoveltyAnswer(true, 0.8, "differs", List.of("a hinge", "a latch"));

    assertThat(AnswerJson.write(answer, LlmAnswers::parseNovelty))
        .contains(
            "{\"is_novel\":true,\"confidence\":0.8,\"reasoning\":\"differs\","
                + "\"key_differences\":[\"a hinge\",\"a latch\"]}");
  }

  @Test
  void anInventiveStepAnswerRoundTrips() {
    InventiveStepAnswer answer = new InventiveStepAnswer(false, 0.35, "obvious combination");

    assertThat(AnswerJson.write(answer, LlmAnswers::parseInventiveStep))
        .contains(
            "{\"has_inventive_step\":false,\"confidence\":0.35,"
                + "\"reasoning\":\"obvious combination\"}");
  }

  @Test
  void anAnalysisRoundTrips() throws Exception {
    TechnologyAnalysis answer =
        new TechnologyAnalysis(
            List.of("battery cooling"), "feasible", List.of("EV"), List.of(), List.of("1. pump"));

    String json = AnswerJson.write(answer, LlmAnswers::parseAnalysis).orElseThrow();

    assertThat(LlmAnswers.parseAnalysis(json)).isEqualTo(answer);
  }

  @Test
  void anAnswerTheParserDoesNotReadBackIsNotWritten() {
    NoveltyAnswer answer = new NoveltyAnswer(true, 0.8, "differs", List.of());

    assertThat(AnswerJson.write(answer, raw -> new NoveltyAnswer(false, 0.8, "differs", List.of())))
        .isEmpty();
  }
}
