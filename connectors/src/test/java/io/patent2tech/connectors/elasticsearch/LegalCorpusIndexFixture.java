package io.patent2tech.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The legal corpus in the repository: data/legal-corpus/legal_corpus.jsonl (system property p2t.repo). */
final class LegalCorpusIndexFixture {

  private LegalCorpusIndexFixture() {}

  static Path corpus() {
    String repo = System.getProperty("p2t.repo");
    Path root = repo != null ? Paths.get(repo) : Paths.get("..");
    Path file = root.resolve("data").resolve("legal-corpus").resolve("legal_corpus.jsonl");
    assertThat(file).as("legal corpus in the repository").isRegularFile();
    return file;
  }
}
