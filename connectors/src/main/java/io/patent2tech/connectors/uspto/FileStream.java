package io.patent2tech.connectors.uspto;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bulk file's own stream, remembering the errors it raised, so that an error reading the file
 * (a failing disk, a lost connection to remote storage) can be told from damage inside the archives
 * read over it (a truncated or corrupt archive): the first propagates and the read is retried, the
 * second is reported as a record (see {@link ArchiveEntryStream}).
 */
final class FileStream extends FilterInputStream {

  private IOException failure;

  FileStream(InputStream in) {
    super(in);
  }

  /** True when {@code e}, or a cause of it, is an error this stream raised. */
  boolean raised(Throwable e) {
    for (Throwable t = e; t != null && failure != null; t = t.getCause()) {
      if (t == failure) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return super.read(b, off, len);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return super.skip(n);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public int available() throws IOException {
    try {
      return super.available();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }
}
