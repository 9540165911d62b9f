package io.patent2tech.connectors.uspto;

import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.patent2tech.connectors.uspto.BulkFiles.concatenate;
import static io.patent2tech.connectors.uspto.BulkFiles.declaredDocuments;
import static io.patent2tech.connectors.uspto.BulkFiles.zip;
import static org.assertj.core.api.Assertions.assertThat;

class UsptoBulkFileFormatTest {

  private final UsptoBulkFileFormat format = new UsptoBulkFileFormat();
  private final List<byte[]> grants = List.copyOf(declaredDocuments("grant").values());
  private final List<byte[]> applications = List.copyOf(declaredDocuments("application").values());

  @TempDir java.nio.file.Path dir;

  @Test
  void producesPojosAndDoesNotSplitFiles() {
    assertThat(format.getProducedType()).isInstanceOf(PojoTypeInfo.class);
    assertThat(format.isSplittable()).isFalse();
  }

  @Test
  void readsTheDocumentsOfAZipSplitNamingItsFile() throws IOException {
    FileSourceSplit split = split("ipg150106.zip", twoEntryArchive());

    List<RawDocument> read = readAll(format.createReader(new Configuration(), split));

    assertThat(read).hasSize(grants.size() + applications.size());
    for (int i = 0; i < read.size(); i++) {
      RawDocument document = read.get(i);
      assertThat(document.position).isEqualTo(i);
      assertThat(document.file).isEqualTo(split.path().toString()).endsWith("/ipg150106.zip");
      assertThat(document.bytes).isEqualTo(expectedDocuments().get(i));
    }
    assertThat(read.get(0).entry).isEqualTo("ipg150106.xml");
    assertThat(read.get(read.size() - 1).entry).isEqualTo("ipa150108.xml");
  }

  @Test
  void readsNothingFromAnEmptyFile() throws IOException {
    FileSourceSplit split = split("empty.xml", new byte[0]);

    assertThat(readAll(format.createReader(new Configuration(), split))).isEmpty();
  }

