package io.patent2tech.connectors.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void writesUnionsAsPlainValuesAndKeepsNulls() throws Exception {
    JsonNode json = JSON.readTree(AvroJson.toJson(SamplePatents.sipGrant()));

    assertThat(json.get("publication_key").textValue()).isEqualTo("US-8930553-B2");
    assertThat(json.at("/publication/kind").textValue()).isEqualTo("B2");
    assertThat(json.at("/publication/date").textValue()).isEqualTo("2015-01-06");
    assertThat(json.at("/application/number").textValue()).isEqualTo("13648029");
    assertThat(json.at("/application/kind").isNull()).isTrue();
    assertThat(json.has("family_id")).isTrue();
    assertThat(json.get("family_id").isNull()).isTrue();
    assertThat(json.get("ingest_time").isIntegralNumber()).isTrue();
    assertThat(json.get("ingest_time").longValue()).isEqualTo(SamplePatents.INGEST_TIME);
  }

  @Test
  void writesNestedArraysInOrder() throws Exception {
    JsonNode json = JSON.readTree(AvroJson.toJson(SamplePatents.sipGrant()));

    assertThat(json.get("claims")).hasSize(8);
    assertThat(json.at("/claims/4/number").intValue()).isEqualTo(5);
    assertThat(json.at("/claims/4/independent").booleanValue()).isFalse();
    assertThat(json.at("/claims/4/depends_on/0").intValue()).isEqualTo(4);
    assertThat(json.at("/claims/7/depends_on")).isEmpty();
    assertThat(json.at("/citations/2/document").isNull()).isTrue();
    assertThat(json.at("/citations/2/type").textValue()).isEqualTo("npl");
    assertThat(json.at("/figures/1/figure_numbers/0").textValue()).isEqualTo("2A");
    assertThat(json.at("/classifications/1/inventive").isNull()).isTrue();
  }

  @Test
  void writesEveryFieldOfTheSchema() {
    Patent patent = SamplePatents.cheeseDesign();
    List<String> names = new ArrayList<>();
    AvroJson.toTree(patent).fieldNames().forEachRemaining(names::add);

    assertThat(names).containsExactlyElementsOf(
        patent.getSchema().getFields().stream().map(Schema.Field::name).toList());
  }

  @Test
  void writesBytesAsBase64WithoutMovingTheBuffer() throws Exception {
    ByteBuffer raw = ByteBuffer.wrap("<us-patent-grant>\u00e9".getBytes(StandardCharsets.UTF_8));
    DeadLetter deadLetter = DeadLetter.newBuilder()
        .setSource("uspto")
        .setStage("parse")
        .setReason("unexpected end of file")
        .setRaw(raw)
        .setRawSize(19L)
        .setTime(0L)
        .build();

    JsonNode json = JSON.readTree(AvroJson.toJson(deadLetter));

    assertThat(json.get("raw").textValue()).isEqualTo("PHVzLXBhdGVudC1ncmFudD7DqQ==");
    assertThat(json.get("raw_pointer").isNull()).isTrue();
    assertThat(raw.remaining()).isEqualTo(19);
  }

  @Test
  void writesOneLine() {
    String json = AvroJson.toJson(SamplePatents.sipGrant());

    assertThat(json).doesNotContain("\n").startsWith("{\"publication_key\":\"US-8930553-B2\",");
  }
}
