package io.patent2tech.connectors.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.patent2tech.connectors.elasticsearch.LegalCorpusIndexPassages.Passage;
import io.patent2tech.connectors.elasticsearch.index.LegalCorpusIndex;
import io.patent2tech.udfs.embed.Embedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the legal knowledge corpus into its own index, one document per passage with its
 * embedding, behind an alias ({@code legal-corpus}; the index is {@code <alias>-v1}, mapped by
 * infra/elasticsearch/templates/legal-corpus-template.json, set up by {@link LegalCorpusIndex}).
 *
 * <p>Idempotent: a passage's id is {@code <record id>#<n>}, and its content hash covers its fields
 * and the embedding model. A load embeds and writes only passages whose hash is new or changed,
 * deletes passages the file no longer has, and leaves every other document untouched (same
 * {@code _seq_no}). Running it again on the same file therefore changes nothing and calls the model
 * for nothing.
 */
public final class LegalCorpusLoader {

  /** Passages per model call. */
  private static final int EMBED_BATCH = 32;
  /** The corpus is read back in one search; a statute corpus is far smaller. */
  private static final int MAX_PASSAGES = 10_000;

  private LegalCorpusLoader() {}

  /** What a load did: passages new to the index, left as they were, rewritten, and deleted. */
  public record Counts(int added, int unchanged, int updated, int removed) {}

  /**
   * Makes the index hold exactly the passages of {@code jsonl}, embedded by {@code embedder}.
   *
   * @param settings where Elasticsearch is; {@link ElasticsearchSettings#alias()} names the corpus
   *     alias ({@link LegalCorpusIndex#DEFAULT_ALIAS})
   * @throws IllegalArgumentException when the file has an invalid record (its line is named)
   * @throws IllegalStateException when the index holds vectors of another dimension than the
   *     embedder's, or Elasticsearch rejects a document
   */
  public static Counts load(ElasticsearchSettings settings, Path jsonl, Embedder embedder) {
    List<Passage> passages = LegalCorpusIndexPassages.read(jsonl);
    if (passages.size() > MAX_PASSAGES) {
      throw new IllegalArgumentException(jsonl + " has " + passages.size() + " passages, more than "
          + MAX_PASSAGES + " this loader handles");
    }
    try (ElasticsearchClient client = ElasticsearchClients.open(settings)) {
      LegalCorpusIndex.ensure(client, settings.alias(), embedder.dimension());
      Map<String, String> stored = storedHashes(client, settings.alias());

      List<Passage> toWrite = new ArrayList<>();
      List<String> hashes = new ArrayList<>();
      int added = 0;
      int updated = 0;
      for (Passage passage : passages) {
        String hash = passage.contentHash(embedder.modelId());
        String storedHash = stored.get(passage.id());
        if (hash.equals(storedHash)) {
          continue;
        }
        if (storedHash == null) {
          added++;
        } else {
          updated++;
        }
        toWrite.add(passage);
        hashes.add(hash);
      }
      Set<String> removed = new HashSet<>(stored.keySet());
      passages.forEach(passage -> removed.remove(passage.id()));

      List<BulkOperation> operations = new ArrayList<>();
      for (int from = 0; from < toWrite.size(); from += EMBED_BATCH) {
        List<Passage> batch = toWrite.subList(from, Math.min(toWrite.size(), from + EMBED_BATCH));
        List<float[]> vectors = embedder.embed(batch.stream().map(Passage::embeddingText).toList());
        for (int i = 0; i < batch.size(); i++) {
          operations.add(indexOperation(batch.get(i), vectors.get(i), embedder.modelId(), hashes.get(from + i)));
        }
      }
      for (String id : removed) {
        operations.add(BulkOperation.of(op -> op.delete(delete -> delete.id(id))));
      }
      write(client, settings.alias(), operations);
      return new Counts(added, passages.size() - added - updated, updated, removed.size());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load the legal corpus into " + settings.alias() + " at " + settings.url(), e);
    }
  }


  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, String> storedHashes(ElasticsearchClient client, String alias) throws IOException {
    client.indices().refresh(request -> request.index(alias));
    SearchResponse<Map<String, Object>> response = client.search(request -> request
            .index(alias)
            .size(MAX_PASSAGES)
            .trackTotalHits(total -> total.enabled(true))
            .source(source -> source.filter(filter -> filter.includes("content_hash"))),
        (Class<Map<String, Object>>) (Class) Map.class);
    long total = response.hits().total() == null ? 0 : response.hits().total().value();
    if (total > MAX_PASSAGES) {
      throw new IllegalStateException(alias + " holds " + total + " documents, more than " + MAX_PASSAGES
          + " this loader reads back");
    }
    Map<String, String> hashes = new HashMap<>();
    for (Hit<Map<String, Object>> hit : response.hits().hits()) {
      Object hash = hit.source() == null ? null : hit.source().get("content_hash");
      hashes.put(hit.id(), hash == null ? "" : hash.toString());
    }
    return hashes;
  }

  private static BulkOperation indexOperation(Passage passage, float[] vector, String modelId, String hash) {
    Map<String, Object> document = passage.fields();
    document.put("embedding", vector);
    document.put("embedding_model", modelId);
    document.put("content_hash", hash);
    return BulkOperation.of(op -> op.index(index -> index.id(passage.id()).document(document)));
  }

  private static void write(ElasticsearchClient client, String alias, List<BulkOperation> operations)
      throws IOException {
    if (operations.isEmpty()) {
      return;
    }
    BulkResponse response = client.bulk(request -> request
        .index(alias)
        .refresh(Refresh.WaitFor)
        .operations(operations));
    if (response.errors()) {
      List<String> failures = new ArrayList<>();
      for (BulkResponseItem item : response.items()) {
        if (item.error() != null) {
          failures.add(item.id() + ": " + item.error().type() + " " + item.error().reason());
        }
      }
      throw new IllegalStateException(failures.size() + " legal corpus passages were rejected by "
          + alias + ", first: " + failures.get(0));
    }
  }
}
