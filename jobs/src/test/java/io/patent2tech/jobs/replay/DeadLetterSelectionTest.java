package io.patent2tech.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The replay's options as one query over the dead-letters index. */
class DeadLetterSelectionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyGivenCriterionIsAFilterAndTheTopicAlwaysIs() throws Exception {
    DeadLetterSelection selection = new DeadLetterSelection("patents.dlq", "parse", "unexpected end", "uspto",
        DeadLetterSelection.parseSince("2026-12-01"), "US-8930553-B2", DeadLetterSelection.parseOffsets("0:17, 1:5"));
    JsonNode query = JSON.readTree(selection.query(10));

    assertThat(query.get("size").asInt()).isEqualTo(10);
    JsonNode filter = query.at("/query/bool/filter");
    assertThat(filter.toString())
        .contains("{\"term\":{\"dlq_topic\":\"patents.dlq\"}}", "{\"term\":{\"stage\":\"parse\"}}",
            "{\"term\":{\"source\":\"uspto\"}}", "{\"term\":{\"publication_key\":\"US-8930553-B2\"}}",
            "{\"match_phrase\":{\"reason\":\"unexpected end\"}}", "{\"range\":{\"time\":{\"gte\":1796083200000}}}",
            "{\"term\":{\"dlq_partition\":1}},{\"term\":{\"dlq_offset\":5}}");
    assertThat(filter).hasSize(7);
  }

  @Test
  void withoutCriteriaOnlyTheTopicIsFiltered() throws Exception {
    JsonNode filter = JSON.readTree(new DeadLetterSelection("t", null, null, null, null, null, List.of())
        .query(1000)).at("/query/bool/filter");
    assertThat(filter).hasSize(1);
  }

  @Test
  void badOffsetsAndTimesAreRefusedWithTheExpectedForm() {
    assertThatThrownBy(() -> DeadLetterSelection.parseOffsets("0-17"))
        .hasMessageContaining("PARTITION:OFFSET");
    assertThatThrownBy(() -> DeadLetterSelection.parseSince("yesterday")).hasMessageContaining("--since");
    assertThat(DeadLetterSelection.parseSince("2026-12-01T10:00:00Z")).isEqualTo(1796119200000L);
  }
}
