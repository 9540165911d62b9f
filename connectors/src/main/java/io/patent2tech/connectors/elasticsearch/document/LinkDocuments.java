package io.patent2tech.connectors.elasticsearch.document;

import io.patent2tech.udfs.links.DocumentLinks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Elasticsearch view of a publication's links (topic patents.links): the partial document the
 * landing job merges into the patent's document (the one {@link PatentDocuments} writes, same
 * {@code _id}). Field list and mapping: infra/elasticsearch/templates/patents-template.json.
 *
 * <ul>
 *   <li>{@code family_members}, {@code application_members}, {@code near_duplicates}: the keys of
 *       the other publications, sorted, each once;
 *   <li>{@code family_representative}: true for the one publication of a family that a view of
 *       one document per family keeps (the least key); absent on documents without links, so the
 *       Kibana filter is {@code NOT family_representative:false}.
 * </ul>
 *
 * <p>Why whole lists: the server runs without painless, so no update can append to a stored array;
 * a partial update replaces the arrays it names and leaves every other field alone. The lists are
 * therefore kept in Flink state ({@link io.patent2tech.udfs.links.LinkedDocuments}) and each update
 * carries them whole. A link update of a document that has not landed yet creates it with these
 * fields only ({@code doc_as_upsert}); the patent's own fields merge into it when it lands, and
 * {@link PatentDocuments} never writes these fields, so neither side wipes the other's.
 *
 * <p>The document is a function of the lists alone, so writing the same lists again is a no-op for
 * Elasticsearch ({@code detect_noop}).
 */
public final class LinkDocuments {

  private LinkDocuments() {}

  /** The document id: the publication key, the same as the patent's document. */
  public static String id(DocumentLinks links) {
    return links.publicationKey;
  }

  /** The mapper to hand to {@link io.patent2tech.connectors.elasticsearch.sink.ElasticsearchBulkSink.Builder#mapper}. */
  public static DocumentMapper<DocumentLinks> mapper() {
    return links -> new ElasticsearchDocument(id(links), document(links));
  }

  public static Map<String, Object> document(DocumentLinks links) {
    Map<String, Object> doc = new LinkedHashMap<>();
    // the same value landing writes: a document the links create is findable by key at once
    doc.put("publication_key", links.publicationKey);
    doc.put("family_members", List.of(links.familyMembers));
    doc.put("application_members", List.of(links.applicationMembers));
    doc.put("near_duplicates", List.of(links.nearDuplicates));
    doc.put("family_representative", links.familyRepresentative());
    return doc;
  }
}
