package io.patent2tech.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.schema.TopicCodec;

class DecodeTopicValuesTest {

  @Test
  void decodesPatentsAndDeadLettersEverythingElse() throws Exception {
    Patent patent = Patent.newBuilder()
        .setPublicationKey("US-8930553-B2")
        .setPublication(DocumentId.newBuilder().setCountry("US").setNumber("8930553").setKind("B2").build())
        .setSource(Source.newBuilder().setOffice("USPTO").setFile("f.xml").setPosition(0).build())
        .setContentHash("h")
        .setIngestTime(1L)
        .build();
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
    try (var harness = new OneInputStreamOperatorTestHarness<>(
        new ProcessOperator<>(new DecodeTopicValues<>(Patent.class, TopicCodec::patents, "landing-decode", null)))) {
      harness.open();
      harness.processElement(new TopicRecord("t", 0, 5, null, TopicCodec.patents().encode(patent)), 1);
      harness.processElement(new TopicRecord("t", 1, 7, null, garbage), 2);
      harness.processElement(new TopicRecord("t", 2, 9, null, null), 3);

      assertThat(harness.extractOutputValues()).containsExactly(patent);
      var deadLetters = harness.getSideOutput(DecodeTopicValues.DEAD_LETTERS);
      assertThat(deadLetters).hasSize(2);
      DeadLetter first = deadLetters.poll().getValue();
      assertThat(first.getRawPointer()).isEqualTo("t/1@7");
      assertThat(first.getStage()).isEqualTo("landing-decode");
      assertThat(first.getReason()).startsWith("cannot decode value");
      assertThat(first.getRaw().array()).isEqualTo(garbage);
      assertThat(deadLetters.poll().getValue().getReason()).contains("tombstone");
    }
  }
}
