package io.patent2tech.connectors.collect;

import java.io.Serializable;
import java.util.Arrays;

import io.patent2tech.schema.Source;

/**
 * One document as an office delivered it, before parsing: the raw response bytes of each part
 * (EPO OPS: biblio, claims, description; KIPRIS: the bibliography detail; USPTO: the XML document
 * cut from a downloaded bulk file), with where it came from. The collect job maps it to a
 * {@code Patent} with the office's mapper, or to a dead letter with these bytes.
 *
 * <p>A Flink POJO (public no-argument constructor, public fields): no Kryo on the wire.
 */
public class FetchedDocument implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Format of the parts; selects the mapper. */
  public static final String FORMAT_USPTO_XML = "uspto-xml";
  public static final String FORMAT_EPO_OPS = "epo-ops";
  public static final String FORMAT_KIPRIS = "kipris";

  /** USPTO | EPO | KIPO, as in {@link Source#getOffice()}. */
  public String office;

  /** One of the FORMAT_ constants. */
  public String format;

  /**
   * The request(s) that fetched it, without credentials (e.g. {@code GET
   * /3.2/rest-services/published-data/publication/docdb/EP.1000000.A1/biblio}); for USPTO the
   * download URI of the bulk file.
   */
  public String request;

  /** Downloaded file (USPTO) or a name for the response (EPO, KIPRIS), for the record's source. */
  public String file;

  /** Zip entry (USPTO), else null. */
  public String entry;

  /** 0-based index of the document within its collection window (USPTO: within its file). */
  public long position;

  /** Byte offset within the uncompressed file (USPTO), else null. */
  public Long offset;

  /** Collection run that fetched it (collection_runs.run_id). */
  public String collectionRun;

  /** Names of the parts, parallel to {@link #parts}: e.g. "biblio", "claims", "description", "detail", "xml". */
  public String[] partNames = new String[0];

  /** Raw bytes of each part, exactly as the office sent them. */
  public byte[][] parts = new byte[0][];

  /**
   * Non-null when this record carries no parsable document but a fetch error that must be
   * dead-lettered (a malformed or truncated response for this document, an oversized document, a
   * damaged archive); {@link #parts} then hold whatever bytes were received.
   */
  public String error;

  public FetchedDocument() {}

  /** The bytes of the named part, or null. */
  public byte[] part(String name) {
    for (int i = 0; i < partNames.length; i++) {
      if (partNames[i].equals(name)) {
        return parts[i];
      }
    }
    return null;
  }

  /** Adds (or replaces) a part. */
  public FetchedDocument withPart(String name, byte[] bytes) {
    for (int i = 0; i < partNames.length; i++) {
      if (partNames[i].equals(name)) {
        parts[i] = bytes;
        return this;
      }
    }
    partNames = Arrays.copyOf(partNames, partNames.length + 1);
    parts = Arrays.copyOf(parts, parts.length + 1);
    partNames[partNames.length - 1] = name;
    parts[parts.length - 1] = bytes;
    return this;
  }

  /** Total bytes of all parts. */
  public long size() {
    long n = 0;
    for (byte[] p : parts) {
      n += p == null ? 0 : p.length;
    }
    return n;
  }

  /** The Avro {@link Source} of this document (the product is for the mapper to fill in). */
  public Source toSource() {
    return Source.newBuilder()
        .setOffice(office)
        .setProduct(null)
        .setFile(file)
        .setEntry(entry)
        .setPosition(position)
        .setOffset(offset)
        .setRequest(request)
        .setCollectionRun(collectionRun)
        .build();
  }

  @Override
  public String toString() {
    return "FetchedDocument{office=" + office + ", format=" + format + ", file=" + file
        + ", position=" + position + ", parts=" + Arrays.toString(partNames) + ", bytes=" + size()
        + (error != null ? ", error=" + error : "") + '}';
  }
}
