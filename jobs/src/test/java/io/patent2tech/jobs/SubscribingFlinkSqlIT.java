package io.patent2tech.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.patent2tech.connectors.kafka.AvroValueSerializer;
import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.schema.PatentLink;
import io.patent2tech.schema.TopicCodec;

/**
 * docs/subscribing.md's Flink SQL subscriber: a Kafka table in the {@code avro-confluent} format
 * over a links topic written by the jobs' sink serializer, queried with the Table API in a local
 * MiniCluster. The value columns are the PatentLink fields; Flink resolves each value's writer
 * schema from the stack's registry by the id in the value.
 *
 * <p>The query runs in a class loader of its own holding what a Flink distribution's lib/ would:
 * the test class path without flink-avro, plus flink-sql-avro and
 * flink-sql-avro-confluent-registry (jobs/pom.xml says why they are kept apart).
 */
class SubscribingFlinkSqlIT {

  private static final String RUN = LocalStack.runName("subscribing-sql");
  private static final String TOPIC = RUN + "." + Topics.LINKS;
  private static final List<PatentLink> LINKS = List.of(
      new PatentLink("US-9648662-B2", "US-9999001-B1", "near-duplicate", "strong", null, 0.97, "minhash-lsh", 1L),
      new PatentLink("US-20120057518-A1", "US-9648662-B2", "same-application", "strong", "US-13234567", null,
          "application-key", 2L));

  @BeforeAll
  static void publishLinks() throws Exception {
    Topics.ensureAs(LocalStack.KAFKA, Map.of(TOPIC, Topics.LINKS));
    AvroValueSerializer<PatentLink> serializer = new AvroValueSerializer<>(TOPIC, TopicCodec::links,
        l -> l.getFromKey() + "|" + l.getToKey() + "|" + l.getKind(), LocalStack.REGISTRY);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (PatentLink link : LINKS) {
        producer.send(serializer.serialize(link, null, null)).get();
      }
    }
  }

  @AfterAll
  static void removeTopic() throws Exception {
    LocalStack.deleteTopicsIfPresent(List.of(TOPIC));
  }

  /** The test class path: failsafe's own, or the entries of its manifest-only booter jar. */
  private static List<URL> testClassPath() throws IOException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (path.getFileName().toString().startsWith("surefirebooter")) {
        try (JarFile booter = new JarFile(path.toFile())) {
          URL base = path.toUri().toURL();
          for (String ref : booter.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
            if (!ref.isBlank()) {
              urls.add(new URL(base, ref));
            }
          }
        }
      } else {
        urls.add(path.toUri().toURL());
      }
    }
    return urls;
  }

  /** The lib/ of a Flink distribution with the SQL formats: flink-avro left out, the SQL jars first. */
  private static URLClassLoader flinkSqlClassLoader() throws IOException {
    List<URL> urls = new ArrayList<>();
    for (String jar : List.of("p2t.flink-sql-avro", "p2t.flink-sql-avro-confluent-registry")) {
      String file = System.getProperty(jar);
      assertThat(file).as(jar + " (set by jobs/pom.xml's failsafe configuration)").isNotBlank();
      urls.add(Path.of(file).toUri().toURL());
    }
    for (URL url : testClassPath()) {
      if (!Path.of(url.getPath()).getFileName().toString().startsWith("flink-avro-")) {
        urls.add(url);
      }
    }
    return new URLClassLoader("flink-sql", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  @SuppressWarnings("unchecked")
  private static List<String> query(List<String> statements, String query) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = flinkSqlClassLoader()) {
      thread.setContextClassLoader(loader);
      List<String> formats = List.of(loader.getURLs()[0].toString(), loader.getURLs()[1].toString());
      return (List<String>) loader.loadClass(FlinkSqlQuery.class.getName())
          .getMethod("run", List.class, String.class, List.class).invoke(null, statements, query, formats);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void aKafkaTableInTheAvroConfluentFormatReadsTheLinks() throws Exception {
    // docs/subscribing.md, "Flink SQL" (with this run's topic and group, and bounded)
    String table = """
        CREATE TABLE links (
          `key`      STRING,
          from_key   STRING,
          to_key     STRING,
          kind       STRING,
          strength   STRING,
          shared_id  STRING,
          similarity DOUBLE,
          `method`   STRING,
          first_seen BIGINT
        ) WITH (
          'connector' = 'kafka',
          'topic' = '%s',
          'properties.bootstrap.servers' = '%s',
          'properties.group.id' = '%s',
          'properties.isolation.level' = 'read_committed',
          'scan.startup.mode' = 'earliest-offset',
          'scan.bounded.mode' = 'latest-offset',
          'key.format' = 'raw',
          'key.fields' = 'key',
          'value.format' = 'avro-confluent',
          'value.avro-confluent.url' = '%s',
          'value.fields-include' = 'EXCEPT_KEY'
        )""".formatted(TOPIC, LocalStack.KAFKA, RUN, LocalStack.REGISTRY);

    List<String> rows = query(List.of(table),
        "SELECT `key`, from_key, to_key, kind, shared_id, similarity, first_seen FROM links");

    assertThat(rows).containsExactlyInAnyOrder(
        "US-9648662-B2|US-9999001-B1|near-duplicate US-9648662-B2 US-9999001-B1 near-duplicate null 0.97 1",
        "US-20120057518-A1|US-9648662-B2|same-application US-20120057518-A1 US-9648662-B2 same-application "
            + "US-13234567 null 2");
  }
}
