package io.patent2tech.connectors.uspto.download;

import static io.patent2tech.connectors.collect.Cursors.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.connectors.collect.CollectWindow;
import io.patent2tech.connectors.collect.CollectionFailedException;
import io.patent2tech.connectors.collect.FetchedDocument;
import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.connectors.collect.http.CredentialSource;
import io.patent2tech.connectors.collect.http.OfficeHttp;
import io.patent2tech.connectors.http.CapturedLogs;
import io.patent2tech.connectors.http.ReplayServer;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector end to end: an ODP listing, a weekly zip built from the real grant fixtures. */
class UsptoBulkCollectorTest {

  private static final String KEY = "odp-SECRET-key-4711";
  private static final CollectWindow WEEK =
      new CollectWindow("USPTO", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 7), null);

  @TempDir Path dir;

  /** The grant fixtures that start with an XML declaration, each ending in a newline. */
  static List<byte[]> grants() throws Exception {
    List<byte[]> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(UsptoListingTest.fixtures().resolve("uspto/grant"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
        byte[] b = Files.readAllBytes(f);
        if (new String(b, 0, 6, StandardCharsets.US_ASCII).equals("<?xml ")) {
          docs.add(b[b.length - 1] == '\n' ? b : Arrays.copyOf(ending(b), b.length + 1));
        }
      }
    }
    return docs;
  }

  private static byte[] ending(byte[] b) {
    byte[] c = Arrays.copyOf(b, b.length + 1);
    c[b.length] = '\n';
    return c;
  }

  /** A weekly file: one zip entry holding the concatenated documents. */
  static byte[] weeklyZip(String entry, List<byte[]> docs) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      for (byte[] d : docs) {
        zip.write(d);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  /** An ODP answer in the real shape: the week's zip plus a DTD "Document" entry. */
  static String listing(String url, String name, long size) {
    return "{\"count\":1,\"bulkDataProductBag\":[{\"productIdentifier\":\"PTGRXML\",\"productFileBag\":"
        + "{\"count\":2,\"fileDataBag\":[{\"fileName\":\"" + name + "\",\"fileSize\":" + size
        + ",\"fileDataFromDate\":\"2024-01-02\",\"fileDataToDate\":\"2024-01-02\",\"fileTypeText\":\"Data\","
        + "\"fileDownloadURI\":\"" + url + "/api/v1/datasets/products/files/PTGRXML/2024/" + name + "\"},"
        + "{\"fileName\":\"us-patent-grant-v47-2022-02-17.dtd\",\"fileSize\":63710,"
        + "\"fileDataFromDate\":\"2022-07-06\",\"fileDataToDate\":\"2022-07-06\",\"fileTypeText\":\"Document\","
        + "\"fileDownloadURI\":\"" + url + "/api/v1/datasets/products/files/PTGRXML/2022/x.dtd\"}]}}]}";
  }

  private OfficeCollector collector(ReplayServer server) {
    return new UsptoBulkCollectorFactory(UsptoBulkCollectorFactory.Api.ODP, server.url(),
        CredentialSource.value(KEY), dir.toString(), List.of("PTGRXML"), 1 << 20,
        OfficeHttp.Settings.defaults().withBackoff(Duration.ofMillis(5), 2)).create();
  }

  private static ReplayServer serving(byte[] zip, long listedSize) throws Exception {
    ReplayServer server = new ReplayServer();
    server.route(r -> r.uri().getPath().equals("/api/v1/datasets/products/PTGRXML")
        ? ReplayServer.Response.of(200, "application/json",
            listing(server.url(), "ipg240102.zip", listedSize).getBytes(StandardCharsets.UTF_8)) : null);
    server.route(r -> r.uri().getPath().endsWith("/ipg240102.zip")
        ? ReplayServer.Response.of(200, "application/zip", zip) : null);
    return server;
  }

  @Test
  void collectsEveryDocumentOfTheWeeklyFileAndSkipsWhatWasEmitted() throws Exception {
    List<byte[]> grants = grants();
    byte[] zip = weeklyZip("ipg240102.xml", grants);
    try (ReplayServer server = serving(zip, zip.length); OfficeCollector collector = collector(server);
        CapturedLogs logs = new CapturedLogs()) {
      OfficeCollector.Cursor cursor = collector.open(WEEK, 0);
      List<FetchedDocument> docs = drain(cursor);

      assertThat(docs).hasSize(grants.size());
      for (int i = 0; i < docs.size(); i++) {
        FetchedDocument d = docs.get(i);
        assertThat(d.office).isEqualTo("USPTO");
        assertThat(d.format).isEqualTo(FetchedDocument.FORMAT_USPTO_XML);
        assertThat(d.part("xml")).isEqualTo(grants.get(i));
        assertThat(d.position).isEqualTo(i);
        assertThat(d.entry).isEqualTo("ipg240102.xml");
        assertThat(d.file).isEqualTo(dir.resolve("ipg240102.zip").toString());
        assertThat(d.request).isEqualTo(server.url() + "/api/v1/datasets/products/files/PTGRXML/2024/ipg240102.zip");
        assertThat(d.error).isNull();
      }
      assertThat(docs.get(1).offset).isEqualTo(grants.get(0).length);
      assertThat(cursor.stats().listed).isEqualTo(1);
      assertThat(cursor.stats().fetched).isEqualTo(grants.size());
      assertThat(cursor.stats().requests).isEqualTo(2);
      assertThat(cursor.stats().bytes).isGreaterThan(zip.length);
      cursor.close();

      List<FetchedDocument> resumed = drain(collector.open(WEEK, 3));

      assertThat(resumed).hasSize(grants.size() - 3);
      assertThat(resumed.get(0).position).isEqualTo(3);
      assertThat(resumed.get(0).part("xml")).isEqualTo(grants.get(3));
      // the complete file in the download directory is not fetched again
      assertThat(server.requests()).filteredOn(r -> r.uri().getPath().endsWith(".zip")).hasSize(1);
      assertThat(logs.lines()).isNotEmpty();
      assertNoKey(docs, logs);
    }
  }

  @Test
  void aDamagedArchiveEndsWithAnErrorRecord() throws Exception {
    List<byte[]> grants = grants();
    byte[] whole = weeklyZip("ipg240102.xml", grants);
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    try (ReplayServer server = serving(cut, cut.length); OfficeCollector collector = collector(server)) {
      List<FetchedDocument> docs = drain(collector.open(WEEK, 0));

      assertThat(docs).isNotEmpty();
      assertThat(docs.get(docs.size() - 1).error).contains("damaged");
      assertThat(docs.subList(0, docs.size() - 1)).allSatisfy(d -> assertThat(d.error).isNull());
    }
  }

  @Test
  void oversizedDocumentsCarryAnError() throws Exception {
    List<byte[]> grants = grants();
    byte[] zip = weeklyZip("ipg240102.xml", grants);
    try (ReplayServer server = serving(zip, zip.length)) {
      OfficeCollector collector = new UsptoBulkCollectorFactory(UsptoBulkCollectorFactory.Api.ODP,
          server.url(), CredentialSource.value(KEY), dir.toString(), List.of("PTGRXML"), 1000,
          OfficeHttp.Settings.defaults()).create();

      List<FetchedDocument> docs = drain(collector.open(WEEK, 0));

      assertThat(docs).hasSize(grants.size()).allSatisfy(d -> assertThat(d.error).contains("exceeds the limit"));
    }
  }

  @Test
  void aDownloadOfTheWrongSizeFailsTheRunWithoutParsing() throws Exception {
    byte[] zip = weeklyZip("ipg240102.xml", grants());
    try (ReplayServer server = serving(zip, zip.length + 5); OfficeCollector collector = collector(server);
        CapturedLogs logs = new CapturedLogs()) {
      OfficeCollector.Cursor cursor = collector.open(WEEK, 0);

      assertThatThrownBy(cursor::next).isInstanceOf(CollectionFailedException.class)
          .hasMessageContaining("ipg240102.zip").satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
      assertThat(dir.resolve("ipg240102.zip")).doesNotExist();
      assertThat(cursor.stats().fetched).isZero();
      assertNoKey(List.of(), logs);
    }
  }

  @Test
  void aRefusedKeyFailsTheRunAndTheMessageHoldsNoKey() throws Exception {
    try (ReplayServer server = new ReplayServer(); OfficeCollector collector = collector(server);
        CapturedLogs logs = new CapturedLogs()) {
      server.route(r -> ReplayServer.Response.of(403, "application/json",
          ("{\"message\":\"Forbidden: key " + KEY + " is not valid\"}").getBytes()));

      assertThatThrownBy(() -> collector.open(WEEK, 0).next()).isInstanceOf(CollectionFailedException.class)
          .hasMessageContaining("HTTP 403").satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
      assertNoKey(List.of(), logs);
    }
  }

  @Test
  void theFactoryIsSerializableAndNamesNoKey() throws Exception {
    UsptoBulkCollectorFactory factory = UsptoBulkCollectorFactory.odp(CredentialSource.value(KEY), "downloads");
    new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(factory);
    assertThat(factory.toString()).doesNotContain(KEY);
    assertThat(UsptoBulkCollectorFactory.odp("downloads").toString()).contains("USPTO_API_KEY");
    assertThat(factory.office()).isEqualTo("USPTO");
  }

  static void assertNoKey(List<FetchedDocument> docs, CapturedLogs logs) {
    assertThat(logs.lines()).noneMatch(l -> l.contains(KEY));
    for (FetchedDocument d : docs) {
      assertThat(d.request + d.file + d.entry + d.toString() + d.error).doesNotContain(KEY);
    }
  }
}
