package io.patent2tech.jobs.ingest;

import java.time.Duration;
import io.patent2tech.connectors.uspto.UsptoDocumentSplitter;
import java.util.List;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.patent2tech.connectors.uspto.RawDocument;
import io.patent2tech.connectors.uspto.UsptoBulkFileFormat;
import io.patent2tech.jobs.NormalizedOutput;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.FlinkEnvironments;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.DeadLetters;

/**
 * The ingest job:
 *
 * <pre>
 *  files (given or watched) -> split -> parse -> normalize -> validate -> dedupe
 *                                         |                            |
 *                            patents.dlq <+              patents.normalized
 *
 *  files: USPTO bulk files (.zip/.xml/.txt, and the "with images" products: a .tar or .zip of
 *  per-patent zips, whose XML is read and whose TIFFs are skipped); saved EPO OPS or KIPRIS Plus
 *  responses (.xml), each one document for the splitter and one patent per record for the parser
 * </pre>
 *
 * Both topics are written exactly once (Kafka transactions committed with Flink checkpoints).
 */
public final class IngestJob {

  public static final Setting WATCH = Setting.bool("watch", false,
      "keep watching the given directories and ingest files dropped into them (runs until cancelled)");
  public static final Setting WATCH_INTERVAL =
      Setting.duration("watch-interval", Duration.ofSeconds(10), "how often watched directories are listed");
  public static final Setting MAX_DOCUMENT_BYTES = Setting.wholeNumber("max-document-bytes",
      (long) UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES, "larger documents are not parsed but dead-lettered");
  public static final Setting DLQ_MAX_RAW_BYTES = Setting.wholeNumber("dlq-max-raw-bytes",
      (long) DeadLetters.DEFAULT_MAX_RAW_BYTES,
      "raw input up to this size is copied into the dead letter; larger inputs get a pointer");
  public static final Setting TRANSACTIONAL_ID_PREFIX = new Setting("transactional-id-prefix",
      "p2t-ingest", "Kafka transactional id prefix; unique per running ingest job");

  public static final List<Setting> SETTINGS = CommonSettings.secured(Settings.join(List.of(
      CommonSettings.KAFKA_BOOTSTRAP, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_DLQ,
      WATCH, WATCH_INTERVAL, CommonSettings.DEDUPE_TTL, CommonSettings.DEDUPE_FROM_TOPIC,
      MAX_DOCUMENT_BYTES, DLQ_MAX_RAW_BYTES, TRANSACTIONAL_ID_PREFIX), CommonSettings.RUNTIME));
  public static final List<String> FLAGS = List.of(WATCH.key());

  public static final String USAGE = "ingest [options] PATH...\n"
      + "  Reads USPTO full-text bulk files (.zip, .xml, or APS .txt of 1976-2001; the \"with\n"
      + "  images\" products, a .tar or .zip of per-patent zips; a directory means every file in\n"
      + "  it), and saved EPO OPS or KIPRIS Plus responses (told by content, as\n"
      + "  parse tells them), and writes normalized patents to Kafka exactly once, rejected\n"
      + "  documents to the DLQ.\n"
      + "  Bounded over the given paths unless --watch is set.\n";

  private IngestJob() {}

  /**
   * Adds the ingest pipeline to {@code env}.
   *
   * @return the patents the dedupe passes on (what goes to {@code patents.normalized})
   */
  public static DataStream<Patent> build(StreamExecutionEnvironment env, Settings s) {
    List<String> inputs = s.positional();
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("ingest needs at least one input file or directory");
    }
    String txPrefix = s.require(TRANSACTIONAL_ID_PREFIX.key());

    var files = FileSource.forBulkFileFormat(
        new UsptoBulkFileFormat(s.getInt(MAX_DOCUMENT_BYTES.key())),
        inputs.stream().map(Path::new).toArray(Path[]::new));
    if (s.getBoolean(WATCH.key())) {
      files.monitorContinuously(s.getDuration(WATCH_INTERVAL.key()));
    }
    DataStream<RawDocument> documents = env
        .fromSource(files.build(), WatermarkStrategy.noWatermarks(), "uspto-bulk-files")
        .uid("uspto-bulk-files");

    SingleOutputStreamOperator<Patent> normalized = documents
        .process(new ParseOfficeDocuments(s.getInt(DLQ_MAX_RAW_BYTES.key())))
        .name("parse-normalize-validate").uid("parse-normalize-validate");

    DataStream<Patent> published = NormalizedOutput.publish(normalized,
        normalized.getSideOutput(ParseOfficeDocuments.DEAD_LETTERS), s, txPrefix);
    return published;
  }

  public static void run(Settings s) throws Exception {
    CommonSettings.ensureTopics(s, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_DLQ);
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    build(env, s);
    env.execute("patent2tech-ingest");
  }
}