  @ParameterizedTest(name = "batches of {0}")
  @ValueSource(strings = {"1b", "300kb", "1mb"})
  void resumesFromEveryCheckpointWithoutLossOrDuplication(String batchSize) throws IOException {
    Configuration config = new Configuration();
    config.set(StreamFormat.FETCH_IO_SIZE, MemorySize.parse(batchSize));
    FileSourceSplit split = split("ipg150106.zip", twoEntryArchive());
    List<byte[]> expected = expectedDocuments();

    for (int checkpointAfter = 0; checkpointAfter <= expected.size(); checkpointAfter++) {
      List<RawDocument> read = new ArrayList<>();
      CheckpointedPosition checkpoint;
      try (BulkFormat.Reader<RawDocument> reader = format.createReader(config, split)) {
        checkpoint = readUntil(reader, checkpointAfter, read);
      }
      FileSourceSplit restored = split.updateWithCheckpointedPosition(checkpoint);
      read.addAll(readAll(format.restoreReader(config, restored)));

      assertThat(read)
          .as("checkpoint after %d documents", checkpointAfter)
          .hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertThat(read.get(i).position).isEqualTo(i);
        assertThat(read.get(i).bytes).isEqualTo(expected.get(i));
      }
    }
  }

  @ParameterizedTest(name = "batches of {0}")
  @ValueSource(strings = {"1b", "1mb"})
  void resumesATarOfPerPatentZipsFromEveryCheckpoint(String batchSize) throws IOException {
    Configuration config = new Configuration();
    config.set(StreamFormat.FETCH_IO_SIZE, MemorySize.parse(batchSize));
    Map<String, byte[]> perPatent = new LinkedHashMap<>();
    for (int i = 0; i < grants.size(); i++) {
      perPatent.put("P" + i + ".ZIP", io.patent2tech.connectors.drawings.WithImagesProduct.zip(
          Map.of("P" + i + "/P" + i + ".XML", grants.get(i), "P" + i + "/P" + i + "-D00000.TIF", new byte[100])));
    }
    FileSourceSplit split = split("weekly.tar", io.patent2tech.connectors.drawings.WithImagesProduct.tar(perPatent));

    for (int checkpointAfter = 0; checkpointAfter <= grants.size(); checkpointAfter++) {
      List<RawDocument> read = new ArrayList<>();
      CheckpointedPosition checkpoint;
      try (BulkFormat.Reader<RawDocument> reader = format.createReader(config, split)) {
        checkpoint = readUntil(reader, checkpointAfter, read);
      }
      read.addAll(readAll(format.restoreReader(config, split.updateWithCheckpointedPosition(checkpoint))));

      assertThat(read).as("checkpoint after %d documents", checkpointAfter).hasSize(grants.size());
      for (int i = 0; i < grants.size(); i++) {
        assertThat(read.get(i).position).isEqualTo(i);
        assertThat(read.get(i).entry).isEqualTo("P" + i + ".ZIP!P" + i + "/P" + i + ".XML");
        assertThat(read.get(i).bytes).isEqualTo(grants.get(i));
      }
    }
  }

  @Test
  void restoresPastADamagedArchiveReport() throws IOException {
    byte[] archive = zip(Map.of("ipg150106.xml", concatenate(grants)));
    byte[] truncated = Arrays.copyOf(archive, archive.length / 2);
    FileSourceSplit split = split("ipg150106.zip", truncated);

    List<RawDocument> all = readAll(format.createReader(new Configuration(), split));
    RawDocument report = all.get(all.size() - 1);
    assertThat(report.readError).isNotNull();

    CheckpointedPosition afterReport =
        new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, all.size());
    FileSourceSplit restored = split.updateWithCheckpointedPosition(afterReport);
    assertThat(readAll(format.restoreReader(new Configuration(), restored))).isEmpty();
  }

  private List<byte[]> expectedDocuments() {
    List<byte[]> expected = new ArrayList<>(grants);
    expected.addAll(applications);
    return expected;
  }

  private byte[] twoEntryArchive() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("ipg150106.xml", concatenate(grants));
    entries.put("README.txt", "weekly grants\n".getBytes(StandardCharsets.US_ASCII));
    entries.put("ipa150108.xml", concatenate(applications));
    return zip(entries);
  }

  private FileSourceSplit split(String name, byte[] content) throws IOException {
    java.nio.file.Path file = Files.write(dir.resolve(name), content);
    return new FileSourceSplit(
        "0",
        Path.fromLocalFile(file.toFile()),
        0,
        content.length,
        Files.getLastModifiedTime(file).toMillis(),
        content.length);
  }

  /**
   * Reads records the way the source does, one at a time, until {@code count} have been taken, and
   * returns the position a checkpoint would store at that point.
   */
  private static CheckpointedPosition readUntil(
      BulkFormat.Reader<RawDocument> reader, int count, List<RawDocument> sink) throws IOException {
    CheckpointedPosition position = new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 0);
    while (sink.size() < count) {
      BulkFormat.RecordIterator<RawDocument> batch = reader.readBatch();
      assertThat(batch).as("batch while reading document %d", sink.size()).isNotNull();
      RecordAndPosition<RawDocument> next;
      while (sink.size() < count && (next = batch.next()) != null) {
        sink.add(next.getRecord());
        position = new CheckpointedPosition(next.getOffset(), next.getRecordSkipCount());
      }
      batch.releaseBatch();
    }
    return position;
  }

  private static List<RawDocument> readAll(BulkFormat.Reader<RawDocument> reader)
      throws IOException {
    List<RawDocument> documents = new ArrayList<>();
    try (reader) {
      BulkFormat.RecordIterator<RawDocument> batch;
      while ((batch = reader.readBatch()) != null) {
        RecordAndPosition<RawDocument> next;
        while ((next = batch.next()) != null) {
          documents.add(next.getRecord());
        }
        batch.releaseBatch();
      }
    }
    return documents;
  }
}
