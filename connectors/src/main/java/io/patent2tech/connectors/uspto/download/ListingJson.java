package io.patent2tech.connectors.uspto.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** JSON helpers shared by the two listing APIs, which agree on little but their date formats. */
final class ListingJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private ListingJson() {}

  static JsonNode parse(byte[] body, String what) throws IOException {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IOException("unreadable " + what + " listing: " + e.getMessage(), e);
    }
  }

  /** A date given as {@code YYYY-MM-DD}, optionally followed by a time; null when absent. */
  static LocalDate date(JsonNode node) {
    String text = node.asText("").strip();
    if (text.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** True unless the file type says it is documentation (ODP/BDSS "Document": the DTDs). */
  static boolean isData(JsonNode type) {
    String t = type.asText("").strip().toLowerCase(Locale.ROOT);
    return t.isEmpty() || t.equals("data");
  }

  static URI uri(JsonNode node) {
    String text = node.asText("").strip();
    return text.isEmpty() ? null : URI.create(text.replace(" ", "%20"));
  }

  /** A checksum field as {@code algorithm:hex}, the algorithm told by the hex length. */
  static String checksum(JsonNode file) {
    for (String field : new String[] {"fileChecksum", "checksum", "fileMd5Checksum", "md5"}) {
      String hex = file.path(field).asText("").strip().toLowerCase(Locale.ROOT);
      if (hex.matches("[0-9a-f]{32}")) {
        return "MD5:" + hex;
      }
      if (hex.matches("[0-9a-f]{64}")) {
        return "SHA-256:" + hex;
      }
    }
    return null;
  }
}
