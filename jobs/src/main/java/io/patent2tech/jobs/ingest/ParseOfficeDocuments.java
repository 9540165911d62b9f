package io.patent2tech.jobs.ingest;

import java.util.List;
import java.util.function.Consumer;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.patent2tech.connectors.uspto.RawDocument;
import io.patent2tech.jobs.collect.OfficeDocuments;
import io.patent2tech.jobs.parse.InputFormat;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DeadLetters;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.DocumentResult;
import io.patent2tech.udfs.UsptoDocumentProcessor;
import io.patent2tech.udfs.epo.EpoOpsDocumentProcessor;
import io.patent2tech.udfs.kipris.KiprisApiException;
import io.patent2tech.udfs.kipris.KiprisDocumentProcessor;
import io.patent2tech.udfs.metrics.LabeledCounters;

/**
 * parse -> normalize -> validate for each document cut from an input file. Rejected and oversized
 * documents go to {@link #DEAD_LETTERS} with the reason and the raw bytes.
 *
 * <p>Most input is USPTO bulk files, one patent per document. A file can also be a saved EPO OPS or
 * KIPRIS Plus response, told by its root element as {@code scripts/parse} tells it
 * ({@link InputFormat}): the splitter gives such a file as one document, and every record in it
 * (an OPS full-cycle response holds an A1 and its B1) becomes a patent of its own, recorded with
 * the office it came from. One record's rejection does not cost its neighbours. An OPS claims or
 * description response joins its biblio only where both are read together ({@code scripts/parse},
 * the collect job); here it holds no record and is one dead letter saying so. An empty KIPRIS search
 * page is only logged: it has nothing to keep.
 */
public final class ParseOfficeDocuments extends ProcessFunction<RawDocument, Patent> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ParseOfficeDocuments.class);

  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("uspto-rejected") {};
  /** Files this subtask began reading: the progress line counts them against the files given. */
  public static final String FILES_READ = "filesRead";

  private final int maxRawBytes;
  private final UsptoDocumentProcessor uspto = new UsptoDocumentProcessor();
  private final EpoOpsDocumentProcessor epo = new EpoOpsDocumentProcessor(OfficeDocuments.EPO_CLAIMS_REQUIRED);
  private final KiprisDocumentProcessor kipris = new KiprisDocumentProcessor();
  private transient Counter parsed;
  private transient Counter rejected;
  /** documentsRejected again, by the stage that rejected (DeadLetters.STAGES). */
  private transient LabeledCounters rejectedByStage;
  private transient Counter filesRead;
  /** A reader reads one file after the other, so a new name is a new file. */
  private transient String currentFile;

  public ParseOfficeDocuments(int maxRawBytes) {
    this.maxRawBytes = maxRawBytes;
  }

  @Override
  public void open(OpenContext openContext) {
    parsed = getRuntimeContext().getMetricGroup().counter("documentsParsed");
    rejected = getRuntimeContext().getMetricGroup().counter("documentsRejected");
    rejectedByStage = new LabeledCounters(getRuntimeContext().getMetricGroup(), "stage", "documentsRejected",
        DeadLetters.STAGES);
    filesRead = getRuntimeContext().getMetricGroup().counter(FILES_READ);
  }

  @Override
  public void processElement(RawDocument doc, Context ctx, Collector<Patent> out) {
    if (doc.file != null && !doc.file.equals(currentFile)) {
      currentFile = doc.file;
      filesRead.inc();
    }
    parse(doc, System.currentTimeMillis(), patent -> {
      out.collect(patent);
      parsed.inc();
    }, deadLetter -> {
      rejected.inc();
      rejectedByStage.inc(deadLetter.getStage());
      ctx.output(DEAD_LETTERS, deadLetter);
    });
  }

  /**
   * parse -> normalize -> validate of one document, outside Flink as inside it: each record goes to
   * {@code accepted}, each rejection to {@code rejected} as its dead letter. What the replay of dead
   * letters calls, so a replayed input takes the same path as an ingested one.
   */
  public void parse(RawDocument doc, long now, Consumer<Patent> accepted, Consumer<DeadLetter> rejected) {
    Source where = doc.toSource();
    if (doc.readError != null) {
      // the bulk file itself is damaged (e.g. a truncated zip): the rest of it cannot be read
      rejected.accept(DeadLetters.of("uspto", "split", doc.readError, null, where, null, null, maxRawBytes, now));
      return;
    }
    if (doc.oversized) {
      DeadLetter d = DeadLetters.of("uspto", "split", "document of " + doc.size
              + " bytes exceeds the maximum document size; only its first " + doc.bytes.length
              + " bytes were read", null, where, doc.bytes, null, maxRawBytes, now);
      d.setRawSize(doc.size);
      rejected.accept(d);
      return;
    }
    switch (InputFormat.detect(doc.bytes)) {
      case EPO -> response(doc, "epo", "EPO", accepted, rejected, now);
      case KIPRIS -> response(doc, "kipris", "KIPO", accepted, rejected, now);
      default -> {
        try {
          accepted.accept(uspto.process(doc.bytes, where, now));
        } catch (DocumentRejectedException e) {
          rejected.accept(DeadLetters.rejected(e, "uspto", where, doc.bytes, maxRawBytes, now));
        }
      }
    }
  }

  /** Every record of a saved office response; dead letters name the record's index as its position. */
  private void response(RawDocument doc, String sourceName, String office, Consumer<Patent> accepted,
      Consumer<DeadLetter> rejected, long now) {
    Source where = Source.newBuilder(doc.toSource()).setOffice(office).build();
    List<DocumentResult> results;
    try {
      results = "epo".equals(sourceName) ? epo.processAll(doc.bytes, where, now)
          : kipris.processAll(doc.bytes, where, now);
    } catch (DocumentRejectedException e) {
      rejected.accept(DeadLetters.rejected(e, sourceName, where, doc.bytes, maxRawBytes, now));
      return;
    } catch (KiprisApiException e) {
      rejected.accept(DeadLetters.of(sourceName, DocumentRejectedException.STAGE_PARSE,
          "error envelope: " + e.getMessage(), e, where, doc.bytes, null, maxRawBytes, now));
      return;
    }
    if (results.isEmpty() && "epo".equals(sourceName)) {
      // OPS claims or description: its text is lost to the pipeline unless someone reads it together
      // with its biblio, so it is kept where an operator looks
      rejected.accept(DeadLetters.of(sourceName, DocumentRejectedException.STAGE_PARSE, "EPO OPS response holds no"
              + " exchange-document (a claims or description response joins its biblio only in scripts/parse and"
              + " the collect job)", null, where, doc.bytes, null, maxRawBytes, now));
      return;
    }
    if (results.isEmpty()) {
      LOG.info("{}: {} response holds no record", doc.file, office); // an empty search page: nothing to keep
    }
    for (DocumentResult r : results) {
      if (r.isAccepted()) {
        accepted.accept(r.patent());
      } else {
        Source at = r.index() < 0 ? where : Source.newBuilder(where).setPosition(r.index()).build();
        rejected.accept(DeadLetters.rejected(r.rejection(), sourceName, at, doc.bytes, maxRawBytes, now));
      }
    }
  }
}
