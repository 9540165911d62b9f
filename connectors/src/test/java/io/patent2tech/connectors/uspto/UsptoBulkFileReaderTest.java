package io.patent2tech.connectors.uspto;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.patent2tech.connectors.uspto.BulkFiles.concatenate;
import static io.patent2tech.connectors.uspto.BulkFiles.declaredDocuments;
import static io.patent2tech.connectors.uspto.BulkFiles.offsets;
import static io.patent2tech.connectors.uspto.BulkFiles.zip;
import static org.assertj.core.api.Assertions.assertThat;

class UsptoBulkFileReaderTest {

  private static final int MAX = UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES;

  private final List<byte[]> grants = List.copyOf(declaredDocuments("grant").values());
  private final List<byte[]> applications = List.copyOf(declaredDocuments("application").values());

  @Test
  void splitsABareXmlFile() throws IOException {
    List<RawDocument> read = read(concatenate(grants), "ipg150106.xml");

    assertDocuments(read, grants, null, 0);
    assertThat(read).allSatisfy(d -> assertThat(d.file).isEqualTo("ipg150106.xml"));
  }

  @Test
  void splitsTheXmlEntryOfAZip() throws IOException {
    byte[] archive = zip(Map.of("ipg150106.xml", concatenate(grants)));

    List<RawDocument> read = read(archive, "ipg150106.zip");

    assertDocuments(read, grants, "ipg150106.xml", 0);
    assertThat(read).allSatisfy(d -> assertThat(d.file).isEqualTo("ipg150106.zip"));
  }

  @Test
  void readsEveryXmlEntryAndSkipsDirectoriesAndOtherFiles() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("ipg150106/", new byte[0]);
    entries.put("ipg150106/README.txt", text("<?xml version=\"1.0\"?>\nnot a patent\n"));
    entries.put("ipg150106/ipg150106.xml", concatenate(grants));
    entries.put("ipg150106/us-patent-grant-v45-2014-04-03.dtd", text("<!ELEMENT x ANY>\n"));
    entries.put("ipg150106/ipa150108.XML", concatenate(applications));

    List<RawDocument> read = read(zip(entries), "ipg150106.zip");

