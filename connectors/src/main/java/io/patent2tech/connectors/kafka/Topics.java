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

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
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

import io.patent2tech.schema.ConfluentSchemaRegistry;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.EnrichedPatent;
import io.patent2tech.schema.Model3d;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentDrawings;
import io.patent2tech.schema.PatentLink;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.schema.ValueEncoding;

/**
 * The topics of docs/design.md section 8, their partition counts, the encoding of their values
 * ({@link ValueEncoding}: what the jobs write; they read both) and settings (Kafka topic
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

  /** A registry line: partitions, the values' encoding and topic configs. */
  public record Spec(int partitions, ValueEncoding encoding, Map<String, String> configs) {
    public Spec {
      configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
    }

    /** A line without encoding=: the values are single-object encoded, as before the column existed. */
    public Spec(int partitions, Map<String, String> configs) {
      this(partitions, ValueEncoding.SINGLE_OBJECT, configs);
    }
  }

  /** The column of topics.txt that is not a Kafka topic config. */
  static final String ENCODING_COLUMN = "encoding";

  /**
   * Each topic carries one record type, so a writer knows the registry topic it stands for from its
   * values' type, also under a run's own topic name.
   */
  private static final Map<String, String> TOPIC_BY_VALUE_TYPE = Map.of(
      Patent.getClassSchema().getFullName(), NORMALIZED,
      DeadLetter.getClassSchema().getFullName(), DLQ,
      EnrichedPatent.getClassSchema().getFullName(), ENRICHED,
      PatentLink.getClassSchema().getFullName(), LINKS,
      PatentDrawings.getClassSchema().getFullName(), DRAWINGS,
      Model3d.getClassSchema().getFullName(), MODELS3D);

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

  /** The encoding topics.txt gives {@code topic}'s values, one of the constants above. */
  public static ValueEncoding encoding(String topic) {
    return spec(topic).encoding();
  }

  /** The registry topic that carries records of {@code valueSchema}'s type. */
  public static String topicOfValue(Schema valueSchema) {
    String topic = TOPIC_BY_VALUE_TYPE.get(valueSchema.getFullName());
    if (topic == null) {
      throw new IllegalArgumentException("no topic carries " + valueSchema.getFullName());
    }
    return topic;
  }

  /**
   * The codec a writer of {@code topic} (the name it writes to, maybe a run's own) uses: the
   * encoding topics.txt gives the registry topic of the codec's record type; for confluent, the
   * schema is registered under {@code <topic>-value} now, so a missing registry or a refused schema
   * stops the writer before its first record.
   *
   * @param registryUrl the registry's Confluent-compatible API (registry.url); needed for confluent
   */
  public static <T extends SpecificRecord> TopicCodec<T> writerCodec(TopicCodec<T> codec, String topic,
      String registryUrl) {
    String registryTopic = topicOfValue(codec.schema());
    if (encoding(registryTopic) != ValueEncoding.CONFLUENT) {
      return readerCodec(codec, registryUrl);
    }
    if (registryUrl == null || registryUrl.isBlank()) {
      throw new IllegalStateException("topic " + topic + " is written in the Confluent wire format ("
          + registryTopic + " in infra/kafka/topics.txt), which needs the schema registry: set registry.url");
    }
    TopicCodec<T> writer = codec.writingConfluent(topic, ConfluentSchemaRegistry.at(registryUrl));
    try {
      writer.register();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot register the schema of " + topic + "'s values: " + e.getMessage(), e);
    }
    return writer;
  }

  /**
   * The codec a reader uses: both encodings, Confluent-framed values' writer schemas looked up in
   * the registry at {@code registryUrl} (none given: such values are refused with a clear message).
   */
  public static <T extends SpecificRecord> TopicCodec<T> readerCodec(TopicCodec<T> codec, String registryUrl) {
    return registryUrl == null || registryUrl.isBlank() ? codec
        : codec.withRegistry(ConfluentSchemaRegistry.at(registryUrl));
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
      ValueEncoding encoding = ValueEncoding.SINGLE_OBJECT;
      for (int i = 2; i < fields.length; i++) {
        int eq = fields[i].indexOf('=');
        if (eq <= 0 || eq == fields[i].length() - 1) {
          throw new IllegalStateException("topics.txt: '" + trimmed + "': '" + fields[i]
              + "' is not a topic config (key=value)");
        }
        String key = fields[i].substring(0, eq);
        String value = fields[i].substring(eq + 1);
        if (key.equals(ENCODING_COLUMN)) {
          try {
            encoding = ValueEncoding.of(value);
          } catch (IllegalArgumentException e) {
            throw new IllegalStateException("topics.txt: '" + trimmed + "': " + e.getMessage(), e);
          }
        } else {
          configs.put(key, value);
        }
      }
      registry.put(fields[0], new Spec(Integer.parseInt(fields[1]), encoding, configs));
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
