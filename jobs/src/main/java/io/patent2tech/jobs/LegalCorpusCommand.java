package io.patent2tech.jobs;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.elasticsearch.LegalCorpusLoader;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.EmbeddingSettings;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.udfs.embed.Embedder;

/**
 * {@code load-legal-corpus FILE}: loads the legal knowledge corpus (statutes, rules, guidelines,
 * cases; JSON lines) into its own Elasticsearch index with embeddings of the in-process model.
 * Idempotent: passages whose content did not change are neither embedded nor written again.
 */
public final class LegalCorpusCommand {

  public static final Setting ALIAS = CommonSettings.LEGAL_ALIAS;

  public static final List<Setting> SETTINGS = CommonSettings.secured(Stream.concat(
      Stream.of(CommonSettings.ES_URL, ALIAS), EmbeddingSettings.SETTINGS.stream()).toList());

  public static final String USAGE = "load-legal-corpus [options] FILE\n"
      + "  Loads a legal corpus (JSON lines, e.g. data/legal-corpus/legal_corpus.jsonl) into\n"
      + "  Elasticsearch with embeddings, for retrieval by the enrichment. Re-running changes nothing.\n";

  private LegalCorpusCommand() {}

  public static void run(Settings s, PrintStream out) throws Exception {
    if (s.positional().size() != 1) {
      throw new IllegalArgumentException("load-legal-corpus needs exactly one corpus file");
    }
    Path corpus = Path.of(s.positional().get(0));
    if (!Files.isReadable(corpus)) {
      throw new IllegalArgumentException("cannot read " + corpus);
    }
    ElasticsearchSettings es = ElasticsearchSettings.defaults(s.require(CommonSettings.ES_URL.key()),
        s.require(ALIAS.key())).withAuth(CommonSettings.elasticsearchAuth(s));
    try (Embedder embedder = EmbeddingSettings.factory(s).create()) {
      LegalCorpusLoader.Counts counts = LegalCorpusLoader.load(es, corpus, embedder);
      out.printf("legal corpus %s -> %s/%s (model %s): %d added, %d updated, %d unchanged, %d removed%n",
          corpus, es.url(), es.alias(), embedder.modelId(), counts.added(), counts.updated(),
          counts.unchanged(), counts.removed());
    }
  }
}