    assertThat(read).hasSize(grants.size() + applications.size());
    assertDocuments(read.subList(0, grants.size()), grants, "ipg150106/ipg150106.xml", 0);
    assertDocuments(
        read.subList(grants.size(), read.size()),
        applications,
        "ipg150106/ipa150108.XML",
        grants.size());
  }

  @Test
  void readsTheApsTextEntryOfAWeeklyPftapsZipAndSkipsOtherText() throws IOException {
    List<byte[]> patents = List.copyOf(BulkFiles.apsDocuments().values());
    byte[] weekly = concatenate(List.of(text(BulkFiles.APS_FILE_HEADER), concatenate(patents)));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("README.txt", text("Patent Grant Full Text Data (APS), week 51\n"));
    entries.put("pftaps19971223_wk51.txt", weekly);

    List<RawDocument> read = read(zip(entries), "pftaps19971223_wk51.zip");

    assertThat(read).hasSize(patents.size());
    long offset = BulkFiles.APS_FILE_HEADER.length();
    for (int i = 0; i < patents.size(); i++) {
      assertThat(read.get(i).entry).isEqualTo("pftaps19971223_wk51.txt");
      assertThat(read.get(i).position).isEqualTo(i);
      assertThat(read.get(i).offset).isEqualTo(offset);
      assertThat(read.get(i).bytes).isEqualTo(patents.get(i));
      offset += patents.get(i).length;
    }
    // the bare weekly file gives the same documents
    assertThat(read(weekly, "pftaps19971223_wk51.txt"))
        .extracting(d -> d.bytes)
        .containsExactlyElementsOf(patents);
  }

  @Test
  void readsPapAndPgWeeklyFilesInsideAZip() throws IOException {
    List<byte[]> pap = new ArrayList<>();
    for (String name : List.of("US20010000943A1.xml", "US20010000044A1.xml", "pa20010031492.xml")) {
      pap.add(BulkFiles.endingInNewline(BulkFiles.fixture("uspto/application/" + name))); // the 2nd has no declaration
    }
    List<byte[]> pg = List.copyOf(declaredDocuments("legacy").values());
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("pa010315.xml", concatenate(pap));
    entries.put("pg020827.xml", concatenate(pg));

    List<RawDocument> read = read(zip(entries), "2001-2002.zip");

    assertDocuments(read.subList(0, pap.size()), pap, "pa010315.xml", 0);
    assertDocuments(read.subList(pap.size(), read.size()), pg, "pg020827.xml", pap.size());
  }

  @Test
  void recognisesAZipByItsContentNotItsName() throws IOException {
    byte[] archive = zip(Map.of("ipa150108.xml", concatenate(applications)));

    assertDocuments(read(archive, "ipa150108.xml"), applications, "ipa150108.xml", 0);
    assertDocuments(read(concatenate(applications), "ipa150108.zip"), applications, null, 0);
  }

  @Test
  void findsNoDocumentInAnEmptyFileOrArchive() throws IOException {
    assertThat(read(new byte[0], "empty.xml")).isEmpty();
    assertThat(read(zip(Map.of()), "empty.zip")).isEmpty();
    assertThat(read(zip(Map.of("README.txt", text("hello\n"))), "readme.zip")).isEmpty();
  }

  @Test
  void reportsATruncatedArchiveAfterTheDocumentsBeforeTheCut() throws IOException {
    byte[] archive = zip(Map.of("ipg150106.xml", concatenate(grants)));
    byte[] truncated = Arrays.copyOf(archive, archive.length * 2 / 3);

    List<RawDocument> read = read(truncated, "ipg150106.zip");

    RawDocument report = read.get(read.size() - 1);
    List<RawDocument> documents = read.subList(0, read.size() - 1);
    assertThat(documents).isNotEmpty().hasSizeLessThan(grants.size() + 1);
    assertThat(documents).allSatisfy(d -> assertThat(d.readError).isNull());
    List<Long> offsets = offsets(grants);
    for (RawDocument document : documents) {
      int i = (int) document.position;
      assertThat(document.offset).isEqualTo(offsets.get(i));
      byte[] expected = grants.get(i);
      assertThat(document.bytes).isEqualTo(Arrays.copyOf(expected, document.bytes.length));
    }
    assertThat(report.readError)
        .startsWith("zip entry ipg150106.xml damaged after ")
        .contains("Unexpected end of ZLIB input stream");
    assertThat(report.entry).isEqualTo("ipg150106.xml");
    assertThat(report.position).isEqualTo(documents.size());
    RawDocument lastDocument = documents.get(documents.size() - 1);
    assertThat(report.offset).isEqualTo(lastDocument.offset + lastDocument.size);
    assertThat(report.bytes).isEmpty();
    assertThat(report.size).isZero();
  }

  @Test
  void reportsCorruptArchiveData() throws IOException {
    byte[] archive = zip(Map.of("ipa150108.xml", concatenate(applications)));
    for (int i = archive.length / 2; i < archive.length / 2 + 64; i++) {
      archive[i] ^= 0x5A;
    }

    List<RawDocument> read = read(archive, "ipa150108.zip");

    RawDocument report = read.get(read.size() - 1);
    assertThat(report.readError).startsWith("zip entry ipa150108.xml damaged after ");
    assertThat(report.position).isEqualTo(read.size() - 1);
    assertThat(read.subList(0, read.size() - 1)).allSatisfy(d -> assertThat(d.readError).isNull());
  }

  @Test
  void reportsAnArchiveCutInsideAnEntryHeader() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("ipg150106.xml", concatenate(grants));
    entries.put("ipa150108.xml", concatenate(applications));
    byte[] archive = zip(entries);
    // the first occurrence of the name is in the entry's local header, before its data
    int secondName = indexOf(archive, text("ipa150108.xml"), 0);
    byte[] truncated = Arrays.copyOf(archive, secondName + 5);

    List<RawDocument> read = read(truncated, "mixed.zip");

    assertDocuments(read.subList(0, grants.size()), grants, "ipg150106.xml", 0);
    assertThat(read).hasSize(grants.size() + 1);
    RawDocument report = read.get(grants.size());
    assertThat(report.readError).startsWith("zip archive damaged after entry ipg150106.xml: ");
    assertThat(report.entry).isNull();
    assertThat(report.position).isEqualTo(grants.size());
  }

  private static List<RawDocument> read(byte[] file, String name) throws IOException {
    List<RawDocument> documents = new ArrayList<>();
    try (UsptoBulkFileReader reader =
        new UsptoBulkFileReader(new ByteArrayInputStream(file), name, MAX)) {
      for (RawDocument next = reader.next(); next != null; next = reader.next()) {
        documents.add(next);
      }
      assertThat(reader.next()).isNull();
    }
    return documents;
  }

  private static void assertDocuments(
      List<RawDocument> read, List<byte[]> expected, String entry, long firstPosition) {
    List<Long> offsets = offsets(expected);
    assertThat(read).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      RawDocument document = read.get(i);
      assertThat(document.entry).isEqualTo(entry);
      assertThat(document.position).isEqualTo(firstPosition + i);
      assertThat(document.offset).isEqualTo(offsets.get(i));
      assertThat(document.bytes).isEqualTo(expected.get(i));
      assertThat(document.readError).isNull();
    }
  }

  private static int indexOf(byte[] bytes, byte[] pattern, int from) {
    for (int i = from; i <= bytes.length - pattern.length; i++) {
      if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
        return i;
      }
    }
    throw new AssertionError("pattern not found");
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
