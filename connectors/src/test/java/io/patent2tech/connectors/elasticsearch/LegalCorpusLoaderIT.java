package io.patent2tech.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.search.Hit;
import io.patent2tech.connectors.elasticsearch.LegalCorpusLoader.Counts;
import io.patent2tech.udfs.embed.Embedder;
import io.patent2tech.udfs.embed.InProcessEmbedder;
import io.patent2tech.udfs.embed.Vectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real corpus, the real model and the running Elasticsearch, under a throw-away alias. */
class LegalCorpusLoaderIT {

  private static InProcessEmbedder model;

  private ElasticsearchTestIndex es;
  private final AtomicInteger embedded = new AtomicInteger();

  @TempDir
  Path dir;

  @BeforeAll
  static void loadModel() {
    model = new InProcessEmbedder(2);
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  @BeforeEach
  void open() {
    es = new ElasticsearchTestIndex();
  }

  @AfterEach
  void close() throws IOException {
    es.close();
  }

  @Test
  void loadsEveryPassageOnceAndLoadingAgainChangesNothing() throws IOException {
    Path corpus = LegalCorpusIndexFixture.corpus();
    int passages = LegalCorpusIndexPassages.read(corpus).size();

    Counts first = LegalCorpusLoader.load(es.settings(), corpus, counting());

    assertThat(first).isEqualTo(new Counts(passages, 0, 0, 0));
    assertThat(embedded).hasValue(passages);
    assertThat(es.count()).isEqualTo(passages);
    Map<String, Long> seqNos = seqNos();

    Counts second = LegalCorpusLoader.load(es.settings(), corpus, counting());

    assertThat(second).isEqualTo(new Counts(0, passages, 0, 0));
    assertThat(embedded).as("texts embedded in both loads").hasValue(passages);
    assertThat(seqNos()).isEqualTo(seqNos);
  }

  @Test
  void theStoredDocumentIsThePassageWithItsUnitVector() throws IOException {
    LegalCorpusLoader.load(es.settings(), LegalCorpusIndexFixture.corpus(), counting());

    Map<String, Object> doc = es.get("us-35usc-103#1").source();

    assertThat(doc).containsEntry("record_id", "us-35usc-103")
        .containsEntry("jurisdiction", "US")
        .containsEntry("kind", "statute")
        .containsEntry("language", "en")
        .containsEntry("topics", List.of("inventive_step"))
        .containsEntry("embedding_model", "bge-small-en-v1.5-q");
    assertThat((String) doc.get("text")).startsWith("A patent for a claimed invention may not be obtained");
    float[] stored = floats(doc.get("embedding"));
    float[] expected = model.embed(List.of(LegalCorpusIndexPassages.read(LegalCorpusIndexFixture.corpus())
        .stream().filter(p -> p.id().equals("us-35usc-103#1")).findFirst().orElseThrow().embeddingText())).get(0);
    assertThat(Vectors.cosine(stored, expected)).isGreaterThan(0.9999);
    assertThat(es.client().indices().getMapping(r -> r.index(es.alias())).result()
        .get(es.alias() + "-v1").mappings().properties().get("embedding").denseVector().dims()).isEqualTo(384);
  }

  @Test
  void aChangedFileRewritesOnlyWhatChanged() throws IOException {
    Path original = LegalCorpusIndexFixture.corpus();
    LegalCorpusLoader.load(es.settings(), original, counting());
    Map<String, Long> before = seqNos();
    List<String> lines = new ArrayList<>(Files.readAllLines(original, StandardCharsets.UTF_8));
    // edit 35 U.S.C. 103 (one passage), drop 35 U.S.C. 101 (one passage), add a record
    int edited = indexOf(lines, "\"us-35usc-103\"");
    lines.set(edited, lines.get(edited).replace("A patent for a claimed invention", "A patent for a claimed  invention"));
    lines.remove(indexOf(lines, "\"us-35usc-101\""));
    lines.add("{\"id\": \"test-new\", \"jurisdiction\": \"EP\", \"kind\": \"guideline\", \"citation\": \"T\","
        + " \"title\": \"New\", \"lang\": \"en\", \"text\": \"A new passage.\", \"topics\": [\"novelty\"]}");
    Path changed = dir.resolve("legal_corpus.jsonl");
    Files.write(changed, lines, StandardCharsets.UTF_8);
    embedded.set(0);

    Counts counts = LegalCorpusLoader.load(es.settings(), changed, counting());

    assertThat(counts).isEqualTo(new Counts(1, before.size() - 2, 1, 1));
    assertThat(embedded).hasValue(2);
    Map<String, Long> after = seqNos();
    assertThat(after).doesNotContainKey("us-35usc-101#1").containsKey("test-new#1");
    assertThat(after.get("us-35usc-103#1")).isGreaterThan(before.get("us-35usc-103#1"));
    before.keySet().removeAll(List.of("us-35usc-101#1", "us-35usc-103#1"));
    assertThat(after).containsAllEntriesOf(before);
  }

  @Test
  void refusesAnEmbedderOfAnotherDimensionThanTheIndexHolds() {
    Path corpus = LegalCorpusIndexFixture.corpus();
    LegalCorpusLoader.load(es.settings(), corpus, model);
    Embedder other = new Embedder() {
      @Override
      public String modelId() {
        return "other";
      }

      @Override
      public int dimension() {
        return 8;
      }

      @Override
      public List<float[]> embed(List<String> texts) {
        throw new AssertionError("must not be called");
      }

      @Override
      public void close() {}
    };

    assertThatThrownBy(() -> LegalCorpusLoader.load(es.settings(), corpus, other))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds vectors of 384 dimensions, the embedder gives 8");
  }

  /** The shared model, counting the texts it is given. */
  private Embedder counting() {
    return new Embedder() {
      @Override
      public String modelId() {
        return model.modelId();
      }

      @Override
      public int dimension() {
        return model.dimension();
      }

      @Override
      public List<float[]> embed(List<String> texts) {
        embedded.addAndGet(texts.size());
        return model.embed(texts);
      }

      @Override
      public void close() {}
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Map<String, Long> seqNos() throws IOException {
    es.client().indices().refresh(r -> r.index(es.alias()));
    Map<String, Long> seqNos = new HashMap<>();
    for (Hit<Map<String, Object>> hit : es.client().search(r -> r.index(es.alias()).size(1000)
            .seqNoPrimaryTerm(true).source(s -> s.fetch(false)),
        (Class<Map<String, Object>>) (Class) Map.class).hits().hits()) {
      seqNos.put(hit.id(), hit.seqNo());
    }
    return seqNos;
  }

  private static int indexOf(List<String> lines, String id) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"id\": " + id)) {
        return i;
      }
    }
    throw new AssertionError(id + " not in the corpus");
  }

  private static float[] floats(Object list) {
    List<?> values = (List<?>) list;
    float[] vector = new float[values.size()];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = ((Number) values.get(i)).floatValue();
    }
    return vector;
  }
}
