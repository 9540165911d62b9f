package io.patent2tech.connectors.elasticsearch.document;

import java.util.Map;
import java.util.Objects;

/**
 * One document for the bulk sink: its {@code _id} and the fields to merge into the stored document.
 * Fields not named here are left as they are, so other jobs can add their own fields.
 */
public record ElasticsearchDocument(String id, Map<String, Object> fields) {

  public ElasticsearchDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(fields, "fields");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("document id must not be empty");
    }
  }

  /**
   * Puts {@code value} under {@code field} unless it is null: a field the record does not know is
   * left out, not written as null (a strict mapping takes both; a missing field is what aggregations
   * skip).
   */
  public static void putPresent(Map<String, Object> fields, String field, Object value) {
    if (value != null) {
      fields.put(field, value);
    }
  }
}
