package io.patent2tech.connectors.elasticsearch.document;

import static io.patent2tech.connectors.elasticsearch.document.ElasticsearchDocument.putPresent;

import io.patent2tech.connectors.postgres.CollectionRunRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Elasticsearch view of a collection run, the same row the collect job upserts into PostgreSQL
 * collection_runs, {@code _id} = run id. Field list and mapping:
 * infra/elasticsearch/templates/collection-runs-template.json. The row holds absolute figures, so
 * writing it again changes nothing.
 */
public final class CollectionRunDocuments {

  public static final List<String> FIELDS = List.of("run_id", "office", "query", "window_from", "window_to",
      "attempt", "status", "started_at", "finished_at", "listed", "fetched", "published", "rejected", "skipped",
      "requests", "bytes", "throttled_ms", "quota", "error", "updated_at");

  private CollectionRunDocuments() {}

  public static DocumentMapper<CollectionRunRow> mapper() {
    return r -> new ElasticsearchDocument(r.runId, document(r));
  }

  public static Map<String, Object> document(CollectionRunRow r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("run_id", r.runId);
    putPresent(doc, "office", r.office);
    putPresent(doc, "query", r.query);
    putPresent(doc, "window_from", r.windowFrom);
    putPresent(doc, "window_to", r.windowTo);
    doc.put("attempt", r.attempt);
    putPresent(doc, "status", r.status);
    if (r.startedAt > 0) {
      doc.put("started_at", r.startedAt);
    }
    if (r.finishedAt > 0) {
      doc.put("finished_at", r.finishedAt);
    }
    doc.put("listed", r.listed);
    doc.put("fetched", r.fetched);
    doc.put("published", r.published);
    doc.put("rejected", r.rejected);
    doc.put("skipped", r.skipped);
    doc.put("requests", r.requests);
    doc.put("bytes", r.bytes);
    doc.put("throttled_ms", r.throttledMillis);
    putPresent(doc, "quota", r.quota);
    doc.put("error", r.error); // as in PostgreSQL: a run that succeeded on a later attempt clears it
    // the row's own latest moment, not the time of writing: a replay writes the same document
    doc.put("updated_at", Math.max(r.startedAt, r.finishedAt));
    return doc;
  }
}
