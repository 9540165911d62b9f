package io.patent2tech.connectors.uspto;

import java.io.IOException;
import java.io.InputStream;

/**
 * The data of the current entry of an archive (zip or tar, possibly nested in another), for one
 * splitter or one nested archive.
 *
 * <p>A damaged archive (truncated download, corrupt data, bad checksum) ends the entry early
 * instead of failing: the damage is kept for {@link UsptoBulkFileReader} to report as a record, so
 * that the documents read before it still flow and the file is not retried forever. Errors of the
 * bulk file's own stream ({@link FileStream}) propagate. Closing this stream leaves the archive
 * open.
 */
final class ArchiveEntryStream extends InputStream {

  private final InputStream archive;
  private final FileStream file;
  private IOException damage;

  /**
   * @param archive the archive stream, positioned at the data of its current entry
   * @param file the bulk file's own stream, whose errors propagate
   */
  ArchiveEntryStream(InputStream archive, FileStream file) {
    this.archive = archive;
    this.file = file;
  }

  /** The damage that ended the entry, or null when it ended normally or has not ended. */
  IOException damage() {
    return damage;
  }

  @Override
  public int read() throws IOException {
    if (damage != null) {
      return -1;
    }
    try {
      return archive.read();
    } catch (IOException e) {
      return damaged(e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (damage != null) {
      return -1;
    }
    try {
      return archive.read(b, off, len);
    } catch (IOException e) {
      return damaged(e);
    }
  }

  private int damaged(IOException e) throws IOException {
    if (file.raised(e)) {
      throw e;
    }
    damage = e;
    return -1;
  }

  @Override
  public void close() {
    // the archive outlives its entries; UsptoBulkFileReader closes it
  }
}
