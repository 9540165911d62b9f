package io.patent2tech.connectors.elasticsearch.document;

import static io.patent2tech.connectors.elasticsearch.document.ElasticsearchDocument.putPresent;

import io.patent2tech.connectors.kafka.DeadLetterEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Elasticsearch view of a dead letter (topic patents.dlq), one document per record, {@code _id}
 * = topic-partition-offset. Field list and mapping: infra/elasticsearch/templates/dead-letters-template.json.
 *
 * <p>The raw input is never copied: {@code raw_carried} says whether the Kafka record holds it,
 * {@code dlq_topic}/{@code dlq_partition}/{@code dlq_offset} point at that record, and
 * {@code raw_pointer} at the file when the input was too large to carry. Absent values are left
 * out, and {@code replayed_at} is never written here (the replay command sets it), so landing the
 * same record again is a no-op for Elasticsearch ({@code detect_noop}) and keeps the replay mark.
 */
public final class DeadLetterDocuments {

  /** Every field this class writes; {@code replayed_at} is the replay command's. */
  public static final List<String> FIELDS = List.of("time", "source", "stage", "reason", "error_class",
      "source_file", "entry", "position", "offset", "publication_key", "raw_size", "raw_pointer",
      "raw_carried", "dlq_topic", "dlq_partition", "dlq_offset");

  public static final String REPLAYED_AT = "replayed_at";

  private DeadLetterDocuments() {}

  /** The mapper to hand to {@link io.patent2tech.connectors.elasticsearch.sink.ElasticsearchBulkSink.Builder#mapper}. */
  public static DocumentMapper<DeadLetterEntry> mapper() {
    return e -> new ElasticsearchDocument(e.id(), document(e));
  }

  public static Map<String, Object> document(DeadLetterEntry e) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("time", e.time);
    putPresent(doc, "source", e.source);
    putPresent(doc, "stage", e.stage);
    putPresent(doc, "reason", e.reason);
    putPresent(doc, "error_class", e.errorClass);
    putPresent(doc, "source_file", e.sourceFile);
    putPresent(doc, "entry", e.entry);
    putPresent(doc, "position", e.position);
    putPresent(doc, "offset", e.offset);
    putPresent(doc, "publication_key", e.publicationKey);
    putPresent(doc, "raw_size", e.rawSize);
    putPresent(doc, "raw_pointer", e.rawPointer);
    doc.put("raw_carried", e.rawCarried);
    doc.put("dlq_topic", e.dlqTopic);
    doc.put("dlq_partition", e.dlqPartition);
    doc.put("dlq_offset", e.dlqOffset);
    return doc;
  }
}
