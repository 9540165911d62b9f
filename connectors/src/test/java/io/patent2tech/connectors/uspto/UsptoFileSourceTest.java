package io.patent2tech.connectors.uspto;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.patent2tech.connectors.uspto.BulkFiles.concatenate;
import static io.patent2tech.connectors.uspto.BulkFiles.declaredDocuments;
import static io.patent2tech.connectors.uspto.BulkFiles.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The format in a real Flink runtime, through {@link FileSource}. */
class UsptoFileSourceTest {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private final Map<String, byte[]> grants = declaredDocuments("grant");
  private final Map<String, byte[]> applications = declaredDocuments("application");

  @TempDir java.nio.file.Path dir;

  @Test
  void readsTheXmlAndZipFilesOfADirectory() throws Exception {
    writeInitialFiles();
    FileSource<RawDocument> source =
        FileSource.forBulkFileFormat(new UsptoBulkFileFormat(), directory()).build();

    List<RawDocument> read = new ArrayList<>();
    try (CloseableIterator<RawDocument> documents = documents(source, 2)) {
      documents.forEachRemaining(read::add);
    }

    assertThat(keys(read)).isEqualTo(expectedInitialKeys());
  }

  @Test
  void picksUpAFileDroppedIntoAWatchedDirectory() throws Exception {
    writeInitialFiles();
    FileSource<RawDocument> source =
        FileSource.forBulkFileFormat(new UsptoBulkFileFormat(), directory())
            .monitorContinuously(Duration.ofMillis(200))
            .build();
    Map<String, String> expected = expectedInitialKeys();
    String dropped = "ipg140318.xml";
    List<String> droppedDocuments = List.of("ipg08672134.xml", "ipgD0701016.xml");

    Map<String, String> seen =
        assertTimeoutPreemptively(
            Duration.ofMinutes(2),
            () -> {
              List<RawDocument> read = new ArrayList<>();
              try (CloseableIterator<RawDocument> documents = documents(source, 1)) {
                while (read.size() < expected.size()) {
                  read.add(documents.next());
                }
                drop(dropped, droppedDocuments);
                for (int i = 0; i < droppedDocuments.size(); i++) {
                  read.add(documents.next());
                }
              }
              return keys(read);
            });

    for (int i = 0; i < droppedDocuments.size(); i++) {
      expected.put(dropped + "#" + i, droppedDocuments.get(i));
    }
    assertThat(seen).isEqualTo(expected);
  }

  private void writeInitialFiles() throws Exception {
    Files.write(dir.resolve("ipg150106.xml"), concatenate(List.copyOf(grants.values())));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("ipa150108.xml", concatenate(List.copyOf(applications.values())));
    entries.put("README.txt", "weekly applications\n".getBytes(StandardCharsets.US_ASCII));
    Files.write(dir.resolve("ipa150108.zip"), zip(entries));
  }

  /** Key "file name[!entry]#position" of every document, to the fixture it must come from. */
  private Map<String, String> expectedInitialKeys() {
    Map<String, String> expected = new HashMap<>();
    int position = 0;
    for (String fixture : grants.keySet()) {
      expected.put("ipg150106.xml#" + position++, fixture);
    }
    position = 0;
    for (String fixture : applications.keySet()) {
      expected.put("ipa150108.zip!ipa150108.xml#" + position++, fixture);
    }
    return expected;
  }

  /** The key of each document read, to the fixture whose bytes it holds. */
  private Map<String, String> keys(List<RawDocument> read) {
    Map<String, byte[]> fixtures = new HashMap<>(grants);
    fixtures.putAll(applications);
    Map<String, String> keys = new HashMap<>();
    for (RawDocument document : read) {
      String fileName = document.file.substring(document.file.lastIndexOf('/') + 1);
      String key =
          fileName + (document.entry == null ? "" : "!" + document.entry) + "#" + document.position;
      String fixture =
          fixtures.entrySet().stream()
              .filter(f -> Arrays.equals(f.getValue(), document.bytes))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse("unknown bytes of size " + document.size);
      assertThat(keys.put(key, fixture)).as("document %s read twice", key).isNull();
    }
    return keys;
  }

  /** Writes a bulk file elsewhere in the directory under a hidden name and renames it. */
  private void drop(String name, List<String> fixtures) throws Exception {
    List<byte[]> documents = new ArrayList<>();
    fixtures.forEach(f -> documents.add(grants.get(f)));
    java.nio.file.Path hidden = Files.write(dir.resolve("." + name), concatenate(documents));
    Files.move(hidden, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private Path directory() {
    return Path.fromLocalFile(dir.toFile());
  }

  private static CloseableIterator<RawDocument> documents(
      FileSource<RawDocument> source, int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "uspto-bulk-files")
        .executeAndCollect("uspto-bulk-files");
  }
}
