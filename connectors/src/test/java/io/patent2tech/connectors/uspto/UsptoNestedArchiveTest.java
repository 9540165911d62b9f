package io.patent2tech.connectors.uspto;

import static io.patent2tech.connectors.uspto.BulkFiles.concatenate;
import static io.patent2tech.connectors.uspto.BulkFiles.declaredDocuments;
import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.connectors.drawings.WithImagesProduct;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "With images" products: a tar or a zip of per-patent zips, each with one XML and its TIFFs. */
class UsptoNestedArchiveTest {

  private static final int MAX = UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES;

  @Test
  void readsTheXmlOfAPerPatentZipInATarAndSkipsItsImages() throws IOException {
    List<RawDocument> read = read(WithImagesProduct.tar(), "I20140318.tar", MAX);

    assertThat(read).hasSize(1);
    RawDocument document = read.get(0);
    assertThat(document.entry)
        .isEqualTo("I20140318/DESIGN/USD0701016-20140318.ZIP!USD0701016-20140318/USD0701016-20140318.XML")
        .isEqualTo(WithImagesProduct.NESTED_ENTRY);
    assertThat(document.file).isEqualTo("I20140318.tar");
    assertThat(document.position).isZero();
    assertThat(document.offset).isZero();
    assertThat(document.bytes).isEqualTo(WithImagesProduct.xml());
    assertThat(document.readError).isNull();
    assertThat(document.oversized).isFalse();
  }

  @Test
  void readsTheXmlOfAPerPatentZipInAZip() throws IOException {
    List<RawDocument> read = read(WithImagesProduct.zipOfZips(), "I20140318.zip", MAX);

    assertThat(read).singleElement().satisfies(d -> {
      assertThat(d.entry).isEqualTo(WithImagesProduct.NESTED_ENTRY);
      assertThat(d.bytes).isEqualTo(WithImagesProduct.xml());
    });
  }

  @Test
  void countsPositionsOnAcrossPerPatentZipsAndPlainEntries() throws IOException {
    List<byte[]> grants = List.copyOf(declaredDocuments("grant").values());
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < grants.size(); i++) {
      entries.put("I20150106/UTIL/P" + i + ".ZIP", WithImagesProduct.zip(Map.of("P" + i + "/P" + i + ".XML", grants.get(i))));
    }
    entries.put("ipg150106.xml", concatenate(grants));

    List<RawDocument> read = read(WithImagesProduct.tar(entries), "weekly.tar", MAX);

    assertThat(read).hasSize(2 * grants.size());
    for (int i = 0; i < grants.size(); i++) {
      assertThat(read.get(i).entry).isEqualTo("I20150106/UTIL/P" + i + ".ZIP!P" + i + "/P" + i + ".XML");
      assertThat(read.get(i).position).isEqualTo(i);
      assertThat(read.get(i).bytes).isEqualTo(grants.get(i));
      RawDocument plain = read.get(grants.size() + i);
      assertThat(plain.entry).isEqualTo("ipg150106.xml");
      assertThat(plain.position).isEqualTo(grants.size() + i);
      assertThat(plain.bytes).isEqualTo(grants.get(i));
    }
  }

  @Test
  void flagsAnOversizedDocumentInAPerPatentZip() throws IOException {
    List<RawDocument> read = read(WithImagesProduct.tar(), "I20140318.tar", 1024);

    assertThat(read).singleElement().satisfies(d -> {
      assertThat(d.oversized).isTrue();
      assertThat(d.size).isEqualTo(WithImagesProduct.xml().length);
      assertThat(d.bytes).hasSize(1024);
      assertThat(d.entry).isEqualTo(WithImagesProduct.NESTED_ENTRY);
    });
  }

  @Test
  void reportsATarCutInsideAPerPatentZipAfterTheDocumentsBeforeIt() throws IOException {
    List<byte[]> grants = List.copyOf(declaredDocuments("grant").values());
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("A.ZIP", WithImagesProduct.zip(Map.of("A/A.XML", grants.get(0))));
    entries.put("B.ZIP", WithImagesProduct.zip(Map.of("B/B.XML", grants.get(1))));
    byte[] tar = WithImagesProduct.tar(entries);
    // the cut falls inside the compressed data of the second per-patent zip
    int second = indexOf(tar, "B/B.XML".getBytes());
    byte[] truncated = Arrays.copyOf(tar, second + 200);

    List<RawDocument> read = read(truncated, "cut.tar", MAX);

    // A whole, what was inflated of B before the cut (for the parser to reject), then the report
    assertThat(read).hasSize(3);
    assertThat(read.get(0).entry).isEqualTo("A.ZIP!A/A.XML");
    assertThat(read.get(0).bytes).isEqualTo(grants.get(0));
    assertThat(read.get(1).entry).isEqualTo("B.ZIP!B/B.XML");
    assertThat(read.get(1).bytes).isEqualTo(Arrays.copyOf(grants.get(1), read.get(1).bytes.length));
    RawDocument report = read.get(2);
    assertThat(report.readError).startsWith("tar entry B.ZIP damaged while reading its entry B.ZIP!B/B.XML after ");
    assertThat(report.entry).isEqualTo("B.ZIP!B/B.XML");
    assertThat(report.position).isEqualTo(2);
    assertThat(report.offset).isEqualTo(read.get(1).size);
    assertThat(report.bytes).isEmpty();
  }

  @Test
  void reportsACorruptPerPatentZipInAnIntactTar() throws IOException {
    byte[] patent = WithImagesProduct.patentZip();
    int xml = indexOf(patent, WithImagesProduct.XML_NAME.getBytes()) + WithImagesProduct.XML_NAME.length();
    for (int i = xml + 100; i < xml + 400; i++) {
      patent[i] ^= 0x5A;
    }

    List<RawDocument> read = read(WithImagesProduct.tar(Map.of("P.ZIP", patent)), "bad.tar", MAX);

    RawDocument report = read.get(read.size() - 1);
    assertThat(report.readError).startsWith("nested zip entry P.ZIP!" + WithImagesProduct.XML_NAME + " damaged after ");
    assertThat(read.subList(0, read.size() - 1)).allSatisfy(d -> assertThat(d.readError).isNull());
  }

  @Test
  void anErrorReadingTheFileItselfPropagatesInsteadOfBeingReportedAsDamage() throws IOException {
    byte[] tar = WithImagesProduct.tar();
    java.io.InputStream failing = new java.io.FilterInputStream(new ByteArrayInputStream(tar)) {
      private int served;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (served > tar.length / 2) {
          throw new IOException("disk gone");
        }
        int n = super.read(b, off, Math.min(len, 4096));
        served += Math.max(n, 0);
        return n;
      }
    };

    try (UsptoBulkFileReader reader = new UsptoBulkFileReader(failing, "gone.tar", MAX)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
        while (reader.next() != null) {
          // read until the disk fails
        }
      }).isInstanceOf(IOException.class).hasMessage("disk gone");
    }
  }

  static List<RawDocument> read(byte[] file, String name, int max) throws IOException {
    List<RawDocument> documents = new ArrayList<>();
    try (UsptoBulkFileReader reader = new UsptoBulkFileReader(new ByteArrayInputStream(file), name, max)) {
      for (RawDocument next = reader.next(); next != null; next = reader.next()) {
        documents.add(next);
      }
      assertThat(reader.next()).isNull();
    }
    return documents;
  }

  private static int indexOf(byte[] bytes, byte[] pattern) {
    for (int i = 0; i <= bytes.length - pattern.length; i++) {
      if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
        return i;
      }
    }
    throw new AssertionError("pattern not found");
  }
}
