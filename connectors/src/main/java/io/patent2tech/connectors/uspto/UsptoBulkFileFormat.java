package io.patent2tech.connectors.uspto;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.IteratorResultIterator;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads USPTO bulk files (zip archives or bare XML, see {@link UsptoBulkFileReader}) as {@link
 * RawDocument}s in a Flink {@code FileSource}, bounded over given paths or watching a directory:
 *
 * <pre>{@code
 * FileSource<RawDocument> source =
 *     FileSource.forBulkFileFormat(new UsptoBulkFileFormat(), new Path("file:///data/uspto"))
 *         .monitorContinuously(Duration.ofSeconds(10))
 *         .build();
 * }</pre>
 *
 * <p>A bulk format rather than a {@link StreamFormat}, because a stream format is never told the
 * path of its file, and every document must name the file it came from.
 *
 * <p>Files are not splittable: one reader reads a file from start to end. Its checkpointed position
 * is the number of records already emitted; a restored reader opens the file again and skips that
 * many, so no document is lost or read twice. This relies on a file not changing once the source
 * has seen it: drop files into a watched directory atomically (write them elsewhere on the same
 * file system, or under a name starting with {@code .} or {@code _}, which the source ignores, then
 * rename them).
 *
 * <p>A reader hands over documents in batches of about {@link StreamFormat#FETCH_IO_SIZE} bytes.
 */
public final class UsptoBulkFileFormat implements BulkFormat<RawDocument, FileSourceSplit> {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = LoggerFactory.getLogger(UsptoBulkFileFormat.class);

  private final int maxDocumentBytes;

  /** Keeps at most {@link UsptoDocumentSplitter#DEFAULT_MAX_DOCUMENT_BYTES} per document. */
  public UsptoBulkFileFormat() {
    this(UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES);
  }

  /** Keeps at most {@code maxDocumentBytes} per document; longer ones are flagged oversized. */
  public UsptoBulkFileFormat(int maxDocumentBytes) {
    if (maxDocumentBytes <= 0) {
      throw new IllegalArgumentException(
          "maxDocumentBytes must be positive, got " + maxDocumentBytes);
    }
    this.maxDocumentBytes = maxDocumentBytes;
  }

  @Override
  public BulkFormat.Reader<RawDocument> createReader(Configuration config, FileSourceSplit split)
      throws IOException {
    return open(config, split, 0);
  }

  @Override
  public BulkFormat.Reader<RawDocument> restoreReader(Configuration config, FileSourceSplit split)
      throws IOException {
    // positions carry no byte offset, only the count of records emitted (see readBatch)
    long emitted =
        split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
    return open(config, split, emitted);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<RawDocument> getProducedType() {
    return TypeInformation.of(RawDocument.class);
  }

  private Reader open(Configuration config, FileSourceSplit split, long alreadyEmitted)
      throws IOException {
    Path path = split.path();
    UsptoBulkFileReader documents =
        new UsptoBulkFileReader(path.getFileSystem().open(path), path.toString(), maxDocumentBytes);
    try {
      skip(documents, alreadyEmitted, path);
    } catch (IOException | RuntimeException e) {
      documents.close();
      throw e;
    }
    long batchBytes = config.get(StreamFormat.FETCH_IO_SIZE).getBytes();
    return new Reader(documents, alreadyEmitted, batchBytes);
  }

  private static void skip(UsptoBulkFileReader documents, long count, Path path)
      throws IOException {
    for (long skipped = 0; skipped < count; skipped++) {
      if (documents.next() == null) {
        // the records already emitted are all the file has now; nothing is left to emit
        LOG.warn(
            "{} changed after it was first read: it has {} documents, {} were read"
                + " from it before",
            path,
            skipped,
            count);
        return;
      }
    }
  }

  /** Hands the documents of one file to the source in batches. */
  private static final class Reader implements BulkFormat.Reader<RawDocument> {

    private final UsptoBulkFileReader documents;
    private final long batchBytes;
    private long emitted;

    Reader(UsptoBulkFileReader documents, long emitted, long batchBytes) {
      this.documents = documents;
      this.emitted = emitted;
      this.batchBytes = batchBytes;
    }

    @Override
    public RecordIterator<RawDocument> readBatch() throws IOException {
      List<RawDocument> batch = new ArrayList<>();
      long bytes = 0;
      RawDocument document;
      while (bytes < batchBytes && (document = documents.next()) != null) {
        batch.add(document);
        bytes += document.bytes.length;
      }
      if (batch.isEmpty()) {
        return null;
      }
      RecordIterator<RawDocument> records =
          new IteratorResultIterator<>(batch.iterator(), CheckpointedPosition.NO_OFFSET, emitted);
      emitted += batch.size();
      return records;
    }

    @Override
    public void close() throws IOException {
      documents.close();
    }
  }
}
