package io.patent2tech.connectors.elasticsearch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkWriterStateSerializerTest {

  private final BulkWriterStateSerializer serializer = new BulkWriterStateSerializer();

  @Test
  void documentsComeBackInTheirOrderWithTheirBytes() throws IOException {
    BulkWriterState state = new BulkWriterState(List.of(
        document("US-8930553-B2", "{\"title\":\"Managing mid-dialog SIP messages\"}"),
        document("KR-1020150012345-A", "{\"title\":\"무선 통신\"}"),
        document("US-8930553-B2", "{\"version\":2}")));

    BulkWriterState back = serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

    assertThat(back.documents()).extracting(BulkWriterState.Document::id)
        .containsExactly("US-8930553-B2", "KR-1020150012345-A", "US-8930553-B2");
    assertThat(back.documents()).extracting(document -> new String(document.json(), StandardCharsets.UTF_8))
        .containsExactly("{\"title\":\"Managing mid-dialog SIP messages\"}", "{\"title\":\"무선 통신\"}",
            "{\"version\":2}");
  }

  @Test
  void anEmptyStateStaysEmpty() throws IOException {
    assertThat(serializer.deserialize(1, serializer.serialize(new BulkWriterState(List.of()))).documents())
        .isEmpty();
  }

  @Test
  void refusesAVersionItDoesNotKnowAndTrailingBytes() throws IOException {
    byte[] bytes = serializer.serialize(new BulkWriterState(List.of(document("US-1-B1", "{}"))));

    assertThatThrownBy(() -> serializer.deserialize(2, bytes))
        .isInstanceOf(IOException.class)
        .hasMessage("Unknown Elasticsearch bulk writer state version 2 (this build reads version 1)");
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 3);
    assertThatThrownBy(() -> serializer.deserialize(1, longer))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("3 bytes after its 1 documents");
  }

  private static BulkWriterState.Document document(String id, String json) {
    return new BulkWriterState.Document(id, json.getBytes(StandardCharsets.UTF_8));
  }
}
