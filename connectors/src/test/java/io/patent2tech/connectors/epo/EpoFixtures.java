package io.patent2tech.connectors.epo;

import io.patent2tech.connectors.http.Cassette;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The captured OPS files under fixtures/epo-ops (system property {@code p2t.fixtures}). */
final class EpoFixtures {

  private EpoFixtures() {}

  static Path dir() {
    String dir = System.getProperty("p2t.fixtures");
    if (dir == null) {
      throw new IllegalStateException("system property p2t.fixtures (the repository's fixtures directory) is not set");
    }
    return Path.of(dir).resolve("epo-ops");
  }

  static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(dir().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String relative) {
    return new String(bytes(relative), StandardCharsets.UTF_8);
  }

  /** The first exchange-document element of the search-with-biblio capture, as text. */
  static String exchangeDocumentTemplate() {
    String xml = text("patent-dev/search_with_constituent_response.xml");
    int start = xml.indexOf("<exchange-document ");
    int end = xml.indexOf("</exchange-document>", start) + "</exchange-document>".length();
    return xml.substring(start, end);
  }

  /**
   * Values of a response header in a recorded cassette (e.g. the Ruby VCR ones under fhg-imw), in
   * recorded order.
   */
  static List<String> cassetteHeader(String relative, String header) {
    return Cassette.header(dir().resolve(relative), header);
  }
}
