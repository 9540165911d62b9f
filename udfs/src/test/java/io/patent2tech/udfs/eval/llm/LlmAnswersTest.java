package io.patent2tech.udfs.eval.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LlmAnswersTest {

  private static final String NOVEL =
      "{\"is_novel\": true, \"confidence\": 0.82, \"reasoning\": \" The OLED layer is new. \","
          + " \"key_differences\": [\"OLED layer\", \"flexible substrate\"]}";

  @Test
  void parsesAValidNoveltyAnswer() throws Exception {
    NoveltyAnswer a = LlmAnswers.parseNovelty(NOVEL);
    assertThat(a.isNovel()).isTrue();
    assertThat(a.confidence()).isEqualTo(0.82);
    assertThat(a.reasoning()).isEqualTo("The OLED layer is new.");
    assertThat(a.keyDifferences()).containsExactly("OLED layer", "flexible substrate");
  }

  @Test
  void acceptsOneJsonFenceAndIntegerConfidences() throws Exception {
    assertThat(LlmAnswers.parseNovelty("```json\n" + NOVEL + "\n```").confidence()).isEqualTo(0.82);
    assertThat(LlmAnswers.parseNovelty("\n```\n" + NOVEL + "\n```\n").isNovel()).isTrue();
    InventiveStepAnswer a =
        LlmAnswers.parseInventiveStep(
            "{\"has_inventive_step\": false, \"confidence\": 1, \"reasoning\": \"obvious\"}");
    assertThat(a.hasInventiveStep()).isFalse();
    assertThat(a.confidence()).isEqualTo(1.0);
    assertThat(a.reasoning()).isEqualTo("obvious");
    assertThat(
            LlmAnswers.parseNovelty(
                    "{\"is_novel\": false, \"confidence\": 0, \"reasoning\": \"same\","
                        + " \"key_differences\": []}")
                .keyDifferences())
        .isEmpty();
  }

  @Test
  void parsesAnAnalysis() throws Exception {
    TechnologyAnalysis a =
        LlmAnswers.parseAnalysis(
            "{\"core_concepts\": [\"비휘발성 메모리\"], \"implementation_feasibility\": \"높음\","
                + " \"related_fields\": [\"반도체\"], \"commercial_applications\": [\"SSD\", \"IoT\"],"
                + " \"implementation_outline\": [\"셀 설계\", \"컨트롤러\", \"검증\"]}");
    assertThat(a.coreConcepts()).containsExactly("비휘발성 메모리");
    assertThat(a.implementationFeasibility()).isEqualTo("높음");
    assertThat(a.relatedFields()).containsExactly("반도체");
    assertThat(a.commercialApplications()).containsExactly("SSD", "IoT");
    assertThat(a.implementationOutline()).containsExactly("셀 설계", "컨트롤러", "검증");
  }

  @Test
  void rejectsWhatIsNotOneJsonObject() {
    assertRejected("", "the answer is empty");
    assertRejected("   ", "the answer is empty");
    assertRejected(null, "the answer is empty");
    assertRejected("```json\n```", "the answer is empty");
    assertRejected("Sure! Here is my evaluation: " + NOVEL, "the answer is not JSON: ");
    assertRejected("{\"is_novel\": true,", "the answer is not JSON: ");
    assertRejected(NOVEL + " I hope this helps.", "the answer is not JSON: ");
    assertRejected(NOVEL + NOVEL, "the answer is not JSON: ");
    assertRejected("[" + NOVEL + "]", "the answer is a JSON array, not a JSON object");
    assertRejected("\"yes\"", "the answer is a string, not a JSON object");
    assertRejected("```json\n" + NOVEL, "the answer opens a code fence and does not close it");
    assertRejected(
        "```python\n" + NOVEL + "\n```", "the answer is a code block of type 'python', not json");
  }

  @Test
  void rejectsMissingAndExtraFields() {
    assertRejected(
        "{\"is_novel\": true, \"reasoning\": \"r\"}",
        "missing field(s) 'confidence', 'key_differences'");
    assertRejected(
        "{\"is_novel\": true, \"confidence\": 0.5, \"reasoning\": \"r\", \"key_differences\": [],"
            + " \"final_score\": 1.0}",
        "unexpected field(s) 'final_score'; the only fields are 'is_novel', 'confidence',"
            + " 'reasoning', 'key_differences'");
    assertRejected(
        "{\"is_novel\": true, \"is_novel\": false, \"confidence\": 0.5, \"reasoning\": \"r\","
            + " \"key_differences\": []}",
        "the answer is not JSON: Duplicate field 'is_novel'");
  }

  @Test
  void rejectsWrongTypesAndRanges() {
    assertRejected(
        "{\"is_novel\": \"true\", \"confidence\": 0.5, \"reasoning\": \"r\", \"key_differences\":"
            + " []}",
        "field 'is_novel' must be true or false, got a string");
    assertRejected(
        "{\"is_novel\": 1, \"confidence\": 0.5, \"reasoning\": \"r\", \"key_differences\": []}",
        "field 'is_novel' must be true or false, got a JSON number");
    assertRejected(
        "{\"is_novel\": true, \"confidence\": \"0.5\", \"reasoning\": \"r\", \"key_differences\":"
            + " []}",
        "field 'confidence' must be a number from 0.0 to 1.0, got a string");
    assertRejected(
        "{\"is_novel\": true, \"confidence\": 1.5, \"reasoning\": \"r\", \"key_differences\": []}",
        "field 'confidence' must be from 0.0 to 1.0, got 1.5");
    assertRejected(
        "{\"is_novel\": true, \"confidence\": -0.1, \"reasoning\": \"r\", \"key_differences\": []}",
        "field 'confidence' must be from 0.0 to 1.0, got -0.1");
    assertRejected(
        "{\"is_novel\": true, \"confidence\": 0.5, \"reasoning\": \" \", \"key_differences\": []}",
        "field 'reasoning' must be a non-empty string, got an empty string");
    assertRejected(
        "{\"is_novel\": true, \"confidence\": 0.5, \"reasoning\": null, \"key_differences\": []}",
        "field 'reasoning' must be a non-empty string, got a JSON null");
    assertRejected(
        "{\"is_novel\": true, \"confidence\": 0.5, \"reasoning\": \"r\", \"key_differences\":"
            + " \"x\"}",
        "field 'key_differences' must be an array of strings, got a string");
    assertRejected(
        "{\"is_novel\": true, \"confidence\": 0.5, \"reasoning\": \"r\", \"key_differences\":"
            + " [\"a\", 2]}",
        "field 'key_differences' must be an array of non-empty strings, it holds a JSON number");
  }

  @Test
  void longFieldNamesAreShortenedInTheReason() {
    String name = "x".repeat(300);
    assertThatThrownBy(
            () ->
                LlmAnswers.parseInventiveStep(
                    "{\"has_inventive_step\": true, \"confidence\": 0.5, \"reasoning\": \"r\", \""
                        + name
                        + "\": 1}"))
        .isInstanceOf(LlmAnswerException.class)
        .hasMessageStartingWith("unexpected field(s) '" + "x".repeat(40) + "...'");
  }

  private static void assertRejected(String raw, String reason) {
    assertThatThrownBy(() -> LlmAnswers.parseNovelty(raw))
        .isInstanceOf(LlmAnswerException.class)
        .hasMessageStartingWith(reason);
  }
}
