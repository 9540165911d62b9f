package io.patent2tech.connectors.uspto;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a stream of concatenated documents, the layout of USPTO weekly full-text files, into one
 * {@link RawDocument} per document, without holding the stream in memory. It reads the three layouts
 * of the weekly files, told by the stream's first line that is not blank:
 *
 * <ul>
 *   <li><b>XML</b> (ICE 2005-, PAP v1.5 and "pg" grants 2001-2004): a document starts at an XML
 *       declaration ({@code <?xml} followed by white space), or at a {@code <!DOCTYPE} that is not
 *       its own document's (the document before it already has a DOCTYPE or a root element: a PAP
 *       publication may start with its DOCTYPE, without a declaration), at the start of the stream
 *       or of a line (after {@code \n}, so also after {@code \r\n}), possibly behind a UTF-8 byte
 *       order mark. USPTO escapes {@code <} in text, so such a line always starts a document;
 *       {@code <?xml-stylesheet}, declarations inside a line and the DOCTYPE after a document's own
 *       declaration do not.</li>
 *   <li><b>APS Green Book text</b> (1976-2001 {@code pftaps*.txt}): a file header line
 *       ({@code HHHHHT...}) then one patent per {@code PATN} record; a document starts at each line
 *       that is exactly {@code PATN} (trailing white space allowed) and holds that record and the
 *       records after it.</li>
 * </ul>
 *
 * <p>A document runs up to the start of the next one or the end of the stream. Each document keeps
 * its bytes exactly as in the stream, including its line terminators and any trailing white space,
 * and a truncated last document is emitted as it is, for the parser to reject.
 *
 * <p>Content before the first document is dropped when it is only white space (behind an optional
 * byte order mark) or an APS file header line. Anything else there is emitted as a document of its
 * own, so that a file without declarations still reaches the parser instead of vanishing.
 *
 * <p>Memory is bounded by the largest document, capped at {@code maxDocumentBytes}: bytes of a
 * longer document beyond the cap are counted in {@link RawDocument#size} but not kept, and the
 * document is flagged {@link RawDocument#oversized}. Buffers are reused from one document to the
 * next. Not thread-safe.
 */
public final class UsptoDocumentSplitter implements Closeable {

  /** Default cap on the bytes kept per document; the largest USPTO documents are a few MB. */
  public static final int DEFAULT_MAX_DOCUMENT_BYTES = 64 << 20;

  private static final int READ_BUFFER_BYTES = 128 << 10;
  private static final int INITIAL_DOCUMENT_BYTES = 256 << 10;

  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] DECLARATION_START = {'<', '?', 'x', 'm', 'l'};
  private static final byte[] DOCTYPE_START = {'<', '!', 'D', 'O', 'C', 'T', 'Y', 'P', 'E'};
  private static final byte[] APS_PATENT = {'P', 'A', 'T', 'N'};
  private static final byte[] APS_FILE_HEADER = {'H', 'H', 'H', 'H', 'H', 'T'};

  /** Bytes needed to tell whether a line starts a document: mark, {@code <!DOCTYPE}, white space. */
  private static final int LINE_PROBE_BYTES = BYTE_ORDER_MARK.length + DOCTYPE_START.length + 1;

  /** The layouts a stream can have; told by its first line that is not blank. */
  private enum Layout {
    UNKNOWN,
    XML,
    APS
  }

  private final InputStream in;
  private final String file;
  private final String entry;
  private final int maxDocumentBytes;

  private final byte[] buffer = new byte[READ_BUFFER_BYTES];

  /** Stream offset of {@code buffer[0]}. */
  private long bufferOffset;

  /** Next byte of the buffer to scan. */
  private int scanned;

  /** End of the valid bytes in the buffer. */
  private int limit;

  /** First byte of the buffer not yet appended to the current document. */
  private int appended;

  private boolean endOfStream;

  /** Whether {@link #scanned} is at the start of a line, where a document may start. */
  private boolean atLineStart = true;

  /** Whether the next segment is the one before the first document. */
  private boolean beforeFirstDeclaration = true;

  private Layout layout = Layout.UNKNOWN;

  /** Whether the current XML document has had its DOCTYPE, or its root element (a line {@code <name}). */
  private boolean doctypeSeen;

  private boolean rootSeen;

  private byte[] document = new byte[0];
  private int documentLength;
  private long documentSize;
  private long nextPosition;

  /**
   * @param in the concatenated documents; closed by {@link #close()}
   * @param file the bulk file, recorded in each document
   * @param entry the zip entry being split, or null for a bare file
   * @param firstPosition the position of the first document, to number documents across entries
   * @param maxDocumentBytes how many bytes of a document are kept at most
   */
  public UsptoDocumentSplitter(
      InputStream in, String file, String entry, long firstPosition, int maxDocumentBytes) {
    if (maxDocumentBytes <= 0) {
      throw new IllegalArgumentException(
          "maxDocumentBytes must be positive, got " + maxDocumentBytes);
    }
    if (firstPosition < 0) {
      throw new IllegalArgumentException(
          "firstPosition must not be negative, got " + firstPosition);
    }
    this.in = Objects.requireNonNull(in, "in");
    this.file = Objects.requireNonNull(file, "file");
    this.entry = entry;
    this.nextPosition = firstPosition;
    this.maxDocumentBytes = maxDocumentBytes;
  }

  /** Returns the next document, or null at the end of the stream. */
  public RawDocument next() throws IOException {
    while (scanned < limit || fill()) {
      long offset = bufferOffset + scanned;
      boolean preamble = beforeFirstDeclaration;
      beforeFirstDeclaration = false;
      scanToNextDocument();
      if (preamble && (isBlank() || isApsFileHeader())) {
        clearDocument();
        continue;
      }
      return takeDocument(offset);
    }
    return null;
  }

  /** The position the next document will get. */
  long nextPosition() {
    return nextPosition;
  }

  /** How many bytes of the stream have been consumed so far. */
  long bytesRead() {
    return bufferOffset + limit;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * Appends bytes to the current document until the start of the next one, leaving {@link #scanned}
   * there, or until the end of the stream.
   */
  private void scanToNextDocument() throws IOException {
    while (true) {
      if (atLineStart) {
        if (limit - scanned < LINE_PROBE_BYTES && !endOfStream) {
          fill();
          continue;
        }
        atLineStart = false;
        if (startsDocument(scanned)) {
          appendScanned();
          return;
        }
      }
      int newline = indexOfNewline(scanned, limit);
      if (newline < 0) {
        scanned = limit;
        if (!fill()) {
          return;
        }
      } else {
        scanned = newline + 1;
        atLineStart = true;
      }
    }
  }

  private int indexOfNewline(int from, int to) {
    final byte[] bytes = buffer;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether the line at {@code at} starts a document (see the class comment), keeping track of the
   * layout and of what the current XML document has had so far.
   */
  private boolean startsDocument(int at) {
    int start = startsWith(at, BYTE_ORDER_MARK) ? at + BYTE_ORDER_MARK.length : at;
    if (layout == Layout.UNKNOWN) {
      if (start >= limit || isXmlWhiteSpace(buffer[start])) {
        return false; // a blank line says nothing yet
      }
      layout = startsApsPatent(start) || startsWith(start, APS_FILE_HEADER) ? Layout.APS : Layout.XML;
    }
    if (layout == Layout.APS) {
      return startsApsPatent(start);
    }
    if (startsDeclaration(at)) {
      doctypeSeen = false;
      rootSeen = false;
      return true;
    }
    if (startsWith(start, DOCTYPE_START)) {
      boolean ownDoctype = !doctypeSeen && !rootSeen;
      doctypeSeen = true;
      rootSeen = false;
      return !ownDoctype;
    }
    if (start + 1 < limit && buffer[start] == '<' && isAsciiLetter(buffer[start + 1])) {
      rootSeen = true;
    }
    return false;
  }

  /** A line that is {@code PATN}, maybe followed by white space. */
  private boolean startsApsPatent(int at) {
    if (!startsWith(at, APS_PATENT)) {
      return false;
    }
    int after = at + APS_PATENT.length;
    return after < limit ? isXmlWhiteSpace(buffer[after]) : endOfStream;
  }

  private static boolean isAsciiLetter(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
  }

  private boolean startsDeclaration(int at) {
    int start = startsWith(at, BYTE_ORDER_MARK) ? at + BYTE_ORDER_MARK.length : at;
    int afterName = start + DECLARATION_START.length;
    return startsWith(start, DECLARATION_START)
        && afterName < limit
        && isXmlWhiteSpace(buffer[afterName]);
  }

  private boolean startsWith(int at, byte[] prefix) {
    if (limit - at < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buffer[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isXmlWhiteSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  /**
   * Appends the scanned bytes to the document, moves the unscanned rest to the front of the buffer
   * and reads more behind it. Returns false when the stream has no more bytes.
   */
  private boolean fill() throws IOException {
    appendScanned();
    int unscanned = limit - scanned;
    System.arraycopy(buffer, scanned, buffer, 0, unscanned);
    bufferOffset += scanned;
    scanned = 0;
    appended = 0;
    limit = unscanned;
    if (endOfStream) {
      return false;
    }
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      endOfStream = true;
      return false;
    }
    limit += read;
    return true;
  }

  private void appendScanned() {
    int length = scanned - appended;
    documentSize += length;
    int kept = Math.min(length, maxDocumentBytes - documentLength);
    if (kept > 0) {
      ensureDocumentCapacity(documentLength + kept);
      System.arraycopy(buffer, appended, document, documentLength, kept);
      documentLength += kept;
    }
    appended = scanned;
  }

  private void ensureDocumentCapacity(int capacity) {
    if (capacity > document.length) {
      long grown = Math.max(INITIAL_DOCUMENT_BYTES, 2L * document.length);
      int newLength = (int) Math.min(maxDocumentBytes, Math.max(capacity, grown));
      document = Arrays.copyOf(document, newLength);
    }
  }

  /** Whether the current document is one APS file header line ({@code HHHHHT...}) and white space. */
  private boolean isApsFileHeader() {
    if (layout != Layout.APS || documentSize > documentLength) {
      return false;
    }
    int start = 0;
    while (start < documentLength && isXmlWhiteSpace(document[start])) {
      start++;
    }
    if (documentLength - start < APS_FILE_HEADER.length
        || !Arrays.equals(
            document, start, start + APS_FILE_HEADER.length,
            APS_FILE_HEADER, 0, APS_FILE_HEADER.length)) {
      return false;
    }
    int i = start;
    while (i < documentLength && document[i] != '\n') {
      i++;
    }
    for (; i < documentLength; i++) {
      if (!isXmlWhiteSpace(document[i])) {
        return false;
      }
    }
    return true;
  }

  /** Whether the current document is only white space behind an optional byte order mark. */
  private boolean isBlank() {
    if (documentSize > documentLength) {
      return false;
    }
    int start = 0;
    if (documentLength >= BYTE_ORDER_MARK.length
        && Arrays.equals(
            document, 0, BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length)) {
      start = BYTE_ORDER_MARK.length;
    }
    for (int i = start; i < documentLength; i++) {
      if (!isXmlWhiteSpace(document[i])) {
        return false;
      }
    }
    return true;
  }

  private RawDocument takeDocument(long offset) {
    RawDocument result = new RawDocument();
    result.file = file;
    result.entry = entry;
    result.position = nextPosition++;
    result.offset = offset;
    result.bytes = Arrays.copyOf(document, documentLength);
    result.size = documentSize;
    result.oversized = documentSize > maxDocumentBytes;
    clearDocument();
    return result;
  }

  private void clearDocument() {
    documentLength = 0;
    documentSize = 0;
  }
}
