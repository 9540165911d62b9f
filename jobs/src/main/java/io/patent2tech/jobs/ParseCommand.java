package io.patent2tech.jobs;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.patent2tech.connectors.json.AvroJson;
import io.patent2tech.connectors.uspto.RawDocument;
import io.patent2tech.connectors.uspto.UsptoBulkFileReader;
import io.patent2tech.connectors.uspto.UsptoDocumentSplitter;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.DeadLetters;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.UsptoDocumentProcessor;

/**
 * {@code parse FILE...}: what the ingest job makes of each document, one JSON object per line on
 * stdout (the normalized record, or {"dead_letter": {...}}), with no service running. For people
 * checking a document. A summary goes to stderr.
 */
public final class ParseCommand {

  public static final Setting MAX_DOCUMENT_BYTES = new Setting("max-document-bytes",
      String.valueOf(UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES),
      "larger documents are reported as dead letters");
  public static final Setting INCLUDE_RAW = new Setting("include-raw", "false",
      "keep the raw bytes (base64) in dead letters; off by default to keep lines readable");

  public static final List<Setting> SETTINGS = List.of(MAX_DOCUMENT_BYTES, INCLUDE_RAW);
  public static final List<String> FLAGS = List.of(INCLUDE_RAW.key());

  public static final String USAGE = "parse [options] FILE...\n"
      + "  Prints the normalized record of each document in the given USPTO files (.xml or .zip)\n"
      + "  as one JSON object per line; rejected documents as {\"dead_letter\": {...}}.\n";

  private ParseCommand() {}

  /** @return the number of dead letters (0 when every document parsed) */
  public static int run(Settings s, PrintStream out, PrintStream err) throws IOException {
    if (s.positional().isEmpty()) {
      throw new IllegalArgumentException("parse needs at least one file");
    }
    int maxDocumentBytes = s.getInt(MAX_DOCUMENT_BYTES.key());
    boolean includeRaw = s.getBoolean(INCLUDE_RAW.key());
    UsptoDocumentProcessor processor = new UsptoDocumentProcessor();
    int parsed = 0;
    int rejected = 0;
    for (String name : s.positional()) {
      Path file = Path.of(name);
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
          UsptoBulkFileReader reader = new UsptoBulkFileReader(in, name, maxDocumentBytes)) {
        RawDocument doc;
        while ((doc = reader.next()) != null) {
          long now = System.currentTimeMillis();
          DeadLetter deadLetter;
          if (doc.readError != null) {
            deadLetter = DeadLetters.of("uspto", "split", doc.readError, null, doc.toSource(), null,
                null, 0, now);
          } else if (doc.oversized) {
            deadLetter = DeadLetters.of("uspto", "split", "document of " + doc.size
                + " bytes exceeds --max-document-bytes", null, doc.toSource(), doc.bytes, null,
                includeRaw ? DeadLetters.DEFAULT_MAX_RAW_BYTES : 0, now);
          } else {
            try {
              Patent p = processor.process(doc.bytes, doc.toSource(), now);
              out.println(AvroJson.toJson(p));
              parsed++;
              continue;
            } catch (DocumentRejectedException e) {
              deadLetter = DeadLetters.rejected(e, "uspto", doc.toSource(), doc.bytes,
                  includeRaw ? DeadLetters.DEFAULT_MAX_RAW_BYTES : 0, now);
            }
          }
          rejected++;
          out.println("{\"dead_letter\":" + AvroJson.toJson(deadLetter) + "}");
        }
      }
    }
    err.printf("parse: %d document(s) parsed, %d dead letter(s)%n", parsed, rejected);
    return rejected;
  }
}
