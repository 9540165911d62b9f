package io.patent2tech.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes the values of our Kafka topics.
 *
 * <p>A value comes in one of two {@link ValueEncoding}s, chosen per topic in
 * {@code infra/kafka/topics.txt}: Avro's single-object encoding (a two-byte marker 0xC3 0x01, the
 * 8-byte fingerprint of the writer's schema, the binary record) or Confluent's wire format (magic
 * byte 0, the writer schema's 4-byte id in the schema registry, the binary record). Either way a
 * reader knows which schema wrote a value, and {@link #decode} accepts both by the first byte, so a
 * topic's existing data stays readable when its encoding changes. For single-object values the
 * decoder knows every released version in {@code schema-history/} (shipped in this jar), no
 * registry needed; a Confluent-framed value's writer schema is looked up by id in the registry
 * given with {@link #withRegistry} and resolved to the current generated class. A codec made with
 * {@link #writingConfluent} encodes in Confluent's format under the topic's subject.
 *
 * <p>Instances are cheap to keep and thread-safe for decoding and encoding (Avro's message
 * encoder/decoder keep per-thread buffers).
 */
public final class TopicCodec<T extends SpecificRecord> {

  /** Confluent's wire format: magic byte 0, a 4-byte big-endian schema id, the Avro binary record. */
  private static final byte CONFLUENT_MAGIC_BYTE = 0;
  private static final int CONFLUENT_HEADER_BYTES = 5;

  private final SpecificData model;
  private final Schema schema;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;
  /** Where Confluent-framed values' writer schemas are looked up; null: such values are refused. */
  private final SchemaRegistry registry;
  /** The subject {@link #encode} registers the schema under; null: single-object encoding. */
  private final String confluentSubject;
  private final SpecificDatumWriter<T> writer;
  /** Readers by writer schema id: each resolves that writer schema to the generated class's. */
  private final ConcurrentMap<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();
  private volatile int schemaId = -1;

  private TopicCodec(SpecificData model, Schema schema, String historyName, int maxHistoricVersion) {
    SchemaStore.Cache history = new SchemaStore.Cache();
    for (int v = 1; v <= maxHistoricVersion; v++) {
      Schema old = historicSchema(historyName, v);
      if (old == null) {
        break;
      }
      history.addSchema(old);
    }
    this.model = model;
    this.schema = schema;
    this.encoder = new BinaryMessageEncoder<>(model, schema);
    this.decoder = new BinaryMessageDecoder<>(model, schema, history);
    this.registry = null;
    this.confluentSubject = null;
    this.writer = new SpecificDatumWriter<>(schema, model);
  }

  private TopicCodec(TopicCodec<T> base, SchemaRegistry registry, String confluentSubject) {
    this.model = base.model;
    this.schema = base.schema;
    this.encoder = base.encoder;
    this.decoder = base.decoder;
    this.writer = base.writer;
    this.registry = registry;
    this.confluentSubject = confluentSubject;
  }

  /** This codec, also reading Confluent-framed values with writer schemas from {@code registry}. */
  public TopicCodec<T> withRegistry(SchemaRegistry registry) {
    return new TopicCodec<>(this, registry, confluentSubject);
  }

  /**
   * This codec, encoding in Confluent's wire format with the id the schema has under the subject of
   * {@code topic}'s values ({@code <topic>-value}, the name the records are written under, also a
   * run's own topic name); it reads both encodings.
   */
  public TopicCodec<T> writingConfluent(String topic, SchemaRegistry registry) {
    return new TopicCodec<>(this, registry, SchemaRegistry.valueSubject(topic));
  }

  /** The encoding {@link #encode} writes. */
  public ValueEncoding encoding() {
    return confluentSubject == null ? ValueEncoding.SINGLE_OBJECT : ValueEncoding.CONFLUENT;
  }

  /** The schema of the generated class: what this codec writes and reads into. */
  public Schema schema() {
    return schema;
  }

  /**
   * Registers the schema under the subject (once per codec; the registry answers the same id for
   * the same schema) and returns its id. Writers call it when they open, so a registry that is
   * missing or refuses the schema stops a job before its first record.
   *
   * @throws IllegalStateException for a codec that writes single-object values
   */
  public int register() throws IOException {
    if (confluentSubject == null) {
      throw new IllegalStateException("this codec writes single-object values; nothing to register");
    }
    int id = schemaId;
    if (id < 0) {
      id = registry.register(confluentSubject, schema);
      schemaId = id;
    }
    return id;
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
    if (confluentSubject != null) {
      return encodeConfluent(record);
    }
    try {
      ByteBuffer buffer = encoder.encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + record.getSchema().getFullName(), e);
    }
  }

  private byte[] encodeConfluent(T record) {
    try {
      int id = register();
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      out.write(CONFLUENT_MAGIC_BYTE);
      out.write(ByteBuffer.allocate(4).putInt(id).array());
      BinaryEncoder binary = EncoderFactory.get().binaryEncoder(out, null);
      writer.write(record, binary);
      binary.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + record.getSchema().getFullName() + " for "
          + confluentSubject + ": " + e.getMessage(), e);
    }
  }

  /**
   * Decodes one topic value in either encoding.
   *
   * @throws IOException when the bytes are not a value of a known version in either encoding, are
   *     corrupt, or name a schema id the registry does not have (or no registry was given)
   */
  public T decode(byte[] value) throws IOException {
    if (value.length >= CONFLUENT_HEADER_BYTES && value[0] == CONFLUENT_MAGIC_BYTE) {
      return decodeConfluent(value);
    }
    try {
      return decoder.decode(value);
    } catch (AvroRuntimeException e) {
      // BadHeaderException, MissingSchemaException and friends: the value is not ours to read
      throw new IOException(e.getMessage(), e);
    }
  }

  private T decodeConfluent(byte[] value) throws IOException {
    int id = ByteBuffer.wrap(value, 1, 4).getInt();
    if (registry == null) {
      // Said plainly, so that a dead letter or tail names the cause instead of a bad header
      throw new IOException("value in the Confluent wire format (schema id " + id
          + "): reading it needs the schema registry (registry.url), which this reader was not given");
    }
    SpecificDatumReader<T> reader = readers.get(id);
    if (reader == null) {
      Schema writerSchema = registry.schemaById(id);
      reader = new SpecificDatumReader<>(writerSchema, schema, model);
      SpecificDatumReader<T> known = readers.putIfAbsent(id, reader);
      reader = known == null ? reader : known;
    }
    try {
      return reader.read(null, DecoderFactory.get().binaryDecoder(value, CONFLUENT_HEADER_BYTES,
          value.length - CONFLUENT_HEADER_BYTES, null));
    } catch (AvroRuntimeException | IOException | IndexOutOfBoundsException e) {
      // a writer schema that does not resolve to ours, or bytes that are not its record
      throw new IOException("cannot read a value of schema id " + id + " as " + schema.getFullName() + ": "
          + e.getMessage(), e);
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
