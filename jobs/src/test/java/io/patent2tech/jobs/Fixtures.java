package io.patent2tech.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The captured patent files in the repository's fixtures/ (system property p2t.fixtures). */
public final class Fixtures {

  private Fixtures() {}

  /**
   * The USPTO ICE documents of the fixtures: 7 grants and 3 applications, 10 publications (the
   * integration tests' counts are over these; the v4.7 grant that came later is left out).
   */
  public static List<Path> iceDocuments() {
    Path uspto = Path.of(System.getProperty("p2t.fixtures"), "uspto");
    List<Path> ice = new ArrayList<>();
    try (var grants = Files.list(uspto.resolve("grant"))) {
      grants.sorted().filter(g -> !g.getFileName().toString().startsWith("grant_"))
          .forEach(ice::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ice.add(uspto.resolve("application/US20050004437A1.xml"));
    ice.add(uspto.resolve("application/ipa20180000016.xml"));
    ice.add(uspto.resolve("application/ipa20200022300.xml"));
    return ice;
  }

  /** The legal corpus quickstart loads: data/legal-corpus/legal_corpus.jsonl in the repository. */
  public static Path legalCorpus() {
    return Path.of(System.getProperty("p2t.repo"), "data", "legal-corpus", "legal_corpus.jsonl");
  }
}
