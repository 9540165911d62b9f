package io.patent2tech.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.patent2tech.connectors.kafka.Topics;

/**
 * The settings of infra/kafka/topics.txt on the local stack's Kafka: a topic the jobs create under
 * their own name gets those of the registry topic it stands for, and of an existing topic only
 * retention.ms is brought back in line.
 */
class TopicSettingsIT {

  private static final String RUN = LocalStack.runName("topicsettings");
  private static final String ENRICHED = RUN + ".enriched";
  private static final String NORMALIZED = RUN + ".normalized";

  @AfterAll
  static void removeTopics() throws Exception {
    LocalStack.deleteTopicsIfPresent(List.of(ENRICHED, NORMALIZED));
  }

  @Test
  void aCreatedTopicHasTheSettingsOfTheTopicItStandsFor() throws Exception {
    Topics.ensureAs(LocalStack.KAFKA, Map.of(ENRICHED, Topics.ENRICHED, NORMALIZED, Topics.NORMALIZED));

    assertThat(configs(ENRICHED)).containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "-1");
    assertThat(configs(NORMALIZED)).containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", Topics.spec(Topics.NORMALIZED).configs().get("retention.ms"));
  }

  @Test
  void ofAnExistingTopicOnlyRetentionIsBroughtInLine() throws Exception {
    String topic = RUN + ".existing";
    try {
      Topics.ensure(LocalStack.KAFKA, Map.of(topic, 1)); // plain: the broker's defaults
      alter(topic, Map.of("retention.ms", "1000", "cleanup.policy", "delete"));

      Topics.ensureAs(LocalStack.KAFKA, Map.of(topic, Topics.ENRICHED));

      assertThat(configs(topic)).containsEntry("retention.ms", "-1").containsEntry("cleanup.policy", "delete");
    } finally {
      LocalStack.deleteTopicsIfPresent(List.of(topic));
    }
  }

  private static Map<String, String> configs(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try (Admin admin = admin()) {
      Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      return Map.of("cleanup.policy", config.get("cleanup.policy").value(),
          "retention.ms", config.get("retention.ms").value());
    }
  }

  private static void alter(String topic, Map<String, String> settings) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    List<AlterConfigOp> ops = settings.entrySet().stream()
        .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET)).toList();
    try (Admin admin = admin()) {
      admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get();
    }
  }

  private static Admin admin() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA);
    return Admin.create(props);
  }
}
