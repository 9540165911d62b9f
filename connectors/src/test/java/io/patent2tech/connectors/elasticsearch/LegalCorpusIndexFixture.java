package io.patent2tech.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;

/** ../shared/legal-corpus/legal_corpus.jsonl beside the checkout (next to p2t.fixtures). */
final class LegalCorpusIndexFixture {

  private LegalCorpusIndexFixture() {}

  static Path corpus() {
    String fixtures = System.getProperty("p2t.fixtures");
    Path shared = fixtures != null ? Paths.get(fixtures).getParent() : Paths.get("..", "..", "shared");
    Path file = shared.resolve("legal-corpus").resolve("legal_corpus.jsonl");
    assertThat(file).as("legal corpus beside the checkout").isRegularFile();
    return file;
  }
}
