package io.patent2tech.jobs.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import org.apache.flink.core.fs.Path;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.patent2tech.connectors.uspto.RawDocument;
import io.patent2tech.connectors.uspto.UsptoBulkFileReader;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.schema.TopicCodec;

/**
 * Reads a dead letter's raw input again: the dead letter itself from its record in the DLQ topic,
 * and the input from the record when it carries it whole, else from the file it was cut from.
 */
final class RawInputs implements AutoCloseable {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final TopicCodec<DeadLetter> codec;

  /** @param registryUrl the schema registry Confluent-framed dead letters are read with */
  RawInputs(String bootstrapServers, String registryUrl) {
    codec = Topics.readerCodec(TopicCodec.deadLetters(), registryUrl);
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
    consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** The dead letter at topic/partition@offset; fails when the record is gone (retention) or not one. */
  DeadLetter deadLetter(String topic, int partition, long offset) throws IOException {
    TopicPartition tp = new TopicPartition(topic, partition);
    consumer.assign(List.of(tp));
    consumer.seek(tp, offset);
    long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        if (r.offset() == offset) {
          return codec.decode(r.value());
        }
        throw new IOException("record " + topic + "/" + partition + "@" + offset
            + " is no longer in the topic (retention, or compaction); the next one is @" + r.offset());
      }
    }
    throw new IOException("record " + topic + "/" + partition + "@" + offset + " could not be read within "
        + READ_TIMEOUT.toSeconds() + " s");
  }

  /**
   * The whole raw input of {@code d}: the carried bytes when they are all of it, else the document
   * read again from its file (a raw_pointer, or a carried prefix of a document the splitter found
   * too large) by splitting the file as the ingest job does and taking the document at the same
   * entry and position.
   *
   * @throws IOException with the reason when neither gives the input
   */
  static RawDocument input(DeadLetter d) throws IOException {
    byte[] carried = bytes(d.getRaw());
    long size = d.getRawSize() == null ? -1 : d.getRawSize();
    if (carried != null && (size < 0 || carried.length >= size)) {
      return document(d, carried);
    }
    if (d.getSourceFile() == null || d.getPosition() == null) {
      throw new IOException(carried == null ? "the dead letter carries no raw input and names no file to read"
          : "the dead letter carries only " + carried.length + " of " + size + " bytes and names no file to read");
    }
    return document(d, fromFile(d.getSourceFile(), d.getEntry(), d.getPosition()));
  }

  private static byte[] fromFile(String file, String entry, long position) throws IOException {
    Path path = new Path(file);
    try (UsptoBulkFileReader reader =
        new UsptoBulkFileReader(path.getFileSystem().open(path), file, Integer.MAX_VALUE - 16)) {
      for (RawDocument doc = reader.next(); doc != null; doc = reader.next()) {
        if (doc.readError == null && doc.position == position && Objects.equals(doc.entry, entry)) {
          return doc.bytes;
        }
      }
    } catch (IOException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    throw new IOException(file + (entry == null ? "" : "#" + entry) + " holds no document " + position);
  }

  private static RawDocument document(DeadLetter d, byte[] bytes) {
    RawDocument doc = new RawDocument();
    doc.file = d.getSourceFile();
    doc.entry = d.getEntry();
    doc.position = d.getPosition() == null ? 0 : d.getPosition();
    doc.offset = d.getOffset() == null ? 0 : d.getOffset();
    doc.bytes = bytes;
    doc.size = bytes.length;
    return doc;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    ByteBuffer b = buffer.duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
