package io.patent2tech.connectors.elasticsearch.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.patent2tech.connectors.elasticsearch.index.AliasedIndex;
import io.patent2tech.connectors.kafka.DeadLetterEntry;
import io.patent2tech.connectors.kafka.DecodeDeadLetters;
import io.patent2tech.connectors.postgres.CollectionRunRow;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.udfs.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dead-letter and collection-run documents hold the fields of their index templates, and no raw bytes. */
class DeadLetterDocumentsTest {

  @Test
  void deadLetterFieldsAreThoseOfTheTemplateWithoutTheReplayMark() {
    List<String> template = fields(AliasedIndex.template(AliasedIndex.DEAD_LETTERS_TEMPLATE, "dead-letters"));
    List<String> written = new ArrayList<>(DeadLetterDocuments.FIELDS);
    written.add(DeadLetterDocuments.REPLAYED_AT);
    assertThat(written).containsExactlyInAnyOrderElementsOf(template);
  }

  @Test
  void aDocumentPointsAtItsRecordAndCarriesNoRawBytes() {
    byte[] raw = "<us-patent-grant>broken".getBytes(StandardCharsets.UTF_8);
    DeadLetter d = DeadLetters.builder("uspto", "parse").reason("unexpected end of file").time(1000L)
        .raw(raw, 1 << 20).build();
    DeadLetterEntry entry = DecodeDeadLetters.entry(d, "patents.dlq", 0, 42);
    ElasticsearchDocument doc = DeadLetterDocuments.mapper().map(entry);

    assertThat(doc.id()).isEqualTo("patents.dlq-0-42");
    Map<String, Object> fields = doc.fields();
    assertThat(fields).containsEntry("raw_carried", true).containsEntry("raw_size", (long) raw.length)
        .containsEntry("dlq_topic", "patents.dlq").containsEntry("dlq_partition", 0)
        .containsEntry("dlq_offset", 42L).containsEntry("stage", "parse").containsEntry("time", 1000L);
    assertThat(fields).doesNotContainKeys("raw", "raw_pointer", "publication_key", DeadLetterDocuments.REPLAYED_AT);
    assertThat(DeadLetterDocuments.FIELDS).containsAll(fields.keySet());
  }

  @Test
  void collectionRunFieldsAreThoseOfTheTemplate() {
    List<String> template = fields(AliasedIndex.template(AliasedIndex.COLLECTION_RUNS_TEMPLATE, "collection-runs"));
    assertThat(CollectionRunDocuments.FIELDS).containsExactlyInAnyOrderElementsOf(template);
    CollectionRunRow row = new CollectionRunRow();
    row.runId = "EPO-2024-05-07-2024-05-07-1";
    row.office = "EPO";
    row.status = "finished";
    row.startedAt = 10;
    row.finishedAt = 20;
    ElasticsearchDocument doc = CollectionRunDocuments.mapper().map(row);
    assertThat(doc.id()).isEqualTo(row.runId);
    assertThat(CollectionRunDocuments.FIELDS).containsAll(doc.fields().keySet());
    assertThat(doc.fields()).containsEntry("updated_at", 20L);
  }

  private static List<String> fields(JsonNode template) {
    List<String> names = new ArrayList<>();
    template.at("/template/mappings/properties").fieldNames().forEachRemaining(names::add);
    return names;
  }
}
