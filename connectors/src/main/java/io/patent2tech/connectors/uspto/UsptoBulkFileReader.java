package io.patent2tech.connectors.uspto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import io.patent2tech.udfs.uspto.aps.ApsParser;

/**
 * Reads the documents of a USPTO bulk file: a zip archive of weekly files (the weekly {@code
 * ipgYYMMDD.zip}, {@code ipaYYMMDD.zip}, {@code pgYYMMDD.zip}, {@code paYYMMDD.zip} and {@code
 * pftapsYYYYMMDD_wkNN.zip}) or a bare weekly file of concatenated documents (XML, or APS Green
 * Book text).
 *
 * <p>Zip archives are recognised by their signature, not by the file name. Every entry whose name
 * ends in {@code .xml} (in any case), and every {@code .txt} entry that starts as APS text does
 * ({@link ApsParser#isApsText}), is split with {@link UsptoDocumentSplitter}, in archive order, and
 * positions count on across entries. Directory entries and other entries (the README or DTD files
 * that sometimes ride along, SGML) are skipped and logged. Anything that is not a zip archive is
 * split as one stream.
 *
 * <p>A damaged archive does not fail the read: after the documents read before the damage, one
 * record with {@link RawDocument#readError} set reports it, and the file ends there.
 */
public final class UsptoBulkFileReader implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(UsptoBulkFileReader.class);

  private static final int INPUT_BUFFER_BYTES = 64 << 10;
  private static final byte[] ZIP_LOCAL_FILE_HEADER = {'P', 'K', 3, 4};
  private static final byte[] ZIP_EMPTY_ARCHIVE = {'P', 'K', 5, 6};

  /** Bytes of a .txt entry read to tell APS text (leading blank lines, then HHHHHT or PATN). */
  private static final int TEXT_PROBE_BYTES = 256;

  private final InputStream in;
  private final String file;
  private final int maxDocumentBytes;

  private boolean opened;
  private ZipInputStream archive;
  private String entryName;
  private ArchiveEntryStream entryData;
  private UsptoDocumentSplitter splitter;
  private long nextPosition;

  /** The record reporting a damaged archive, returned once all documents before it are. */
  private RawDocument damageReport;

  /**
   * @param in the bulk file; closed by {@link #close()}
   * @param fileName the path or URI of the file, recorded in each document
   * @param maxDocumentBytes how many bytes of a document are kept at most
   */
  public UsptoBulkFileReader(InputStream in, String fileName, int maxDocumentBytes) {
    if (maxDocumentBytes <= 0) {
      throw new IllegalArgumentException(
          "maxDocumentBytes must be positive, got " + maxDocumentBytes);
    }
    this.in = new BufferedInputStream(Objects.requireNonNull(in, "in"), INPUT_BUFFER_BYTES);
    this.file = Objects.requireNonNull(fileName, "fileName");
    this.maxDocumentBytes = maxDocumentBytes;
  }

  /**
   * Returns the next document, or the record reporting a damaged archive after the last document
   * before the damage, or null when the file has no more.
   */
  public RawDocument next() throws IOException {
    if (!opened) {
      opened = true;
      splitter = open();
    }
    while (splitter != null) {
      RawDocument document = splitter.next();
      if (document != null) {
        nextPosition = document.position + 1;
        return document;
      }
      splitter = archive == null ? null : splitterAfterEntry();
    }
    RawDocument last = damageReport;
    damageReport = null;
    return last;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private UsptoDocumentSplitter open() throws IOException {
    in.mark(ZIP_LOCAL_FILE_HEADER.length);
    byte[] signature = in.readNBytes(ZIP_LOCAL_FILE_HEADER.length);
    in.reset();
    if (!Arrays.equals(signature, ZIP_LOCAL_FILE_HEADER)
        && !Arrays.equals(signature, ZIP_EMPTY_ARCHIVE)) {
      return new UsptoDocumentSplitter(in, file, null, 0, maxDocumentBytes);
    }
    archive = new ZipInputStream(in);
    return splitterForNextDocumentEntry();
  }

  private UsptoDocumentSplitter splitterAfterEntry() throws IOException {
    if (entryData.damage() != null) {
      long offset = splitter.bytesRead();
      String what = "zip entry " + entryName + " damaged after " + offset + " bytes";
      damageReport = damageReport(entryName, offset, what, entryData.damage());
      return null;
    }
    return splitterForNextDocumentEntry();
  }

  /** A splitter over the next entry of the archive that holds documents, or null when there is none. */
  private UsptoDocumentSplitter splitterForNextDocumentEntry() throws IOException {
    ZipEntry entry;
    InputStream documents = null;
    try {
      while (documents == null && (entry = archive.getNextEntry()) != null) {
        documents = documentsOf(entry);
      }
    } catch (ZipException | EOFException e) {
      String where = entryName == null ? "before its first document entry" : "after entry " + entryName;
      damageReport = damageReport(null, 0, "zip archive damaged " + where, e);
      return null;
    }
    if (documents == null) {
      return null;
    }
    return new UsptoDocumentSplitter(documents, file, entryName, nextPosition, maxDocumentBytes);
  }

  /**
   * The data of an entry that holds documents: an .xml entry, or a .txt entry that starts as APS
   * text; null (the entry is skipped and logged) for anything else.
   */
  private InputStream documentsOf(ZipEntry entry) throws IOException {
    if (entry.isDirectory()) {
      return null;
    }
    String name = entry.getName().toLowerCase(Locale.ROOT);
    boolean xml = name.endsWith(".xml");
    if (!xml && !name.endsWith(".txt")) {
      LOG.info("Skipping entry {} of {}: not an .xml or .txt file", entry.getName(), file);
      return null;
    }
    entryName = entry.getName();
    entryData = new ArchiveEntryStream(archive);
    if (xml) {
      return entryData;
    }
    PushbackInputStream text = new PushbackInputStream(entryData, TEXT_PROBE_BYTES);
    byte[] head = text.readNBytes(TEXT_PROBE_BYTES); // damage here shows when the next entry is read
    if (!ApsParser.isApsText(head)) {
      LOG.info("Skipping entry {} of {}: a .txt file that is not APS Green Book text", entry.getName(), file);
      return null;
    }
    text.unread(head);
    return text;
  }

  private RawDocument damageReport(String entry, long offset, String what, IOException cause) {
    String reason = what + ": " + cause;
    LOG.warn("Cannot read {} any further: {}", file, reason);
    RawDocument report = new RawDocument();
    report.file = file;
    report.entry = entry;
    report.position = nextPosition;
    report.offset = offset;
    report.bytes = new byte[0];
    report.readError = reason;
    return report;
  }
}
