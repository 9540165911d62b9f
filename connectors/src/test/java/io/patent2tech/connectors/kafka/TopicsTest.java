package io.patent2tech.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void theJarCarriesTheRegistryTheStackScriptReads() throws Exception {
    Path registry = Path.of(System.getProperty("p2t.repo"), "infra", "kafka", "topics.txt");
    assertThat(Topics.registry()).isEqualTo(Topics.parseRegistry(Files.readAllLines(registry)));
    assertThat(Topics.registry()).containsOnlyKeys(
        Topics.NORMALIZED, Topics.DLQ, Topics.ENRICHED, Topics.LINKS, Topics.DRAWINGS, Topics.MODELS3D);
  }

  @Test
  void partitionsOfARegistryTopic() {
    assertThat(Topics.partitions(Topics.NORMALIZED)).isEqualTo(Topics.registry().get(Topics.NORMALIZED).partitions())
        .isPositive();
    assertThatThrownBy(() -> Topics.partitions("no.such.topic"))
        .hasMessageContaining("no topic no.such.topic in infra/kafka/topics.txt");
  }

  @Test
  void compactedWhereATopicHoldsTheLatestStatePerKey() {
    for (String latestState : List.of(Topics.ENRICHED, Topics.LINKS, Topics.DRAWINGS, Topics.MODELS3D)) {
      assertThat(Topics.spec(latestState).configs()).as(latestState).containsEntry("cleanup.policy", "compact");
    }
    for (String log : List.of(Topics.NORMALIZED, Topics.DLQ)) {
      assertThat(Topics.spec(log).configs()).as(log).containsEntry("cleanup.policy", "delete")
          .containsKey("retention.ms");
    }
  }

  @Test
  void everyTopicIsWrittenInTheConfluentWireFormatAndEachRecordTypeHasItsTopic() {
    for (String topic : Topics.registry().keySet()) {
      assertThat(Topics.encoding(topic)).as(topic).isEqualTo(io.patent2tech.schema.ValueEncoding.CONFLUENT);
    }
    assertThat(Topics.topicOfValue(io.patent2tech.schema.Patent.getClassSchema())).isEqualTo(Topics.NORMALIZED);
    assertThat(Topics.topicOfValue(io.patent2tech.schema.DeadLetter.getClassSchema())).isEqualTo(Topics.DLQ);
    assertThat(Topics.topicOfValue(io.patent2tech.schema.Model3d.getClassSchema())).isEqualTo(Topics.MODELS3D);
  }

  @Test
  void theEncodingColumnIsNotATopicConfig() {
    assertThat(Topics.parseRegistry(List.of("a 1 encoding=confluent cleanup.policy=compact")))
        .containsExactly(Map.entry("a", new Topics.Spec(1, io.patent2tech.schema.ValueEncoding.CONFLUENT,
            Map.of("cleanup.policy", "compact"))));
    assertThatThrownBy(() -> Topics.parseRegistry(List.of("a 1 encoding=json")))
        .hasMessageContaining("unknown value encoding 'json'");
  }

  @Test
  void aConfluentWriterNeedsTheRegistry() {
    assertThatThrownBy(() -> Topics.writerCodec(io.patent2tech.schema.TopicCodec.links(), "my.links", null))
        .hasMessageContaining("set registry.url");
  }

  @Test
  void parsesNamesCountsAndConfigsAndSkipsComments() {
    assertThat(Topics.parseRegistry(List.of("# comment", "", "a.b  3", "c 1  cleanup.policy=compact retention.ms=-1")))
        .containsExactly(Map.entry("a.b", new Topics.Spec(3, Map.of())),
            Map.entry("c", new Topics.Spec(1, Map.of("cleanup.policy", "compact", "retention.ms", "-1"))));
    assertThatThrownBy(() -> Topics.parseRegistry(List.of("c 1 trailing words")))
        .hasMessageContaining("'trailing' is not a topic config (key=value)");
    assertThatThrownBy(() -> Topics.parseRegistry(List.of("a.b")))
        .hasMessageContaining("'a.b' needs a name and a partition count");
    assertThatThrownBy(() -> Topics.parseRegistry(List.of("a.b 0")))
        .hasMessageContaining("partition count");
  }
}
