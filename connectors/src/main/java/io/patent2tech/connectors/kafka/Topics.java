package io.patent2tech.connectors.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The topics of docs/design.md section 8, and their creation where a cluster does not have them yet. */
public final class Topics {

  public static final String NORMALIZED = "patents.normalized";
  public static final String ENRICHED = "patents.enriched";
  public static final String DRAWINGS = "patents.drawings";
  public static final String MODELS3D = "patents.models3d";
  public static final String DLQ = "patents.dlq";

  private static final Logger LOG = LoggerFactory.getLogger(Topics.class);

  private Topics() {}

  /**
   * Creates each topic that does not exist yet (partitions as given, replication factor of the
   * broker default); existing topics are left as they are. Idempotent.
   */
  public static void ensure(String bootstrapServers, Map<String, Integer> partitionsByTopic) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      partitionsByTopic.forEach((topic, partitions) -> {
        if (!existing.contains(topic)) {
          missing.add(new NewTopic(topic, java.util.Optional.of(partitions), java.util.Optional.empty()));
        }
      });
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e; // another client creating the same topic at the same time is fine
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics " + partitionsByTopic.keySet()
          + " on Kafka at " + bootstrapServers + ": " + e.getMessage(), e);
    }
  }
}
