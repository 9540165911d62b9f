package io.patent2tech.udfs.drawings.sheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs drawn design patents the way the USPTO "grant full text with images" (PTGRDT) weekly product
 * is laid out, as far as it is known here: the weekly file {@code I<yyyymmdd>.tar} (the download
 * URL pattern {@code files/PTGRDT/<year>/I<yyyymmdd>.tar}) is a tar of per-patent ZIP files; each
 * ZIP holds one folder named after the document with the XML and its TIFFs
 * ({@code USD0990002-20261201/USD0990002-20261201.XML}, {@code .../USD0990002-20261201-D00001.TIF}).
 * Where the ZIPs sit inside the tar is not documented anywhere we could read: they go under
 * {@code I<yyyymmdd>/DESIGN/} (design grants), an assumption. Entry times are fixed (the issue date,
 * no time zone) so the bytes are the same on every run.
 */
public final class PtgrdtPacker {

  private PtgrdtPacker() {}

  /** {@code I20261201.tar} */
  public static String weeklyName(String date) {
    return "I" + date + ".tar";
  }

  /** {@code USD0990002-20261201.ZIP} */
  public static String zipName(DesignPatent p) {
    return p.fileBase() + ".ZIP";
  }

  /** {@code I20261201/DESIGN/USD0990002-20261201.ZIP} */
  public static String tarEntry(DesignPatent p) {
    return "I" + p.date() + "/DESIGN/" + zipName(p);
  }

  /** The per-patent ZIP: the XML first, then the TIFFs, all in a folder named after the document. */
  public static byte[] zip(DrawnPatent d) throws IOException {
    DesignPatent p = d.patent;
    LocalDateTime time = issueTime(p.date());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      String dir = p.fileBase() + "/";
      put(zip, dir + p.fileBase() + ".XML", d.xmlBytes(), time);
      for (Map.Entry<String, byte[]> t : d.tiffs.entrySet()) {
        put(zip, dir + t.getKey(), t.getValue(), time);
      }
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, byte[] content, LocalDateTime time) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTimeLocal(time);
    zip.putNextEntry(e);
    zip.write(content);
    zip.closeEntry();
  }

  static LocalDateTime issueTime(String date) {
    return LocalDateTime.of(Integer.parseInt(date.substring(0, 4)), Integer.parseInt(date.substring(4, 6)),
        Integer.parseInt(date.substring(6, 8)), 0, 0);
  }

  /** A POSIX ustar archive of the given entries (name -> bytes, in order), mode 0644, owner 0, fixed time. */
  public static byte[] tar(Map<String, byte[]> entries, String date) throws IOException {
    long mtime = issueTime(date).toEpochSecond(java.time.ZoneOffset.UTC);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      byte[] name = e.getKey().getBytes(StandardCharsets.US_ASCII);
      if (name.length > 100) {
        throw new IllegalArgumentException("tar name longer than 100 bytes: " + e.getKey());
      }
      byte[] h = new byte[512];
      System.arraycopy(name, 0, h, 0, name.length);
      octal(h, 100, 8, 0644);
      octal(h, 108, 8, 0);
      octal(h, 116, 8, 0);
      octal(h, 124, 12, e.getValue().length);
      octal(h, 136, 12, mtime);
      for (int i = 148; i < 156; i++) {
        h[i] = ' ';
      }
      h[156] = '0';
      byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(magic, 0, h, 257, magic.length);
      long sum = 0;
      for (byte b : h) {
        sum += b & 0xff;
      }
      octal(h, 148, 7, sum);
      h[155] = ' ';
      out.write(h);
      out.write(e.getValue());
      int rest = (512 - e.getValue().length % 512) % 512;
      out.write(new byte[rest]);
    }
    out.write(new byte[1024]);
    return out.toByteArray();
  }

  /** Zero-padded octal digits in a field of {@code len} bytes, the last one NUL. */
  private static void octal(byte[] h, int off, int len, long value) {
    String s = Long.toOctalString(value);
    if (s.length() > len - 1) {
      throw new IllegalArgumentException("value too large for a tar field: " + value);
    }
    for (int i = 0; i < len - 1; i++) {
      int k = i - (len - 1 - s.length());
      h[off + i] = (byte) (k < 0 ? '0' : s.charAt(k));
    }
    h[off + len - 1] = 0;
  }
}
