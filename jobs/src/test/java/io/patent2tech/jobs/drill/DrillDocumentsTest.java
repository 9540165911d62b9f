package io.patent2tech.jobs.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drill's input: distinct documents from the fixtures, keys the pipeline derives. */
class DrillDocumentsTest {

  private static final Path FIXTURES = Path.of(System.getProperty("p2t.fixtures"), "uspto");

  @TempDir
  Path dir;

  @Test
  void numbersKeepTheTemplatesSeries() {
    assertThat(DrillDocuments.number("08930553", 417, 42)).isEqualTo("941700042");
    assertThat(DrillDocuments.number("D0701016", 417, 42)).isEqualTo("D941700042");
    assertThat(DrillDocuments.number("20180000016", 417, 42)).isEqualTo("20941700042");
  }

  @Test
  void writesDistinctDocumentsInFilesWithTheKeysThePipelineDerives() throws Exception {
    DrillDocuments documents = new DrillDocuments(FIXTURES, 417);
    assertThat(documents.templates()).extracting(DrillDocuments.Template::name)
        .contains("US08930553.xml", "ipgD0701016.xml", "ipa20180000016.xml")
        .doesNotContain("pa20010031492.xml"); // PAP 1.5: no publication-reference to renumber, no template

    List<String> keys = documents.write(25, 10, dir);

    assertThat(keys).hasSize(25).doesNotHaveDuplicates()
        .allMatch(k -> Pattern.matches("US-(D|20)?9417000\\d\\d-[A-Z]\\d", k), "US-[D|20]9417000II-KIND");
    assertThat(keys).contains("US-941700000-B2", "US-20941700010-A1");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("drill-417-0001.xml", "drill-417-0002.xml", "drill-417-0003.xml");
    }
    String first = Files.readString(dir.resolve("drill-417-0001.xml"), StandardCharsets.UTF_8);
    assertThat(Pattern.compile("(?m)^<\\?xml ").matcher(first).results().count()).isEqualTo(10);
  }

  @Test
  void theRunNumberHasThreeDigits() {
    assertThatThrownBy(() -> new DrillDocuments(FIXTURES, 99)).hasMessageContaining("3 digits");
  }

  @Test
  void theSchemaComesFromCurrentSchema() {
    assertThat(StoreCounts.schemaOf("jdbc:postgresql://localhost:5432/p2t?currentSchema=chaos_417"))
        .isEqualTo("chaos_417");
    assertThat(StoreCounts.schemaOf("jdbc:postgresql://localhost:5432/p2t")).isNull();
  }
}
