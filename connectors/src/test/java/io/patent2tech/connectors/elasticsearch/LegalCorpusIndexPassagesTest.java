package io.patent2tech.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.connectors.elasticsearch.LegalCorpusIndexPassages.Passage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegalCorpusIndexPassagesTest {

  @TempDir
  Path dir;

  @Test
  void theRealCorpusBecomesPassagesOfItsRecordsWithinTheBudgets() {
    List<Passage> passages = LegalCorpusIndexPassages.read(LegalCorpusIndexFixture.corpus());

    assertThat(passages.stream().map(Passage::recordId).distinct()).hasSize(39);
    for (Passage passage : passages) {
      assertThat(passage.id()).isEqualTo(passage.recordId() + "#" + passage.number());
      assertThat(passage.jurisdiction()).isIn("US", "EP", "KR");
      assertThat(passage.text()).isNotBlank();
    }
    // 35 U.S.C. 102 (3,698 characters in four subsections) is cut at subsection boundaries
    List<Passage> novelty = passages.stream().filter(p -> p.recordId().equals("us-35usc-102")).toList();
    assertThat(novelty).hasSizeGreaterThan(2);
    assertThat(novelty).allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(1200));
    assertThat(novelty).allSatisfy(p -> assertThat(p.count()).isEqualTo(novelty.size()));
    assertThat(novelty.get(0).text()).startsWith("(a) Novelty; Prior Art");
    // Korean Art. 29: paragraph 1 (novelty) and paragraph 2 (inventive step) are separate passages
    List<Passage> kr29 = passages.stream().filter(p -> p.recordId().equals("kr-pa-29")).toList();
    assertThat(kr29).allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(300));
    assertThat(kr29.get(0).text()).startsWith("① 산업상 이용할 수 있는 발명").doesNotContain("②");
    assertThat(kr29.get(1).text()).startsWith("② 특허출원 전에 그 발명이 속하는 기술분야에서 통상의 지식을 가진 사람이");
    assertThat(kr29.get(0).topics()).containsExactly("novelty", "inventive_step", "first_to_file");
    assertThat(kr29.get(0).language()).isEqualTo("ko");
    // a short record is one passage
    assertThat(passages.stream().filter(p -> p.recordId().equals("us-35usc-103")))
        .singleElement()
        .satisfies(p -> assertThat(p.embeddingText())
            .startsWith("35 U.S.C. § 103 (as amended by the Leahy-Smith America Invents Act) "
                + "Conditions for patentability; non-obvious subject matter\n"));
  }

  @Test
  void packsParagraphsInOrderAndKeepsAnOverlongOneWhole() {
    String text = "a".repeat(40) + "\n\n" + "b".repeat(40) + "\n\n" + "c".repeat(150) + "\n\n \n\n" + "d".repeat(10);

    assertThat(LegalCorpusIndexPassages.split(text, 100)).containsExactly(
        "a".repeat(40) + "\n\n" + "b".repeat(40), "c".repeat(150), "d".repeat(10));
  }

  @Test
  void theHashFollowsContentAndModel() {
    Passage passage = LegalCorpusIndexPassages.read(LegalCorpusIndexFixture.corpus()).get(0);
    Passage edited = new Passage(passage.id(), passage.recordId(), passage.number(), passage.count(),
        passage.jurisdiction(), passage.kind(), passage.language(), passage.topics(), passage.citation(),
        passage.title(), passage.text() + ".", passage.sourceUrl(), passage.partial());

    assertThat(passage.contentHash("m")).hasSize(64).isEqualTo(passage.contentHash("m"));
    assertThat(passage.contentHash("other-model")).isNotEqualTo(passage.contentHash("m"));
    assertThat(edited.contentHash("m")).isNotEqualTo(passage.contentHash("m"));
  }

  @Test
  void badRecordsAreReportedWithTheirLine() throws IOException {
    String good = "{\"id\":\"a\",\"jurisdiction\":\"US\",\"kind\":\"statute\",\"citation\":\"c\",\"title\":\"t\","
        + "\"lang\":\"en\",\"text\":\"x\",\"topics\":[\"novelty\"]}";

    assertThatThrownBy(() -> read(good, "{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("corpus.jsonl line 2 is not valid JSON");
    assertThatThrownBy(() -> read(good, good.replace("\"id\":\"a\"", "\"id\":\"b\"").replace("\"US\"", "\"JP\"")))
        .hasMessage("corpus.jsonl line 2: jurisdiction must be US, EP or KR, got 'JP'");
    assertThatThrownBy(() -> read(good, good.replace("\"id\":\"a\"", "\"id\":\"b\"").replace("\"text\":\"x\",", "")))
        .hasMessage("corpus.jsonl line 2: field 'text' is missing or empty");
    assertThatThrownBy(() -> read(good, "", good))
        .hasMessage("corpus.jsonl line 3: id 'a' appears twice");
    assertThat(read(good, "")).hasSize(1);
  }

  private List<Passage> read(String... lines) throws IOException {
    Path file = dir.resolve("corpus.jsonl");
    Files.writeString(file, List.of(lines).stream().collect(Collectors.joining("\n")), StandardCharsets.UTF_8);
    return LegalCorpusIndexPassages.read(file);
  }
}
