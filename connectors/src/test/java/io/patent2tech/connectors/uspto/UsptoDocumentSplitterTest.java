package io.patent2tech.connectors.uspto;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.patent2tech.connectors.uspto.BulkFiles.concatenate;
import static io.patent2tech.connectors.uspto.BulkFiles.declaredDocuments;
import static io.patent2tech.connectors.uspto.BulkFiles.offsets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsptoDocumentSplitterTest {

  private static final String FILE = "ipg150106.xml";
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @Test
  void splitsConcatenatedFixturesIntoTheOriginalDocuments() throws IOException {
    List<byte[]> documents = allDeclaredDocuments();

    List<RawDocument> split = split(concatenate(documents));

    assertSplitInto(split, documents, 0);
    assertThat(split)
        .allSatisfy(
            d -> {
              assertThat(d.file).isEqualTo(FILE);
              assertThat(d.entry).isNull();
              assertThat(d.oversized).isFalse();
              assertThat(d.readError).isNull();
            });
  }

  @Test
  void findsEveryDocumentWhateverTheReadSizes() throws IOException {
    List<byte[]> documents = allDeclaredDocuments();
    byte[] bulk = concatenate(documents);

    for (int maxRead : new int[] {1, 2, 5, 9, 10, 4093}) {
      List<RawDocument> split =
          split(
              new TricklingInputStream(bulk, maxRead),
              UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES);
      assertSplitInto(split, documents, 0);
    }
  }

  @Test
  void keepsContentBeforeTheFirstDeclarationAsADocument() throws IOException {
    // a real PAP publication that starts with its DOCTYPE, without an XML declaration
    byte[] undeclared =
        BulkFiles.endingInNewline(BulkFiles.fixture("uspto/application/US20010000044A1.xml"));
    List<byte[]> documents = new ArrayList<>();
    documents.add(undeclared);
    documents.addAll(declaredDocuments("grant").values());

    assertSplitInto(split(concatenate(documents)), documents, 0);
  }

  @Test
  void dropsWhiteSpaceBeforeTheFirstDeclaration() throws IOException {
    List<byte[]> documents = List.copyOf(declaredDocuments("grant").values());
    byte[] preamble = bytes("\r\n \t\n\n");

    List<RawDocument> split = split(concatenate(prepend(preamble, documents)));

    assertThat(split).hasSize(documents.size());
    assertThat(split.get(0).position).isZero();
    assertThat(split.get(0).offset).isEqualTo(preamble.length);
    assertThat(split.get(0).bytes).isEqualTo(documents.get(0));
  }

  @Test
  void dropsAByteOrderMarkAndLineBreakBeforeTheFirstDeclaration() throws IOException {
    List<byte[]> documents = List.copyOf(declaredDocuments("application").values());
    byte[] preamble = concatenate(List.of(BOM, bytes("\n")));

    List<RawDocument> split = split(concatenate(prepend(preamble, documents)));

    assertThat(split).hasSize(documents.size());
    assertThat(split.get(0).offset).isEqualTo(4);
    assertThat(split.get(0).bytes).isEqualTo(documents.get(0));
  }

  @Test
  void splitsCrLfFiles() throws IOException {
    List<byte[]> documents = new ArrayList<>();
    for (byte[] document : allDeclaredDocuments()) {
      documents.add(toCrLf(document));
    }
    assertThat(documents.get(0)).contains('\r');

    assertSplitInto(split(concatenate(documents)), documents, 0);
  }

  @Test
  void keepsByteOrderMarksWithTheirDocuments() throws IOException {
    List<byte[]> plain = List.copyOf(declaredDocuments("grant").values());
    List<byte[]> documents =
        List.of(
            concatenate(List.of(BOM, plain.get(0))),
            plain.get(1),
            concatenate(List.of(BOM, plain.get(2))));

    assertSplitInto(split(concatenate(documents)), documents, 0);
  }

  @Test
  void splitsOnlyAtDeclarationsThatStartALine() throws IOException {
    byte[] first =
        bytes(
            "<?xml version=\"1.0\"?>\n"
                + "<?xml-stylesheet href=\"style.xsl\"?>\n"
                + "<doc>see <?xml version=\"1.0\"?> here\n"
                + "<?xml?>\n"
                + "</doc>\n");
    byte[] second = bytes("<?xml\tversion=\"1.0\"?>\r\n<doc/>\r\n");
    byte[] third = bytes("<?xml version=\"1.0\"?><doc/>");

    assertSplitInto(
        split(concatenate(List.of(first, second, third))), List.of(first, second, third), 0);
  }

  @Test
  void splitsWeeklyFilesOfPapAndPgDocumentsWhetherOrNotTheyAreDeclared() throws IOException {
    // 2001-2004 layouts: PAP v1.5 applications (one of them starts with its DOCTYPE, no
    // declaration) and ST.32 "pg" grants, each with a DOCTYPE and an internal subset; one of the pg
    // files is CRLF and has a commented-out DOCTYPE line before its own
    Map<String, byte[]> applications = new LinkedHashMap<>();
    for (String name :
        List.of("US20010000943A1.xml", "US20010000044A1.xml", "pa20010031492.xml", "US20010009014A1.xml")) {
      applications.put(name, BulkFiles.endingInNewline(BulkFiles.fixture("uspto/application/" + name)));
    }
    List<byte[]> documents = new ArrayList<>(applications.values());
    documents.addAll(declaredDocuments("legacy").values());
    documents.add(applications.get("US20010000044A1.xml")); // undeclared again, last
    assertThat(documents).hasSize(8);
    assertThat(documents.get(1)).startsWith(bytes("<!DOCTYPE"));

    assertSplitInto(split(concatenate(documents)), documents, 0);
    for (int maxRead : new int[] {1, 7, 4093}) {
      assertSplitInto(
          split(new TricklingInputStream(concatenate(documents), maxRead), UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES),
          documents, 0);
    }
  }

  @Test
  void splitsAnApsWeeklyFileAtEachPatnRecordAfterItsHeader() throws IOException {
    List<byte[]> documents = List.copyOf(BulkFiles.apsDocuments().values());
    byte[] header = bytes(BulkFiles.APS_FILE_HEADER);
    byte[] weekly = concatenate(prepend(header, documents));

    for (int maxRead : new int[] {1, 3, 5, 4093, Integer.MAX_VALUE}) {
      List<RawDocument> split =
          split(new TricklingInputStream(weekly, maxRead), UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES);

      assertThat(split).hasSize(documents.size());
      long offset = header.length;
      for (int i = 0; i < documents.size(); i++) {
        assertThat(split.get(i).position).isEqualTo(i);
        assertThat(split.get(i).offset).isEqualTo(offset);
        assertThat(split.get(i).size).isEqualTo(documents.get(i).length);
        assertThat(split.get(i).bytes).isEqualTo(documents.get(i));
        offset += documents.get(i).length;
      }
      assertThat(offset).isEqualTo(weekly.length); // every byte but the header's is in a document
    }
    // without the header (a file cut from a weekly one) the documents are the same
    assertSplitInto(split(concatenate(documents)), documents, 0);
  }

  @Test
  void apsTextIsCutOnlyAtLinesThatAreAPatnRecord() throws IOException {
    byte[] first = bytes("PATN\nWKU  039327094\nTTL  PATN\nPAR  in a PATN record\n      PATN\nPATNT  x\n");
    byte[] second = bytes("PATN  \r\nWKU  039373754\r\n");
    byte[] third = bytes("PATN");

    assertSplitInto(
        split(concatenate(List.of(first, second, third))), List.of(first, second, third), 0);
  }

  @Test
  void findsNoDocumentInAnEmptyOrBlankStream() throws IOException {
    assertThat(split(new byte[0])).isEmpty();
    assertThat(split(bytes(" \r\n\t\n"))).isEmpty();
    assertThat(split(concatenate(List.of(BOM, bytes("\n"))))).isEmpty();
    assertThat(split(bytes(BulkFiles.APS_FILE_HEADER))).isEmpty(); // an APS header and no patent
  }

  @Test
  void emitsATruncatedLastDocumentAsItIs() throws IOException {
    List<byte[]> documents = new ArrayList<>(declaredDocuments("grant").values());
    byte[] last = documents.remove(documents.size() - 1);
    byte[] truncated = Arrays.copyOf(last, last.length / 2);
    documents.add(truncated);

    List<RawDocument> split = split(concatenate(documents));

    assertSplitInto(split, documents, 0);
    assertThat(split.get(split.size() - 1).size).isEqualTo(last.length / 2);
  }

  @Test
  void capsOversizedDocumentsAndCountsTheirFullSize() throws IOException {
    List<byte[]> documents = allDeclaredDocuments();
    int max = 50_000;
    byte[] bulk = concatenate(documents);
    List<Long> offsets = offsets(documents);

    List<RawDocument> split = split(new TricklingInputStream(bulk, 7000), max);

    assertThat(split).hasSize(documents.size());
    assertThat(documents).anyMatch(d -> d.length > max).anyMatch(d -> d.length <= max);
    for (int i = 0; i < documents.size(); i++) {
      byte[] expected = documents.get(i);
      RawDocument actual = split.get(i);
      assertThat(actual.position).isEqualTo(i);
      assertThat(actual.offset).isEqualTo(offsets.get(i));
      assertThat(actual.size).isEqualTo(expected.length);
      assertThat(actual.oversized).isEqualTo(expected.length > max);
      assertThat(actual.bytes).isEqualTo(Arrays.copyOf(expected, Math.min(max, expected.length)));
    }
  }

  @Test
  void numbersDocumentsFromTheGivenFirstPosition() throws IOException {
    List<byte[]> documents = List.copyOf(declaredDocuments("application").values());

    List<RawDocument> split =
        split(new ByteArrayInputStream(concatenate(documents)), 40, "ipa.zip", "ipa.xml");

    assertSplitInto(split, documents, 40);
    assertThat(split).allSatisfy(d -> assertThat(d.entry).isEqualTo("ipa.xml"));
  }

  @Test
  void streamsAGibibyteThroughAHeapSmallerThanTheStream() throws IOException {
    byte[] document = BulkFiles.endingInNewline(BulkFiles.fixture("uspto/grant/US08927118.xml"));
    long copies = (1L << 30) / document.length + 1;
    long streamBytes = copies * document.length;
    assertThat(streamBytes).isGreaterThan(Runtime.getRuntime().maxMemory());

    long count = 0;
    long offset = 0;
    try (UsptoDocumentSplitter splitter =
        new UsptoDocumentSplitter(
            new RepeatingInputStream(document, copies),
            FILE,
            null,
            0,
            UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES)) {
      for (RawDocument next = splitter.next(); next != null; next = splitter.next()) {
        assertThat(next.position).isEqualTo(count);
        assertThat(next.offset).isEqualTo(offset);
        if (!Arrays.equals(next.bytes, document)) {
          throw new AssertionError("document " + count + " differs from its source");
        }
        count++;
        offset += next.size;
      }
    }
    assertThat(count).isEqualTo(copies);
    assertThat(offset).isEqualTo(streamBytes);
  }

  @Test
  void rejectsANonPositiveDocumentLimit() {
    assertThatThrownBy(
            () ->
                new UsptoDocumentSplitter(new ByteArrayInputStream(new byte[0]), FILE, null, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxDocumentBytes");
  }

  private static List<byte[]> allDeclaredDocuments() {
    List<byte[]> documents = new ArrayList<>(declaredDocuments("grant").values());
    documents.addAll(declaredDocuments("application").values());
    return documents;
  }

  private static void assertSplitInto(
      List<RawDocument> split, List<byte[]> documents, long firstPosition) {
    List<Long> offsets = offsets(documents);
    assertThat(split).hasSize(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      RawDocument actual = split.get(i);
      byte[] expected = documents.get(i);
      assertThat(actual.position).as("position of %d", i).isEqualTo(firstPosition + i);
      assertThat(actual.offset).as("offset of %d", i).isEqualTo(offsets.get(i));
      assertThat(actual.size).as("size of %d", i).isEqualTo(expected.length);
      assertThat(actual.bytes).as("bytes of %d", i).isEqualTo(expected);
    }
  }

  private static List<RawDocument> split(byte[] bulk) throws IOException {
    return split(new ByteArrayInputStream(bulk), UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES);
  }

  private static List<RawDocument> split(InputStream in, int maxDocumentBytes) throws IOException {
    List<RawDocument> documents = new ArrayList<>();
    try (UsptoDocumentSplitter splitter =
        new UsptoDocumentSplitter(in, FILE, null, 0, maxDocumentBytes)) {
      for (RawDocument next = splitter.next(); next != null; next = splitter.next()) {
        documents.add(next);
      }
      assertThat(splitter.next()).isNull();
    }
    return documents;
  }

  private static List<RawDocument> split(
      InputStream in, long firstPosition, String file, String entry) throws IOException {
    List<RawDocument> documents = new ArrayList<>();
    try (UsptoDocumentSplitter splitter =
        new UsptoDocumentSplitter(
            in, file, entry, firstPosition, UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES)) {
      for (RawDocument next = splitter.next(); next != null; next = splitter.next()) {
        documents.add(next);
      }
    }
    assertThat(documents).allSatisfy(d -> assertThat(d.file).isEqualTo(file));
    return documents;
  }

  private static List<byte[]> prepend(byte[] preamble, List<byte[]> documents) {
    List<byte[]> parts = new ArrayList<>();
    parts.add(preamble);
    parts.addAll(documents);
    return parts;
  }

  private static byte[] toCrLf(byte[] document) {
    String text = new String(document, StandardCharsets.UTF_8);
    return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Hands out at most a few bytes per read, as network and decompressing streams may. */
  private static final class TricklingInputStream extends InputStream {
    private final byte[] bytes;
    private final int maxRead;
    private int position;

    TricklingInputStream(byte[] bytes, int maxRead) {
      this.bytes = bytes;
      this.maxRead = maxRead;
    }

    @Override
    public int read() {
      return position < bytes.length ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position == bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, maxRead), bytes.length - position);
      System.arraycopy(bytes, position, b, off, n);
      position += n;
      return n;
    }
  }

  /** The same document over and over, generated while read: never all in memory. */
  private static final class RepeatingInputStream extends InputStream {
    private final byte[] document;
    private long remainingCopies;
    private int inDocument;

    RepeatingInputStream(byte[] document, long copies) {
      this.document = document;
      this.remainingCopies = copies;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (remainingCopies == 0) {
        return -1;
      }
      int n = Math.min(len, document.length - inDocument);
      System.arraycopy(document, inDocument, b, off, n);
      inDocument += n;
      if (inDocument == document.length) {
        inDocument = 0;
        remainingCopies--;
      }
      return n;
    }
  }
}
