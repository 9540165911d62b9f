package io.patent2tech.connectors.uspto;

import io.patent2tech.schema.Source;

import java.io.Serializable;

/**
 * One document cut out of a USPTO bulk file, with where it came from.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields, so that Flink
 * serializes it with its POJO serializer rather than with Kryo.
 */
public class RawDocument implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Office recorded in {@link Source#getOffice()} for every USPTO document. */
  public static final String OFFICE = "USPTO";

  /** Path or URI of the bulk file, as given. */
  public String file;

  /**
   * Name of the archive entry the document was read from; null for a bare XML file. For a document
   * in a zip nested in the file's tar or zip (the per-patent zips of the "with images" products) it
   * is {@code OUTER!INNER}: the nested zip's entry, then the XML's entry in it, e.g. {@code
   * I20140318/DESIGN/USD0701016-20140318.ZIP!USD0701016-20140318/USD0701016-20140318.XML}.
   */
  public String entry;

  /** 0-based index of the document within the file, counted across all entries. */
  public long position;

  /** Byte offset of the document in the uncompressed entry, or in the file when bare. */
  public long offset;

  /** The document bytes exactly as in the file; only the first bytes when {@link #oversized}. */
  public byte[] bytes;

  /** Size of the whole document in bytes, also when only part of it is kept in {@link #bytes}. */
  public long size;

  /** True when the document is larger than the splitter's limit; it cannot be parsed. */
  public boolean oversized;

  /**
   * Non-null when this record does not hold a document but reports that the bulk file could not be
   * read beyond {@link #offset} (a truncated or corrupt zip archive); {@link #bytes} is then empty.
   * It is the last record of its file.
   */
  public String readError;

  public RawDocument() {}

  /** The Avro {@link Source} of this document; the product (format version) is for the parser. */
  public Source toSource() {
    return Source.newBuilder()
        .setOffice(OFFICE)
        .setProduct(null)
        .setFile(file)
        .setEntry(entry)
        .setPosition(position)
        .setOffset(offset)
        .build();
  }

  @Override
  public String toString() {
    return "RawDocument{file="
        + file
        + ", entry="
        + entry
        + ", position="
        + position
        + ", offset="
        + offset
        + ", size="
        + size
        + (oversized ? ", oversized" : "")
        + (readError != null ? ", readError=" + readError : "")
        + '}';
  }
}
