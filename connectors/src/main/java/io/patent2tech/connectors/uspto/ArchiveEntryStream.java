package io.patent2tech.connectors.uspto;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The data of the current entry of a zip archive, for one splitter.
 *
 * <p>A damaged archive (truncated download, corrupt data, bad checksum) ends the entry early
 * instead of failing: the damage is kept for {@link UsptoBulkFileReader} to report as a record, so
 * that the documents read before it still flow and the file is not retried forever. Errors of the
 * underlying stream itself propagate. Closing this stream leaves the archive open.
 */
final class ArchiveEntryStream extends InputStream {

  private final ZipInputStream archive;
  private IOException damage;

  ArchiveEntryStream(ZipInputStream archive) {
    this.archive = archive;
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
    } catch (ZipException | EOFException e) {
      damage = e;
      return -1;
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (damage != null) {
      return -1;
    }
    try {
      return archive.read(b, off, len);
    } catch (ZipException | EOFException e) {
      damage = e;
      return -1;
    }
  }

  @Override
  public void close() {
    // the archive outlives its entries; UsptoBulkFileReader closes it
  }
}
