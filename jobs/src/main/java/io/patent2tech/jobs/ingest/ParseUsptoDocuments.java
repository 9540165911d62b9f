package io.patent2tech.jobs.ingest;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import io.patent2tech.connectors.uspto.RawDocument;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DeadLetters;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.UsptoDocumentProcessor;

/**
 * parse -> normalize -> validate for each document cut from a USPTO bulk file. Rejected and
 * oversized documents go to {@link #DEAD_LETTERS} with the reason and the raw bytes.
 */
public final class ParseUsptoDocuments extends ProcessFunction<RawDocument, Patent> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("uspto-rejected") {};
  /** Files this subtask began reading: the progress line counts them against the files given. */
  public static final String FILES_READ = "filesRead";

  private final int maxRawBytes;
  private final UsptoDocumentProcessor processor = new UsptoDocumentProcessor();
  private transient Counter parsed;
  private transient Counter rejected;
  private transient Counter filesRead;
  /** A reader reads one file after the other, so a new name is a new file. */
  private transient String currentFile;

  public ParseUsptoDocuments(int maxRawBytes) {
    this.maxRawBytes = maxRawBytes;
  }

  @Override
  public void open(OpenContext openContext) {
    parsed = getRuntimeContext().getMetricGroup().counter("documentsParsed");
    rejected = getRuntimeContext().getMetricGroup().counter("documentsRejected");
    filesRead = getRuntimeContext().getMetricGroup().counter(FILES_READ);
  }

  @Override
  public void processElement(RawDocument doc, Context ctx, Collector<Patent> out) {
    long now = System.currentTimeMillis();
    if (doc.file != null && !doc.file.equals(currentFile)) {
      currentFile = doc.file;
      filesRead.inc();
    }
    Source where = doc.toSource();
    if (doc.readError != null) {
      // the bulk file itself is damaged (e.g. a truncated zip): the rest of it cannot be read
      rejected.inc();
      ctx.output(DEAD_LETTERS, DeadLetters.of("uspto", "split", doc.readError, null, where, null,
          null, maxRawBytes, now));
      return;
    }
    if (doc.oversized) {
      rejected.inc();
      DeadLetter d = DeadLetters.of("uspto", "split", "document of " + doc.size
              + " bytes exceeds the maximum document size; only its first " + doc.bytes.length
              + " bytes were read", null, where, doc.bytes, null, maxRawBytes, now);
      d.setRawSize(doc.size);
      ctx.output(DEAD_LETTERS, d);
      return;
    }
    try {
      out.collect(processor.process(doc.bytes, where, now));
      parsed.inc();
    } catch (DocumentRejectedException e) {
      rejected.inc();
      ctx.output(DEAD_LETTERS, DeadLetters.rejected(e, "uspto", where, doc.bytes, maxRawBytes, now));
    }
  }
}
