package io.patent2tech.jobs.parse;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.patent2tech.connectors.uspto.RawDocument;
import io.patent2tech.connectors.uspto.UsptoBulkFileReader;
import io.patent2tech.udfs.DeadLetters;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.UsptoDocumentProcessor;

/** USPTO bulk files (.zip or concatenated XML), split and mapped one document at a time (streamed). */
public final class UsptoFiles implements FormatReader {

  static final String SOURCE = "uspto";

  private final UsptoDocumentProcessor processor = new UsptoDocumentProcessor();
  private final int maxDocumentBytes;

  public UsptoFiles(int maxDocumentBytes) {
    this.maxDocumentBytes = maxDocumentBytes;
  }

  @Override
  public void read(List<String> files, ParseOutput out) throws IOException {
    for (String name : files) {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(name)), 1 << 16);
          UsptoBulkFileReader reader = new UsptoBulkFileReader(in, name, maxDocumentBytes)) {
        RawDocument doc;
        while ((doc = reader.next()) != null) {
          document(doc, out);
        }
      }
    }
  }

  private void document(RawDocument doc, ParseOutput out) {
    long now = System.currentTimeMillis();
    if (doc.readError != null) {
      out.deadLetter(DeadLetters.of(SOURCE, "split", doc.readError, null, doc.toSource(), null, null, 0, now));
    } else if (doc.oversized) {
      out.deadLetter(DeadLetters.of(SOURCE, "split", "document of " + doc.size
          + " bytes exceeds --max-document-bytes", null, doc.toSource(), doc.bytes, null, out.maxRawBytes(), now));
    } else {
      try {
        out.record(processor.process(doc.bytes, doc.toSource(), now));
      } catch (DocumentRejectedException e) {
        out.rejected(e, SOURCE, doc.toSource(), doc.bytes, now);
      }
    }
  }
}
