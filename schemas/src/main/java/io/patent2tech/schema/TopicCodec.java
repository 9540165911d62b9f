package io.patent2tech.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes the values of our Kafka topics.
 *
 * <p>Values use Avro's single-object encoding: a two-byte marker, the 8-byte fingerprint of the
 * writer's schema, then the binary record. A reader therefore always knows which schema wrote a
 * value. The decoder here knows every released version in {@code schema-history/} (shipped in this
 * jar), so a subscriber on a newer version still reads values written by older producers. No schema
 * registry is needed.
 *
 * <p>Instances are cheap to keep and thread-safe for decoding and encoding (Avro's message
 * encoder/decoder keep per-thread buffers).
 */
public final class TopicCodec<T extends SpecificRecord> {

  /** Confluent's wire format: magic byte 0, a 4-byte big-endian schema id, the Avro binary record. */
  private static final byte CONFLUENT_MAGIC_BYTE = 0;
  private static final int CONFLUENT_HEADER_BYTES = 5;

  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  private TopicCodec(SpecificData model, Schema schema, String historyName, int maxHistoricVersion) {
    SchemaStore.Cache history = new SchemaStore.Cache();
    for (int v = 1; v <= maxHistoricVersion; v++) {
      Schema old = historicSchema(historyName, v);
      if (old == null) {
        break;
      }
      history.addSchema(old);
    }
    this.encoder = new BinaryMessageEncoder<>(model, schema);
    this.decoder = new BinaryMessageDecoder<>(model, schema, history);
  }

  public static TopicCodec<Patent> patents() {
    return new TopicCodec<>(SpecificData.get(),
        Patent.getClassSchema(), "Patent", 1000);
  }

  public static TopicCodec<EnrichedPatent> enrichedPatents() {
    return new TopicCodec<>(SpecificData.get(), EnrichedPatent.getClassSchema(), "EnrichedPatent", 1000);
  }

  public static TopicCodec<PatentLink> links() {
    return new TopicCodec<>(SpecificData.get(), PatentLink.getClassSchema(), "PatentLink", 1000);
  }

  public static TopicCodec<Model3d> models3d() {
    return new TopicCodec<>(SpecificData.get(), Model3d.getClassSchema(), "Model3d", 1000);
  }

  public static TopicCodec<PatentDrawings> drawings() {
    return new TopicCodec<>(SpecificData.get(), PatentDrawings.getClassSchema(), "PatentDrawings", 1000);
  }

  public static TopicCodec<DeadLetter> deadLetters() {
    return new TopicCodec<>(SpecificData.get(), DeadLetter.getClassSchema(), "DeadLetter", 1000);
  }

  public byte[] encode(T record) {
    try {
      ByteBuffer buffer = encoder.encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + record.getSchema().getFullName(), e);
    }
  }

  /**
   * Decodes one topic value.
   *
   * @throws IOException when the bytes are not a single-object encoded value of a known version
   *     or are corrupt
   */
  public T decode(byte[] value) throws IOException {
    if (value.length >= CONFLUENT_HEADER_BYTES && value[0] == CONFLUENT_MAGIC_BYTE) {
      // Said plainly, so that a dead letter or tail names the cause instead of a bad header
      throw new IOException("value in the Confluent wire format (schema id "
          + ByteBuffer.wrap(value, 1, 4).getInt() + "): reading it needs a schema registry, which this "
          + "project does not use yet (docs/subscribing.md)");
    }
    try {
      return decoder.decode(value);
    } catch (AvroRuntimeException e) {
      // BadHeaderException, MissingSchemaException and friends: the value is not ours to read
      throw new IOException(e.getMessage(), e);
    }
  }

  private static Schema historicSchema(String name, int version) {
    String resource = "/schema-history/" + name + ".v" + version + ".avsc";
    try (InputStream in = TopicCodec.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      return new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
