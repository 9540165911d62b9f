package io.patent2tech.connectors.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics of docs/design.md section 8, their partition counts and settings (Kafka topic
 * configs such as cleanup.policy and retention.ms), and their creation where a cluster does not have
 * them yet. Declared once, in {@code infra/kafka/topics.txt} (the jar carries a copy):
 * {@code scripts/stack} creates the topics from it, and jobs create a topic they write under another
 * name ({@code --topic.normalized my.topic}) with the partitions and settings of the topic it stands
 * for.
 */
public final class Topics {

  public static final String NORMALIZED = "patents.normalized";
  public static final String ENRICHED = "patents.enriched";
  public static final String LINKS = "patents.links";
  public static final String DRAWINGS = "patents.drawings";
  public static final String MODELS3D = "patents.models3d";
  public static final String DLQ = "patents.dlq";

  /**
   * The one setting brought in line on a topic that exists already: it only changes how long
   * records are kept. A different cleanup.policy is reported instead (see topics.txt).
   */
  static final String ALTERED_ON_EXISTING = TopicConfig.RETENTION_MS_CONFIG;

  /** A registry line: partitions and topic configs. */
  public record Spec(int partitions, Map<String, String> configs) {
    public Spec {
      configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(Topics.class);

  /** Partitions and settings by topic name, in the order of topics.txt. */
  private static final Map<String, Spec> REGISTRY = readRegistry();

  private Topics() {}

  /** The partition count the registry gives {@code topic}, one of the constants above. */
  public static int partitions(String topic) {
    return spec(topic).partitions();
  }

  /** The registry's line for {@code topic}, one of the constants above. */
  public static Spec spec(String topic) {
    Spec spec = REGISTRY.get(topic);
    if (spec == null) {
      throw new IllegalArgumentException("no topic " + topic + " in infra/kafka/topics.txt; known: "
          + REGISTRY.keySet());
    }
    return spec;
  }

  /** Every topic of the registry with its partitions and settings, in its order. */
  public static Map<String, Spec> registry() {
    return REGISTRY;
  }

  /**
   * Creates each topic that does not exist yet with the partitions and settings of the registry
   * topic it stands for: {@code Map.of("my.normalized", Topics.NORMALIZED)}. Of existing topics
   * only {@value #ALTERED_ON_EXISTING} is brought in line; a different cleanup.policy is logged.
   */
  public static void ensureAs(String bootstrapServers, Map<String, String> registryTopicByName) {
    ensureAs(KafkaClientSettings.plaintext(bootstrapServers), registryTopicByName);
  }

  /** {@link #ensureAs(String, Map)} with the client's security. */
  public static void ensureAs(KafkaClientSettings kafka, Map<String, String> registryTopicByName) {
    Map<String, Spec> specs = new LinkedHashMap<>();
    registryTopicByName.forEach((name, registryTopic) -> specs.put(name, spec(registryTopic)));
    ensureSpecs(kafka, specs);
  }

  /**
   * "name partitions key=value..." lines; # comments and blank lines are skipped (the stack script
   * reads the same).
   */
  static Map<String, Spec> parseRegistry(List<String> lines) {
    Map<String, Spec> registry = new LinkedHashMap<>();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] fields = trimmed.split("\\s+");
      if (fields.length < 2 || !fields[1].matches("[1-9][0-9]*")) {
        throw new IllegalStateException("topics.txt: '" + trimmed + "' needs a name and a partition count");
      }
      Map<String, String> configs = new LinkedHashMap<>();
      for (int i = 2; i < fields.length; i++) {
        int eq = fields[i].indexOf('=');
        if (eq <= 0 || eq == fields[i].length() - 1) {
          throw new IllegalStateException("topics.txt: '" + trimmed + "': '" + fields[i]
              + "' is not a topic config (key=value)");
        }
        configs.put(fields[i].substring(0, eq), fields[i].substring(eq + 1));
      }
      registry.put(fields[0], new Spec(Integer.parseInt(fields[1]), configs));
    }
    return Collections.unmodifiableMap(registry);
  }

  private static Map<String, Spec> readRegistry() {
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
   * Creates each topic that does not exist yet (partitions as given, no settings beyond the broker's
   * defaults, replication factor of the broker default); existing topics are left as they are.
   * Idempotent.
   */
  public static void ensure(String bootstrapServers, Map<String, Integer> partitionsByTopic) {
    ensure(KafkaClientSettings.plaintext(bootstrapServers), partitionsByTopic);
  }

  /** {@link #ensure(String, Map)} with the client's security. */
  public static void ensure(KafkaClientSettings kafka, Map<String, Integer> partitionsByTopic) {
    Map<String, Spec> specs = new LinkedHashMap<>();
    partitionsByTopic.forEach((topic, partitions) -> specs.put(topic, new Spec(partitions, Map.of())));
    ensureSpecs(kafka, specs);
  }

  private static void ensureSpecs(KafkaClientSettings kafka, Map<String, Spec> specs) {
    Properties props = kafka.properties();
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      Map<String, Spec> present = new LinkedHashMap<>();
      specs.forEach((topic, spec) -> {
        if (existing.contains(topic)) {
          present.put(topic, spec);
        } else {
          missing.add(new NewTopic(topic, Optional.of(spec.partitions()), Optional.empty())
              .configs(spec.configs()));
        }
      });
      alignExisting(admin, present);
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
      throw new IllegalStateException("cannot create topics " + specs.keySet()
          + " on Kafka at " + kafka.bootstrapServers() + ": " + e.getMessage(), e);
    }
  }

  /** Sets {@value #ALTERED_ON_EXISTING} where it differs; reports any other declared setting that differs. */
  private static void alignExisting(Admin admin, Map<String, Spec> present)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<ConfigResource, Spec> declared = new LinkedHashMap<>();
    present.forEach((topic, spec) -> {
      if (!spec.configs().isEmpty()) {
        declared.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), spec);
      }
    });
    if (declared.isEmpty()) {
      return;
    }
    Map<ConfigResource, Config> actual = admin.describeConfigs(declared.keySet()).all().get(30, TimeUnit.SECONDS);
    Map<ConfigResource, Collection<AlterConfigOp>> alter = new LinkedHashMap<>();
    declared.forEach((resource, spec) -> spec.configs().forEach((key, value) -> {
      ConfigEntry entry = actual.get(resource).get(key);
      String current = entry == null ? null : entry.value();
      if (value.equals(current)) {
        return;
      }
      if (key.equals(ALTERED_ON_EXISTING)) {
        alter.computeIfAbsent(resource, r -> new ArrayList<>())
            .add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
      } else {
        LOG.warn("topic {} has {}={}, infra/kafka/topics.txt declares {}; left as it is (docs/subscribing.md)",
            resource.name(), key, current, value);
      }
    }));
    if (!alter.isEmpty()) {
      admin.incrementalAlterConfigs(alter).all().get(30, TimeUnit.SECONDS);
      LOG.info("set {} of existing topics {}", ALTERED_ON_EXISTING,
          alter.keySet().stream().map(ConfigResource::name).toList());
    }
  }
}
