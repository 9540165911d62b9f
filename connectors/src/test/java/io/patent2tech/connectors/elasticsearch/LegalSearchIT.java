package io.patent2tech.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.patent2tech.connectors.elasticsearch.LegalCorpusIndexPassages.Passage;
import io.patent2tech.connectors.elasticsearch.search.ElasticsearchVectorSearch;
import io.patent2tech.udfs.eval.retrieve.Jurisdiction;
import io.patent2tech.udfs.eval.retrieve.LegalPassages;
import io.patent2tech.udfs.eval.retrieve.Purpose;
import io.patent2tech.udfs.embed.InProcessEmbedder;
import io.patent2tech.udfs.embed.Vectors;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The legal-passage policy ({@link LegalPassages}) run by {@link ElasticsearchVectorSearch}: the real
 * corpus loaded with the real model into a throw-away alias, searched per jurisdiction and purpose.
 */
class LegalSearchIT {

  private static InProcessEmbedder model;
  private static ElasticsearchTestIndex es;
  private static Map<String, Passage> corpus;

  @BeforeAll
  static void loadCorpus() {
    model = new InProcessEmbedder(2);
    es = new ElasticsearchTestIndex();
    LegalCorpusLoader.load(es.settings(), LegalCorpusIndexFixture.corpus(), model);
    corpus = LegalCorpusIndexPassages.read(LegalCorpusIndexFixture.corpus()).stream()
        .collect(Collectors.toMap(Passage::id, passage -> passage));
  }

  @AfterAll
  static void close() throws Exception {
    es.close();
    model.close();
  }

  @Test
  void usInventiveStepFindsTheObviousnessLaw() throws Exception {
    float[] query = vector("The claimed invention would have been obvious to a person having ordinary "
        + "skill in the art in view of the combination of two prior art references.");

    List<LegalPassages.Passage> passages = search(query, Jurisdiction.US, Purpose.INVENTIVE_STEP, 3);

    assertThat(passages).hasSize(3);
    assertThat(passages).allSatisfy(passage -> {
      assertThat(passage.jurisdiction()).isEqualTo("US");
      assertThat(corpus.get(passage.passageId()).topics()).contains("inventive_step");
      assertThat(passage.similarity())
          .isCloseTo(Vectors.cosine(query, vector(corpus.get(passage.passageId()).embeddingText())), within(1e-3));
    });
    assertThat(passages).extracting(LegalPassages.Passage::similarity).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(passages.get(0).recordId()).isIn("us-35usc-103", "case-ksr-2007", "case-ksr-2007-bpai", "case-graham-1966");
  }

  @Test
  void eachJurisdictionAndPurposeStaysInsideItsFilter() throws Exception {
    float[] query = vector("The invention was disclosed in a printed publication before the filing date.");

    assertThat(search(query, Jurisdiction.EP, Purpose.NOVELTY, 10))
        .extracting(LegalPassages.Passage::recordId)
        .isNotEmpty()
        .allSatisfy(id -> assertThat(id).isIn("epc-art-52", "epc-art-54", "epc-art-55"));
    List<LegalPassages.Passage> korean = search(query, Jurisdiction.KR, Purpose.INVENTIVE_STEP, 10);
    assertThat(korean).extracting(LegalPassages.Passage::recordId).containsOnly("kr-pa-29");
    assertThat(korean).hasSize((int) corpus.values().stream().filter(p -> p.recordId().equals("kr-pa-29")).count());
    assertThat(korean.get(0).language()).isEqualTo("ko");
    assertThat(korean.get(0).citation()).isEqualTo("특허법 제29조");
  }

  @Test
  void namesMapToTheirFilters() {
    assertThat(Jurisdiction.ofCountry("KR")).contains(Jurisdiction.KR);
    assertThat(Jurisdiction.ofCountry("JP")).isEmpty();
    assertThat(Jurisdiction.ofCountry(null)).isEqualTo(Optional.empty());
    assertThat(Purpose.of("inventive-step")).isEqualTo(Purpose.INVENTIVE_STEP);
    assertThat(Purpose.of("Novelty").topic()).isEqualTo("novelty");
    assertThatThrownBy(() -> Purpose.of("enablement")).hasMessageContaining("novelty or inventive-step");
  }

  private static List<LegalPassages.Passage> search(float[] query, Jurisdiction jurisdiction, Purpose purpose, int topK)
      throws Exception {
    try (ElasticsearchVectorSearch search = ElasticsearchVectorSearch.open(es.settings(), es.settings())) {
      return LegalPassages.passages(
          search.search(List.of(LegalPassages.query(query, jurisdiction, purpose, topK))).get().get(0));
    }
  }

  private static float[] vector(String text) {
    return model.embed(List.of(text)).get(0);
  }
}
