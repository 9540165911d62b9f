package io.patent2tech.connectors.elasticsearch.document;

import io.patent2tech.udfs.models3d.ModelSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Elasticsearch view of a publication's 3D models (topic patents.models3d): the partial
 * document the landing job merges into the patent's document (same {@code _id}). Field list and
 * mapping: infra/elasticsearch/templates/patents-template.json.
 *
 * <ul>
 *   <li>{@code has_model}: a set was made into a model; {@code model_status}: made, else failed
 *       when a set failed, else not-made;
 *   <li>{@code model_figure_set}, {@code model_method} (visual-hull, extrusion-2.5d),
 *       {@code model_device} (cpu, cuda:...), {@code model_preview} (the PNG's path relative to the
 *       models directory) of the first made set; absent without one;
 *   <li>{@code model_not_made_reasons}: why the publication's other sets were not made.
 * </ul>
 *
 * <p>Absent on documents whose drawings were never looked at, so "not analysed" and "analysed, no
 * model" stay apart. Why one summary of all sets, and why whole values: see
 * {@link io.patent2tech.udfs.models3d.PatentModels}. A document that has not landed yet is created
 * with these fields only ({@code doc_as_upsert}), as for the links.
 */
public final class ModelDocuments {

  private ModelDocuments() {}

  /** The mapper to hand to {@link io.patent2tech.connectors.elasticsearch.sink.ElasticsearchBulkSink.Builder#mapper}. */
  public static DocumentMapper<ModelSummary> mapper() {
    return summary -> new ElasticsearchDocument(summary.publicationKey, document(summary));
  }

  public static Map<String, Object> document(ModelSummary summary) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("publication_key", summary.publicationKey);
    doc.put("has_model", summary.hasModel);
    doc.put("model_status", summary.status);
    // nulls too: a set made again on another device or with another method replaces the old values
    doc.put("model_figure_set", summary.figureSet);
    doc.put("model_method", summary.method);
    doc.put("model_device", summary.device);
    doc.put("model_preview", summary.preview);
    doc.put("model_not_made_reasons", List.of(summary.reasons));
    return doc;
  }
}
