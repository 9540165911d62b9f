package io.patent2tech.connectors.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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

/**
 * The topics of docs/design.md section 8 and their partition counts, and their creation where a
 * cluster does not have them yet. The counts are declared once, in {@code infra/kafka/topics.txt}
 * (the jar carries a copy): {@code scripts/stack} creates the topics from it, and jobs create a topic
 * they write under another name ({@code --topic.normalized my.topic}) with the partitions of the
 * topic it stands for.
 */
public final class Topics {

  public static final String NORMALIZED = "patents.normalized";
  public static final String ENRICHED = "patents.enriched";
  public static final String LINKS = "patents.links";
  public static final String DRAWINGS = "patents.drawings";
  public static final String MODELS3D = "patents.models3d";
  public static final String DLQ = "patents.dlq";

  private static final Logger LOG = LoggerFactory.getLogger(Topics.class);

  /** Partitions by topic name, in the order of topics.txt. */
  private static final Map<String, Integer> PARTITIONS = readRegistry();

  private Topics() {}

  /** The partition count the registry gives {@code topic}, one of the constants above. */
  public static int partitions(String topic) {
    Integer partitions = PARTITIONS.get(topic);
    if (partitions == null) {
      throw new IllegalArgumentException("no topic " + topic + " in infra/kafka/topics.txt; known: "
          + PARTITIONS.keySet());
    }
    return partitions;
  }

  /** Every topic of the registry with its partitions, in its order. */
  public static Map<String, Integer> registry() {
    return PARTITIONS;
  }

  /**
   * Creates each topic that does not exist yet with the partitions of the registry topic it stands
   * for: {@code Map.of("my.normalized", Topics.NORMALIZED)}. Existing topics are left as they are.
   */
  public static void ensureAs(String bootstrapServers, Map<String, String> registryTopicByName) {
    ensureAs(KafkaClientSettings.plaintext(bootstrapServers), registryTopicByName);
  }

  /** {@link #ensureAs(String, Map)} with the client's security. */
  public static void ensureAs(KafkaClientSettings kafka, Map<String, String> registryTopicByName) {
    Map<String, Integer> partitions = new LinkedHashMap<>();
    registryTopicByName.forEach((name, registryTopic) -> partitions.put(name, partitions(registryTopic)));
    ensure(kafka, partitions);
  }

  /** "name partitions" lines; # comments and blank lines are skipped (the stack script reads the same). */
  static Map<String, Integer> parseRegistry(List<String> lines) {
    Map<String, Integer> partitions = new LinkedHashMap<>();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] fields = trimmed.split("\\s+");
      if (fields.length < 2 || !fields[1].matches("[1-9][0-9]*")) {
        throw new IllegalStateException("topics.txt: '" + trimmed + "' needs a name and a partition count");
      }
      partitions.put(fields[0], Integer.parseInt(fields[1]));
    }
    return Collections.unmodifiableMap(partitions);
  }

  private static Map<String, Integer> readRegistry() {
    try (InputStream in = Topics.class.getResourceAsStream("topics.txt")) {
      if (in == null) {
        throw new IllegalStateException("topics.txt is not on the class path next to " + Topics.class.getName());
      }
      return parseRegistry(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates each topic that does not exist yet (partitions as given, replication factor of the
   * broker default); existing topics are left as they are. Idempotent.
   */
  public static void ensure(String bootstrapServers, Map<String, Integer> partitionsByTopic) {
    ensure(KafkaClientSettings.plaintext(bootstrapServers), partitionsByTopic);
  }

  /** {@link #ensure(String, Map)} with the client's security. */
  public static void ensure(KafkaClientSettings kafka, Map<String, Integer> partitionsByTopic) {
    Properties props = kafka.properties();
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
          + " on Kafka at " + kafka.bootstrapServers() + ": " + e.getMessage(), e);
    }
  }
}
