package io.patent2tech.jobs.collect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import io.patent2tech.connectors.collect.CollectRecord;
import io.patent2tech.connectors.collect.FetchedDocument;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DeadLetters;
import io.patent2tech.udfs.DocumentRejectedException;

/**
 * parse -> normalize -> validate for every fetched document, with the office's mapper ({@link
 * OfficeDocuments}); rejected documents and documents the office sent damaged go to {@link
 * #DEAD_LETTERS} with their raw bytes. Run events and one progress count per document go to
 * {@link #RUN_PROGRESS} for the run ledger.
 */
public final class ParseFetchedDocuments extends ProcessFunction<CollectRecord, Patent> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("collect-rejected") {};
  public static final OutputTag<RunProgress> RUN_PROGRESS = new OutputTag<>("collect-run-progress") {};

  private final int maxRawBytes;
  private final OfficeDocuments documents = new OfficeDocuments();
  private transient Counter parsed;
  private transient Counter rejected;

  public ParseFetchedDocuments(int maxRawBytes) {
    this.maxRawBytes = maxRawBytes;
  }

  @Override
  public void open(OpenContext openContext) {
    parsed = getRuntimeContext().getMetricGroup().counter("documentsParsed");
    rejected = getRuntimeContext().getMetricGroup().counter("documentsRejected");
  }

  @Override
  public void processElement(CollectRecord record, Context ctx, Collector<Patent> out) {
    if (record.run != null) {
      ctx.output(RUN_PROGRESS, RunProgress.of(record.run));
      return;
    }
    FetchedDocument doc = record.document;
    long now = System.currentTimeMillis();
    Source where = doc.toSource();
    String sourceName = doc.office.toLowerCase(java.util.Locale.ROOT);
    if (doc.error != null) {
      reject(ctx, doc, DeadLetters.of(sourceName, "fetch", doc.error, null, where, raw(doc), null, maxRawBytes, now));
      return;
    }
    try {
      out.collect(documents.process(doc, where, now));
      parsed.inc();
      ctx.output(RUN_PROGRESS, RunProgress.parsed(doc.collectionRun));
    } catch (DocumentRejectedException e) {
      reject(ctx, doc, DeadLetters.rejected(e, sourceName, where, raw(doc), maxRawBytes, now));
    }
  }

  private void reject(Context ctx, FetchedDocument doc, DeadLetter d) {
    rejected.inc();
    ctx.output(DEAD_LETTERS, d);
    ctx.output(RUN_PROGRESS, RunProgress.rejected(doc.collectionRun));
  }

  /**
   * The raw bytes for the dead letter: the single part as it came, or every part after a line
   * naming it ({@code --- part biblio ---}) so a multi-part document can be replayed.
   */
  static byte[] raw(FetchedDocument doc) {
    if (doc.parts.length == 1) {
      return doc.parts[0];
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < doc.parts.length; i++) {
      all.writeBytes(("--- part " + doc.partNames[i] + " ---\n").getBytes(StandardCharsets.UTF_8));
      if (doc.parts[i] != null) {
        all.writeBytes(doc.parts[i]);
      }
      all.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
    }
    return all.toByteArray();
  }
}
