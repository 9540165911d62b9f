package io.patent2tech.connectors.uspto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds bulk files the way USPTO lays them out, from the real single-document fixtures. */
final class BulkFiles {

  private BulkFiles() {}

  static Path fixtures() {
    String dir = System.getProperty("p2t.fixtures");
    if (dir == null) {
      throw new IllegalStateException(
          "system property p2t.fixtures (the repository's fixtures directory) is not set");
    }
    return Path.of(dir);
  }

  /**
   * The ICE and PAP documents of {@code uspto/<kind>} that begin with an XML declaration, as they
   * would appear in a weekly file (ending in a newline), by fixture file name.
   */
  static Map<String, byte[]> declaredDocuments(String kind) {
    Map<String, byte[]> documents = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(fixtures().resolve("uspto").resolve(kind))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
        byte[] bytes = Files.readAllBytes(file);
        if (startsWith(bytes, "<?xml ")) {
          documents.put(file.getFileName().toString(), endingInNewline(bytes));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (documents.isEmpty()) {
      throw new IllegalStateException("no declared documents under uspto/" + kind);
    }
    return documents;
  }

  /** The APS Green Book patents of {@code uspto/legacy} (one PATN record each), by file name. */
  static Map<String, byte[]> apsDocuments() {
    Map<String, byte[]> documents = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(fixtures().resolve("uspto").resolve("legacy"))) {
      for (Path file : files.sorted().toList()) {
        byte[] bytes = Files.readAllBytes(file);
        if (startsWith(bytes, "PATN")) {
          documents.put(file.getFileName().toString(), endingInNewline(bytes));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (documents.size() < 2) {
      throw new IllegalStateException("fewer than two APS documents under uspto/legacy");
    }
    return documents;
  }

  /** The header line a weekly pftaps file starts with (APS Green Book, issue of 1997-12-23). */
  static final String APS_FILE_HEADER = "HHHHHT  APS1    ISSUE  971223\r\n";

  static byte[] fixture(String relativePath) {
    try {
      return Files.readAllBytes(fixtures().resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] endingInNewline(byte[] bytes) {
    if (bytes.length > 0 && bytes[bytes.length - 1] == '\n') {
      return bytes;
    }
    byte[] terminated = Arrays.copyOf(bytes, bytes.length + 1);
    terminated[bytes.length] = '\n';
    return terminated;
  }

  static byte[] concatenate(List<byte[]> documents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    documents.forEach(out::writeBytes);
    return out.toByteArray();
  }

  /** Offsets at which each of the documents starts in their concatenation. */
  static List<Long> offsets(List<byte[]> documents) {
    List<Long> offsets = new ArrayList<>();
    long offset = 0;
    for (byte[] document : documents) {
      offsets.add(offset);
      offset += document.length;
    }
    return offsets;
  }

  /** A zip archive with the given entries, in order; a name ending in / is a directory. */
  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static boolean startsWith(byte[] bytes, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    return bytes.length >= p.length && Arrays.equals(bytes, 0, p.length, p, 0, p.length);
  }
}
