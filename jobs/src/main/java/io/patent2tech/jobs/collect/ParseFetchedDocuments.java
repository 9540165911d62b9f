package io.patent2tech.jobs.collect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import io.patent2tech.connectors.collect.CollectRecord;
import io.patent2tech.connectors.collect.FetchedDocument;
import io.patent2tech.connectors.collect.RunEvent;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DeadLetters;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.metrics.LabeledCounters;

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

  /** The label values of the per-office metrics: the offices the collect job has collectors for. */
  static final Set<String> OFFICES = Set.of("uspto", "epo", "kipo");
  /**
   * The office's quota figures that are numbers (EPO OPS: bytes used this hour by this user, this
   * week by the registered account), by the quota label their gauge carries.
   */
  static final Map<String, String> QUOTA_FIGURES = Map.of(
      "x-individualquotaperhour-used", "individual_per_hour",
      "x-registeredquotaperweek-used", "registered_per_week");

  private final int maxRawBytes;
  private final OfficeDocuments documents = new OfficeDocuments();
  private transient Counter parsed;
  private transient Counter rejected;
  private transient LabeledCounters rejectedByStage;
  private transient LabeledCounters collected;
  private transient LabeledCounters runsFailed;
  private transient LabeledCounters requests;
  /** Latest quota figure by office and quota label; the gauges read it. */
  private transient Map<String, Long> quotaUsed;

  public ParseFetchedDocuments(int maxRawBytes) {
    this.maxRawBytes = maxRawBytes;
  }

  @Override
  public void open(OpenContext openContext) {
    parsed = getRuntimeContext().getMetricGroup().counter("documentsParsed");
    rejected = getRuntimeContext().getMetricGroup().counter("documentsRejected");
    var metrics = getRuntimeContext().getMetricGroup();
    rejectedByStage = new LabeledCounters(metrics, "stage", "documentsRejected", DeadLetters.STAGES);
    collected = new LabeledCounters(metrics, "office", "documentsCollected", OFFICES);
    runsFailed = new LabeledCounters(metrics, "office", "collectionRunsFailed", OFFICES);
    requests = new LabeledCounters(metrics, "office", "collectionRequests", OFFICES);
    quotaUsed = new ConcurrentHashMap<>();
  }

  /**
   * A run's start, end or failure: failures are counted, an ended run's requests to the office too
   * (the quota of an office that counts calls, as KIPRIS Plus does), and the office's numeric quota
   * figures become gauges ({@code quotaUsedBytes{office, quota}}), registered when an office first
   * reports one.
   */
  private void runEvent(RunEvent run) {
    if (RunEvent.FAILED.equals(run.phase)) {
      runsFailed.inc(run.office);
    }
    if (!RunEvent.STARTED.equals(run.phase)) {
      requests.inc(run.office, run.requests);
    }
    if (run.quota == null || run.office == null) {
      return;
    }
    String office = run.office.toLowerCase(Locale.ROOT);
    if (!OFFICES.contains(office)) {
      return;
    }
    for (String line : run.quota.split("\n")) {
      int colon = line.indexOf(':');
      String quota = colon < 0 ? null : QUOTA_FIGURES.get(line.substring(0, colon).trim());
      if (quota == null) {
        continue;
      }
      long value;
      try {
        value = Long.parseLong(line.substring(colon + 1).trim());
      } catch (NumberFormatException e) {
        continue;
      }
      String key = office + "/" + quota;
      if (quotaUsed.put(key, value) == null) {
        Gauge<Long> gauge = () -> quotaUsed.get(key);
        getRuntimeContext().getMetricGroup().addGroup("office", office).addGroup("quota", quota)
            .gauge("quotaUsedBytes", gauge);
      }
    }
  }

  @Override
  public void processElement(CollectRecord record, Context ctx, Collector<Patent> out) {
    if (record.run != null) {
      runEvent(record.run);
      ctx.output(RUN_PROGRESS, RunProgress.of(record.run));
      return;
    }
    FetchedDocument doc = record.document;
    collected.inc(doc.office);
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
    rejectedByStage.inc(d.getStage());
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
