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
    assertThat(Topics.partitions(Topics.NORMALIZED)).isEqualTo(Topics.registry().get(Topics.NORMALIZED))
        .isPositive();
    assertThatThrownBy(() -> Topics.partitions("no.such.topic"))
        .hasMessageContaining("no topic no.such.topic in infra/kafka/topics.txt");
  }

  @Test
  void parsesNamesAndCountsAndSkipsComments() {
    assertThat(Topics.parseRegistry(List.of("# comment", "", "a.b  3", "c 1 trailing words")))
        .containsExactly(Map.entry("a.b", 3), Map.entry("c", 1));
    assertThatThrownBy(() -> Topics.parseRegistry(List.of("a.b")))
        .hasMessageContaining("'a.b' needs a name and a partition count");
    assertThatThrownBy(() -> Topics.parseRegistry(List.of("a.b 0")))
        .hasMessageContaining("partition count");
  }
}
