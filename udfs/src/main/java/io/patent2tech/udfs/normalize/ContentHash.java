package io.patent2tech.udfs.normalize;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;

/**
 * SHA-256 (lower-case hex) over the normalized content of a patent.
 *
 * <p>The bytes hashed are the Avro binary encoding of the record (its own schema,
 * {@link Patent#getClassSchema()}) with {@code source}, {@code version}, {@code ingest_time} and
 * {@code content_hash} blanked (an empty Source, 0, 0, ""). Avro binary encoding is deterministic:
 * same field values, same bytes. So the same document read from another file, at another position,
 * at another time, has the same hash; any change of a title, claim, party, classification, figure
 * ... changes it.
 *
 * <p>Consequence to know: adding a field to the Patent schema changes the encoding and therefore
 * every hash once (the dedupe then sees one new version per key after the upgrade).
 */
public final class ContentHash {

  private static final Schema SCHEMA = Patent.getClassSchema();
  private static final int SOURCE = SCHEMA.getField("source").pos();
  private static final int VERSION = SCHEMA.getField("version").pos();
  private static final int INGEST_TIME = SCHEMA.getField("ingest_time").pos();
  private static final int CONTENT_HASH = SCHEMA.getField("content_hash").pos();
  private static final int FIELDS = SCHEMA.getFields().size();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

  private ContentHash() {}

  /** The content hash of p (p itself is not modified). */
  public static String of(Patent p) {
    return HASHER.get().hash(p);
  }

  /** Per-thread reusable digest, encoder and scratch record. */
  private static final class Hasher {
    private final MessageDigest digest;
    private final DigestSink sink;
    private final SpecificDatumWriter<Patent> writer = new SpecificDatumWriter<>(Patent.class);
    private final Patent scratch = new Patent();
    private final Source blankSource = new Source("", null, "", null, 0L, null, null, null);
    private BinaryEncoder encoder;

    Hasher() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 not available", e);
      }
      sink = new DigestSink(digest);
    }

    String hash(Patent p) {
      for (int i = 0; i < FIELDS; i++) {
        scratch.put(i, p.get(i));
      }
      scratch.put(SOURCE, blankSource);
      scratch.put(VERSION, 0);
      scratch.put(INGEST_TIME, 0L);
      scratch.put(CONTENT_HASH, "");
      digest.reset();
      try {
        encoder = EncoderFactory.get().binaryEncoder(sink, encoder);
        writer.write(scratch, encoder);
        encoder.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e); // the sink does no I/O
      } finally {
        for (int i = 0; i < FIELDS; i++) {
          if (scratch.get(i) instanceof List || scratch.get(i) instanceof org.apache.avro.specific.SpecificRecord) {
            scratch.put(i, null); // do not keep the last document reachable from the thread
          }
        }
      }
      byte[] d = digest.digest();
      char[] out = new char[d.length * 2];
      for (int i = 0; i < d.length; i++) {
        out[2 * i] = HEX[(d[i] >> 4) & 0xf];
        out[2 * i + 1] = HEX[d[i] & 0xf];
      }
      return new String(out);
    }
  }

  /** An OutputStream that only feeds a digest. */
  private static final class DigestSink extends OutputStream {
    private final MessageDigest digest;

    DigestSink(MessageDigest digest) {
      this.digest = digest;
    }

    @Override
    public void write(int b) {
      digest.update((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      digest.update(b, off, len);
    }
  }
}
