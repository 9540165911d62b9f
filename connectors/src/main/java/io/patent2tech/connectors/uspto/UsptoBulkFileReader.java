package io.patent2tech.connectors.uspto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import io.patent2tech.udfs.uspto.aps.ApsParser;

/**
 * Reads the documents of a USPTO bulk file: a zip archive of weekly files (the weekly {@code
 * ipgYYMMDD.zip}, {@code ipaYYMMDD.zip}, {@code pgYYMMDD.zip}, {@code paYYMMDD.zip} and {@code
 * pftapsYYYYMMDD_wkNN.zip}), a "with images" product (a tar or a zip of per-patent zip files, each
 * holding one patent's XML and its TIFF drawings: the grant full text with images, PTGRDT, and the
 * application full text with images, APPDT), or a bare weekly file of concatenated documents (XML,
 * or APS Green Book text).
 *
 * <p>Archives are recognised by their signature, not by the file name: a zip by its first local
 * header, a tar by its ustar header. Every entry whose name ends in {@code .xml} (in any case), and
 * every {@code .txt} entry that starts as APS text does ({@link ApsParser#isApsText}), is split with
 * {@link UsptoDocumentSplitter}, in archive order, and positions count on across entries. An entry
 * whose name ends in {@code .zip} (in any case) is read as a nested zip archive, one level deep,
 * and its entries are taken the same way; its documents record the entry {@code OUTER!INNER}
 * ({@link ArchiveLevel#NESTED}), e.g. {@code USD0990001-20261201.ZIP!USD0990001-20261201/
 * USD0990001-20261201.XML}, where {@code OUTER} is the name of the zip in the tar (or zip) as
 * stored, with any folders, and {@code INNER} the name of the XML in that zip, so that the drawings
 * stored beside the XML can be found again. Directory entries, images ({@code .tif} and the like)
 * and other entries (the README or DTD files that sometimes ride along, SGML) are skipped;
 * everything but images is logged. Anything that is not an archive is split as one stream.
 *
 * <p>A damaged archive, outer or nested, does not fail the read: after the documents read before
 * the damage, one record with {@link RawDocument#readError} set reports it, and the file ends
 * there. Errors reading the file itself propagate.
 */
