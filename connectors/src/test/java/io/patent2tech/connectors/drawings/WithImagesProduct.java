package io.patent2tech.connectors.drawings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A tiny USPTO "with images" product (PTGRDT layout), built in the test from real files: the real
 * design grant US D701016 S ({@code fixtures/uspto/grant/ipgD0701016.xml}, which names its sheets
 * {@code USD0701016-20140318-D00000.TIF} to {@code -D00004.TIF}) in a per-patent zip beside two real
 * drawing TIFFs (the EPO OPS pages of {@code fixtures/epo-ops/patent-dev/}, standing in for USPTO
 * sheets: no real USPTO TIFF is in the repository, see fixtures/PROVENANCE.md) as its sheets D00000
 * and D00001; D00002 to D00004 are left out, so their figures are missing.
 */
public final class WithImagesProduct {

  public static final String PUBLICATION = "USD0701016-20140318";
  public static final String XML_NAME = PUBLICATION + "/" + PUBLICATION + ".XML";
  public static final String FIRST_SHEET = PUBLICATION + "-D00000.TIF";
  public static final String SECOND_SHEET = PUBLICATION + "-D00001.TIF";
  public static final String MISSING_SHEET = PUBLICATION + "-D00002.TIF";
  /** Where the per-patent zip sits in the tar, as in the weekly products: a date folder, then the kind. */
  public static final String ZIP_ENTRY = "I20140318/DESIGN/" + PUBLICATION + ".ZIP";
  /** {@link io.patent2tech.schema.Source#getEntry()} of the patent's XML read from the tar. */
  public static final String NESTED_ENTRY = ZIP_ENTRY + "!" + XML_NAME;

  private WithImagesProduct() {}

  public static Path fixtures() {
    String dir = System.getProperty("p2t.fixtures");
    if (dir == null) {
      throw new IllegalStateException("system property p2t.fixtures (the repository's fixtures directory) is not set");
    }
    return Path.of(dir);
  }

  public static byte[] xml() {
    return read("uspto/grant/ipgD0701016.xml");
  }

  /** The real TIFF stored as sheet D00000 (OPS thumbnail page of EP 2400812 A1, 15 KB). */
  public static byte[] firstSheet() {
    return read("epo-ops/patent-dev/get_image_thumbnail_response.tiff");
  }

  /** The real TIFF stored as sheet D00001 (OPS full-image page of EP 2400812 A1, 28 KB). */
  public static byte[] secondSheet() {
    return read("epo-ops/patent-dev/get_image_post_response.tiff");
  }

  /** The per-patent zip: the XML and the two sheets in the publication's folder. */
  public static byte[] patentZip() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(PUBLICATION + "/", new byte[0]);
    entries.put(XML_NAME, xml());
    entries.put(PUBLICATION + "/" + FIRST_SHEET, firstSheet());
    entries.put(PUBLICATION + "/" + SECOND_SHEET, secondSheet());
    return zip(entries);
  }

  /** The weekly product as a tar holding the per-patent zip (and a README beside it). */
  public static byte[] tar() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("I20140318/README.TXT", "USPTO grant full text with images, 2014-03-18\n".getBytes());
    entries.put(ZIP_ENTRY, patentZip());
    return tar(entries);
  }

  /** The weekly product as a zip holding the per-patent zip. */
  public static byte[] zipOfZips() {
    return zip(Map.of(ZIP_ENTRY, patentZip()));
  }

  public static Path writeTar(Path dir, String name) {
    try {
      return Files.write(dir.resolve(name), tar());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A zip with the given entries in order; a name ending in / is a directory. */
  public static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A POSIX tar with the given file entries in order. */
  public static byte[] tar(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] read(String relative) {
    try {
      return Files.readAllBytes(fixtures().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
