package io.patent2tech.bench;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.UsptoDocumentProcessor;
import io.patent2tech.udfs.embed.EmbeddedPatent;
import io.patent2tech.udfs.embed.EmbeddingText;
import io.patent2tech.udfs.embed.InProcessEmbedder;
import io.patent2tech.udfs.embed.InProcessEmbedderFactory;
import io.patent2tech.udfs.embed.PatentEmbeddingOperator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.accumulators.LongMinimum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The embedding operator's throughput against the bare model on the same texts, in the same JVM
 * (issue 3, point 12; target >= 0.8 x):
 *
 * <ul>
 *   <li>bare: {@link InProcessEmbedder#embed} over {@link EmbeddingText#of} of every patent, in
 *       batches of the operator's batch size, one thread calling;</li>
 *   <li>operator: the same patents from a collection source through {@link PatentEmbeddingOperator}
 *       to a discarding sink on a local MiniCluster (parallelism 1), timed inside the job: from the
 *       opening of the operator chain (the embedder is made there) to the last embedded patent. A
 *       streaming job runs for days, so starting and stopping the MiniCluster (about a second) is
 *       left out of the throughput; the table notes it.</li>
 * </ul>
 *
 * <p>The patents are the ICE fixtures, repeated to {@code COUNT}. Both use the default in-process
 * embedder (one calling thread; ONNX Runtime uses every core within a text). Runs alternate after one warm-up of each; the medians are reported. One
 * extra operator run with batch size 1 shows what batching buys.
 *
 * <p>Usage: {@code EmbeddingBenchmark FIXTURES_DIR OUT_MD COUNT BATCH_SIZE RUNS}
 */
public final class EmbeddingBenchmark {

  private static final Duration MAX_WAIT = Duration.ofSeconds(1);

  public static void main(String[] args) throws Exception {
    Path fixtures = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int count = Integer.parseInt(args[2]);
    int batchSize = Integer.parseInt(args[3]);
    int runs = Integer.parseInt(args[4]);
    int threads = InProcessEmbedderFactory.defaults().threadsHere();

    List<Patent> patents = patents(fixtures, count);
    List<String> texts = patents.stream().map(EmbeddingText::of).toList();

    double[] bare = new double[runs];
    double[] operator = new double[runs];
    double[] job = new double[runs];
    try (InProcessEmbedder model = new InProcessEmbedder(threads)) {
      bare(model, texts.subList(0, batchSize), batchSize);
      operator(patents.subList(0, batchSize), threads, batchSize);
      for (int run = 0; run < runs; run++) {
        bare[run] = bare(model, texts, batchSize);
        Timing timing = operator(patents, threads, batchSize);
        operator[run] = timing.inJob;
        job[run] = timing.wall;
        System.err.printf(Locale.ROOT, "run %d: bare %.1f s, operator %.1f s (job %.1f s)%n",
            run + 1, bare[run], operator[run], job[run]);
      }
      double unbatched = operator(patents, threads, 1).inJob;
      long tokens = texts.stream().mapToLong(model::tokenCount).sum();

      double bareRate = count / ParserBenchmark.median(bare);
      double operatorRate = count / ParserBenchmark.median(operator);
      String md = String.format(Locale.ROOT,
          "| measurement | texts | seconds | texts/s |%n|---|---:|---:|---:|%n"
              + "| (i) bare model: `InProcessEmbedder.embed`, batches of %d | %d | %.1f | %.1f |%n"
              + "| (ii) `PatentEmbeddingOperator` on a MiniCluster: batch %d, max wait %d s | %d | %.1f | %.1f |%n"
              + "| **ratio (ii) / (i)** | | | **%.2f** (target >= 0.80) |%n"
              + "| (iii) the operator with batch size 1, for contrast | %d | %.1f | %.1f |%n"
              + "%nOperator seconds are measured inside the job; the whole job, MiniCluster start and stop "
              + "included, took %.1f s (median). "
              + "Model %s (%d dimensions), %d embedder thread(s), each text on one core. Texts: "
              + "title + abstract + first independent claim of the %d ICE fixture "
              + "patents, repeated to %d; %.0f characters and %.0f tokens on "
              + "average (%d of %d texts over the %d-token window, cut). Median of %d alternating runs "
              + "after one warm-up each; (iii) one run. Java %s, %d cores, %s.%n",
          batchSize, count, ParserBenchmark.median(bare), bareRate,
          batchSize, MAX_WAIT.toSeconds(), count, ParserBenchmark.median(operator), operatorRate,
          operatorRate / bareRate,
          count, unbatched, count / unbatched,
          ParserBenchmark.median(job), model.modelId(), model.dimension(), threads, distinct(patents), count,
          texts.stream().mapToInt(String::length).average().orElse(0), (double) tokens / count,
          texts.stream().filter(text -> model.tokenCount(text) > InProcessEmbedder.MAX_TOKENS).count(), count,
          InProcessEmbedder.MAX_TOKENS, runs, System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(), LocalDate.now());
      Files.writeString(out, md, StandardCharsets.UTF_8);
      System.out.print(md);
    }
  }

  /** Seconds to embed {@code texts} with the bare model. */
  private static double bare(InProcessEmbedder model, List<String> texts, int batchSize) {
    long t0 = System.nanoTime();
    for (int from = 0; from < texts.size(); from += batchSize) {
      List<float[]> vectors = model.embed(texts.subList(from, Math.min(texts.size(), from + batchSize)));
      if (vectors.isEmpty()) {
        throw new IllegalStateException("no vectors");
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Seconds of a job that embeds {@code patents} with the operator: in the job, and in all. */
  private record Timing(double inJob, double wall) {}

  private static Timing operator(List<Patent> patents, int threads, int batchSize) throws Exception {
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, config);
    PatentEmbeddingOperator.embed(env.fromData(patents, new AvroTypeInfo<>(Patent.class)),
            new InProcessEmbedderFactory(threads), batchSize, MAX_WAIT)
        .map(new CountEmbedded())
        .sinkTo(new DiscardingSink<>());
    long t0 = System.nanoTime();
    JobExecutionResult result = env.execute("embedding-benchmark");
    double wall = (System.nanoTime() - t0) / 1e9;
    long embedded = result.<Long>getAccumulatorResult("embedded");
    if (embedded != patents.size()) {
      throw new IllegalStateException("embedded " + embedded + " of " + patents.size() + " patents");
    }
    long opened = result.<Long>getAccumulatorResult("opened");
    long last = result.<Long>getAccumulatorResult("last");
    return new Timing((last - opened) / 1e9, wall);
  }

  /** The ICE fixtures, parsed, repeated until there are {@code count}. */
  private static List<Patent> patents(Path fixtures, int count) throws Exception {
    List<Patent> distinct = fixturePatents(fixtures);
    List<Patent> patents = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      patents.add(distinct.get(i % distinct.size()));
    }
    return patents;
  }

  /** The ICE fixtures, parsed the way the ingest job parses them. */
  static List<Patent> fixturePatents(Path fixtures) throws Exception {
    UsptoDocumentProcessor processor = new UsptoDocumentProcessor();
    List<Patent> distinct = new ArrayList<>();
    for (byte[] document : ParserBenchmark.iceDocuments(fixtures)) {
      distinct.add(processor.process(document, new Source("USPTO", null, "fixture", null, 0L, 0L, null, null), 0L));
    }
    return distinct;
  }

  private static long distinct(List<Patent> patents) {
    return patents.stream().map(Patent::getPublicationKey).distinct().count();
  }

  /**
   * Counts what reaches the sink, so a run that lost records fails instead of looking fast, and
   * notes when the chain was opened and when the last patent came out (System.nanoTime: the
   * MiniCluster runs in this JVM). Chained operators open from the sink back to the source, so
   * "opened" comes before the embedding operator makes its embedder.
   */
  private static final class CountEmbedded extends RichMapFunction<EmbeddedPatent, Integer> {
    private final LongCounter embedded = new LongCounter();
    private final LongMinimum opened = new LongMinimum();
    private final LongMaximum last = new LongMaximum();

    @Override
    public void open(OpenContext openContext) {
      getRuntimeContext().addAccumulator("embedded", embedded);
      getRuntimeContext().addAccumulator("opened", opened);
      getRuntimeContext().addAccumulator("last", last);
      opened.add(System.nanoTime());
    }

    @Override
    public Integer map(EmbeddedPatent patent) {
      if (!patent.hasVector()) {
        throw new IllegalStateException(patent + " has no vector");
      }
      embedded.add(1L);
      last.add(System.nanoTime());
      return 1;
    }
  }
}
