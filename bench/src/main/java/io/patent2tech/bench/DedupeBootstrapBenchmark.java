package io.patent2tech.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.patent2tech.connectors.kafka.PublishedPatentsInTopic;
import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.UsptoDocumentProcessor;
import io.patent2tech.udfs.dedupe.PublishedPatents;

/**
 * What a fresh start costs the dedupe: how fast one subtask learns a {@code patents.normalized}
 * topic ({@link PublishedPatentsInTopic}: read_committed from the beginning, every value decoded).
 * The topic is filled with distinct copies of the real ICE fixture documents (each with its own
 * publication key), partitioned like patents.normalized, then read back as the dedupe reads it,
 * against the bare read of the same records without decoding as the floor.
 *
 * <p>Usage: {@code DedupeBootstrapBenchmark FIXTURES_DIR BOOTSTRAP OUT_MD [records=20000] [runs=3]}
 */
public final class DedupeBootstrapBenchmark {

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: DedupeBootstrapBenchmark FIXTURES_DIR BOOTSTRAP OUT_MD [records=20000] [runs=3]");
      System.exit(2);
    }
    Path fixtures = Path.of(args[0]);
    String bootstrap = args[1];
    Path out = Path.of(args[2]);
    int records = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    String topic = "bench-dedupe-" + System.currentTimeMillis();

    List<Patent> documents = new ArrayList<>();
    UsptoDocumentProcessor processor = new UsptoDocumentProcessor();
    for (byte[] doc : ParserBenchmark.iceDocuments(fixtures)) {
      documents.add(processor.process(doc, Source.newBuilder().setOffice("USPTO").setFile("bench")
          .setPosition(0).build(), 0L));
    }
    Topics.ensureAs(bootstrap, Map.of(topic, Topics.NORMALIZED));
    long bytes = 0;
    try {
      bytes = fill(bootstrap, topic, documents, records);
      System.err.printf(Locale.ROOT, "bench: %s holds %d records, %.1f MB%n", topic, records, bytes / 1e6);
      double[] decoded = new double[runs];
      double[] bare = new double[runs];
      for (int run = 0; run < runs; run++) {
        bare[run] = time(() -> io.patent2tech.connectors.kafka.CommittedTopic.read(bootstrap, topic, r -> {}),
            records);
        decoded[run] = time(() -> learn(bootstrap, topic), records);
      }
      double bareBest = best(bare);
      double decodedBest = best(decoded);
      String table = String.format(Locale.ROOT, """
          Measured %s, %d records (%.1f MB, %.1f KB each on average: the %d ICE fixture documents \
          under distinct keys) in a topic partitioned like patents.normalized on the local stack's broker; best of %d runs, \
          one thread, as one dedupe subtask reads at a fresh start.

          | read | records/s | MB/s | time for the topic | time per million records |
          |---|---:|---:|---:|---:|
          | bare read_committed read (floor) | %,.0f | %.1f | %.1f s | %.0f s |
          | learn: read + decode key, hash, version (`PublishedPatentsInTopic`) | %,.0f | %.1f | %.1f s | %.0f s |

          Ratio learn / bare: %.2f.
          """, LocalDate.now(), records, bytes / 1e6, bytes / 1e3 / records, documents.size(), runs,
          records / bareBest, bytes / 1e6 / bareBest, bareBest, 1e6 / (records / bareBest),
          records / decodedBest, bytes / 1e6 / decodedBest, decodedBest, 1e6 / (records / decodedBest),
          bareBest / decodedBest);
      Files.writeString(out, table);
      System.out.print(table);
    } finally {
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        admin.deleteTopics(List.of(topic)).all().get();
      }
    }
  }

  private static long learn(String bootstrap, String topic) throws Exception {
    Set<String> keys = new HashSet<>();
    try (PublishedPatents published = new PublishedPatentsInTopic(bootstrap, topic).open()) {
      long read = published.forEach((key, hash, version) -> keys.add(key));
      if (keys.size() != read) {
        throw new IllegalStateException("learned " + keys.size() + " keys from " + read + " records");
      }
      return read;
    }
  }

  private static long fill(String bootstrap, String topic, List<Patent> documents, int records) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 << 20);
    TopicCodec<Patent> codec = TopicCodec.patents();
    long bytes = 0;
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < records; i++) {
        Patent patent = Patent.newBuilder(documents.get(i % documents.size())).build();
        patent.setPublicationKey("US-" + (90_000_000 + i) + "-B2");
        byte[] value = codec.encode(patent);
        bytes += value.length;
        producer.send(new ProducerRecord<>(topic, patent.getPublicationKey().getBytes(), value));
      }
    }
    return bytes;
  }

  @FunctionalInterface
  private interface Read {
    long run() throws Exception;
  }

  private static double time(Read read, long expected) throws Exception {
    long start = System.nanoTime();
    long n = read.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (n != expected) {
      throw new IllegalStateException("read " + n + " records, expected " + expected);
    }
    return seconds;
  }

  private static double best(double[] seconds) {
    double best = Double.MAX_VALUE;
    for (double s : seconds) {
      best = Math.min(best, s);
    }
    return best;
  }
}
