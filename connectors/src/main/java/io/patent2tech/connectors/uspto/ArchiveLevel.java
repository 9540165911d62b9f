package io.patent2tech.connectors.uspto;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * One archive of a bulk file, read front to back: the file itself (a zip or a tar) or a zip stored
 * in it (the per-patent zips of the "with images" products). It hands out its file entries in
 * archive order, each named as {@link #entryName} composes it, and the data of the current one.
 */
final class ArchiveLevel {

  /** Separates the entry of an archive from the entry of the zip nested in it: {@code A.ZIP!a/A.XML}. */
  static final String NESTED = "!";

  private final String kind;
  private final ZipInputStream zip;
  private final TarArchiveInputStream tar;
  private final String prefix;
  private final FileStream file;
  private ArchiveEntryStream data;
  private String name;

  private ArchiveLevel(String kind, ZipInputStream zip, TarArchiveInputStream tar, String prefix, FileStream file) {
    this.kind = kind;
    this.zip = zip;
    this.tar = tar;
    this.prefix = prefix;
    this.file = file;
  }

  /** A zip archive over {@code in}; {@code outerEntry} is the entry of the archive holding it, or null. */
  static ArchiveLevel zip(InputStream in, String outerEntry, FileStream file) {
    return new ArchiveLevel("zip", new ZipInputStream(in), null, prefix(outerEntry), file);
  }

  /** A tar archive over {@code in} (the bulk file itself). */
  static ArchiveLevel tar(InputStream in, FileStream file) {
    return new ArchiveLevel("tar", null, new TarArchiveInputStream(in), "", file);
  }

  private static String prefix(String outerEntry) {
    return outerEntry == null ? "" : outerEntry + NESTED;
  }

  /** {@code zip} or {@code tar}. */
  String kind() {
    return kind;
  }

  /**
   * Moves to the next file entry (directories and, in a tar, links and devices are passed over)
   * and returns its name as stored, or null at the end of the archive. A damaged archive throws.
   */
  String next() throws IOException {
    name = null;
    data = null;
    if (zip != null) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (!e.isDirectory()) {
          return open(e.getName(), zip);
        }
      }
      return null;
    }
    TarArchiveEntry e;
    while ((e = tar.getNextEntry()) != null) {
      if (e.isFile()) {
        return open(e.getName(), tar);
      }
    }
    return null;
  }

  private String open(String entry, InputStream archive) {
    name = entry;
    data = new ArchiveEntryStream(archive, file);
    return entry;
  }

  /** The name of the current entry as recorded in {@link RawDocument#entry}: {@code outer!inner} when nested. */
  String entryName() {
    return prefix + name;
  }

  /** The data of the current entry. */
  ArchiveEntryStream data() {
    return data;
  }
}