public final class UsptoBulkFileReader implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(UsptoBulkFileReader.class);

  private static final int INPUT_BUFFER_BYTES = 64 << 10;
  private static final byte[] ZIP_LOCAL_FILE_HEADER = {'P', 'K', 3, 4};
  private static final byte[] ZIP_EMPTY_ARCHIVE = {'P', 'K', 5, 6};

  /** A tar header block; its magic sits at byte 257. */
  private static final int TAR_HEADER_BYTES = 512;

  /** Bytes of a .txt entry read to tell APS text (leading blank lines, then HHHHHT or PATN). */
  private static final int TEXT_PROBE_BYTES = 256;

  /** Entries that are drawings, skipped without a log line (a product has thousands). */
  private static final String[] IMAGE_SUFFIXES = {".tif", ".tiff", ".png", ".jpg", ".jpeg", ".gif", ".pdf"};

  private final FileStream raw;
  private final InputStream in;
  private final String file;
  private final int maxDocumentBytes;

  private boolean opened;
  /** The file's archive, or null when the file is bare. */
  private ArchiveLevel archive;
  /** The zip nested in the current entry of {@link #archive}, or null. */
  private ArchiveLevel nested;
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
    this.raw = new FileStream(Objects.requireNonNull(in, "in"));
    this.in = new BufferedInputStream(raw, INPUT_BUFFER_BYTES);
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
    in.mark(TAR_HEADER_BYTES);
    byte[] head = in.readNBytes(TAR_HEADER_BYTES);
    in.reset();
    byte[] signature = Arrays.copyOf(head, ZIP_LOCAL_FILE_HEADER.length);
    if (Arrays.equals(signature, ZIP_LOCAL_FILE_HEADER) || Arrays.equals(signature, ZIP_EMPTY_ARCHIVE)) {
      archive = ArchiveLevel.zip(in, null, raw);
    } else if (head.length == TAR_HEADER_BYTES && TarArchiveInputStream.matches(head, head.length)) {
      archive = ArchiveLevel.tar(in, raw);
    } else {
      return new UsptoDocumentSplitter(in, file, null, 0, maxDocumentBytes);
    }
    return splitterForNextDocumentEntry();
  }

  private UsptoDocumentSplitter splitterAfterEntry() throws IOException {
    if (entryData.damage() != null) {
      long offset = splitter.bytesRead();
      damageReport = damageReport(entryName, offset, damaged(entryName, offset), entryData.damage());
      return null;
    }
    return splitterForNextDocumentEntry();
  }

  /** What was damaged when the current entry ended early: the outer archive or the nested zip. */
  private String damaged(String entry, long offset) {
    if (nested != null && archive.data().damage() != null) {
      return archive.kind() + " entry " + archive.entryName() + " damaged while reading its entry "
          + entry + " after " + offset + " bytes";
    }
    return (nested != null ? "nested zip entry " : archive.kind() + " entry ") + entry
        + " damaged after " + offset + " bytes";
  }

  /**
   * A splitter over the next entry of the archives that holds documents, or null when there is
   * none (or the archive is damaged before it: {@link #damageReport} then says so).
   */
  private UsptoDocumentSplitter splitterForNextDocumentEntry() throws IOException {
    try {
      while (true) {
        ArchiveLevel level = nested != null ? nested : archive;
        String name = level.next();
        if (name == null) {
          if (nested == null) {
            return null;
          }
          IOException outerDamage = archive.data().damage();
          if (outerDamage != null) {
            String outer = archive.entryName();
            damageReport = damageReport(outer, 0, archive.kind() + " entry " + outer + " damaged", outerDamage);
            return null;
          }
          nested = null;
          continue;
        }
        if (nested == null && name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
          nested = ArchiveLevel.zip(archive.data(), archive.entryName(), raw);
          continue;
        }
        InputStream documents = documentsOf(level);
        if (documents != null) {
          return new UsptoDocumentSplitter(documents, file, entryName, nextPosition, maxDocumentBytes);
        }
      }
    } catch (IOException e) {
      if (raw.raised(e)) {
        throw e;
      }
      String what;
      if (nested != null && archive.data().damage() != null) {
        what = archive.kind() + " archive damaged in entry " + archive.entryName();
      } else if (nested != null) {
        what = "nested zip " + archive.entryName() + " damaged"
            + (entryName == null ? "" : " after entry " + entryName);
      } else {
        what = archive.kind() + " archive damaged "
            + (entryName == null ? "before its first document entry" : "after entry " + entryName);
      }
      damageReport = damageReport(null, 0, what, e);
      return null;
    }
  }

  /**
   * The data of the current entry of {@code level} if it holds documents: an .xml entry, or a .txt
   * entry that starts as APS text; null (the entry is skipped, and logged unless an image) for
   * anything else.
   */
  private InputStream documentsOf(ArchiveLevel level) throws IOException {
    String name = level.entryName();
    String lower = name.toLowerCase(Locale.ROOT);
    boolean xml = lower.endsWith(".xml");
    if (!xml && !lower.endsWith(".txt")) {
      if (Arrays.stream(IMAGE_SUFFIXES).noneMatch(lower::endsWith)) {
        LOG.info("Skipping entry {} of {}: not an .xml or .txt file", name, file);
      }
      return null;
    }
    entryName = name;
    entryData = level.data();
    if (xml) {
      return entryData;
    }
    PushbackInputStream text = new PushbackInputStream(entryData, TEXT_PROBE_BYTES);
    byte[] head = text.readNBytes(TEXT_PROBE_BYTES); // damage here shows when the next entry is read
    if (!ApsParser.isApsText(head)) {
      LOG.info("Skipping entry {} of {}: a .txt file that is not APS Green Book text", name, file);
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
