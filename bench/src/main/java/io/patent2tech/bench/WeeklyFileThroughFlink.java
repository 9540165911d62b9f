package io.patent2tech.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Locale;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

import io.patent2tech.connectors.uspto.UsptoBulkFileFormat;
import io.patent2tech.jobs.ingest.ParseOfficeDocuments;
import io.patent2tech.schema.Patent;

/**
 * A weekly-size file through the ingest job's source and parse operator on a Flink MiniCluster in
 * this JVM - JobManager and TaskManager together inside the heap the script gives it (1 GB). The
 * Kafka sink is replaced by a discarding sink so only the file side is measured.
 *
 * <p>Usage: {@code WeeklyFileThroughFlink FILE EXPECTED_DOCUMENTS OUT_MD}
 */
public final class WeeklyFileThroughFlink {

  public static void main(String[] args) throws Exception {
    java.nio.file.Path file = java.nio.file.Path.of(args[0]);
    long expected = Long.parseLong(args[1]);
    java.nio.file.Path out = java.nio.file.Path.of(args[2]);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSource(FileSource.forBulkFileFormat(new UsptoBulkFileFormat(), new Path(file.toUri())).build(),
            WatermarkStrategy.noWatermarks(), "uspto-bulk-files")
        .process(new ParseOfficeDocuments(1 << 20))
        .map(new CountDocuments())
        .sinkTo(new DiscardingSink<>());
    long t0 = System.nanoTime();
    JobExecutionResult result = env.execute("weekly-file-through-flink");
    double seconds = (System.nanoTime() - t0) / 1e9;
    long parsed = result.<Long>getAccumulatorResult("documents");
    if (parsed != expected) {
      throw new IllegalStateException("parsed " + parsed + " of " + expected + " documents");
    }
    long bytes = Files.size(file);
    String md = String.format(Locale.ROOT,
        "| run | documents | MB | seconds | MB/s | JVM max heap | peak heap used |%n|---|---:|---:|---:|---:|---:|---:|%n"
            + "| Flink MiniCluster, parallelism 1: FileSource -> parse/normalize/validate -> discard | %d | %.1f | %.1f | %.1f | %d MB | %d MB |%n"
            + "%nOne run, %s, Java %s, %d cores.%n",
        parsed, bytes / 1e6, seconds, bytes / 1e6 / seconds, Runtime.getRuntime().maxMemory() >> 20,
        ParserBenchmark.peakHeapBytes() >> 20, LocalDate.now(), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    Files.writeString(out, md, StandardCharsets.UTF_8);
    System.out.print(md);
  }

  private static final class CountDocuments extends RichMapFunction<Patent, Integer> {
    private final LongCounter documents = new LongCounter();

    @Override
    public void open(OpenContext openContext) {
      getRuntimeContext().addAccumulator("documents", documents);
    }

    @Override
    public Integer map(Patent p) {
      documents.add(1L);
      return 1;
    }
  }
}
