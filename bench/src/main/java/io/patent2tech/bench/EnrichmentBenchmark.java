package io.patent2tech.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.elasticsearch.LegalCorpusLoader;
import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.connectors.postgres.PostgresMigrations;
import io.patent2tech.connectors.postgres.PostgresSettings;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.enrich.EnrichJob;
import io.patent2tech.jobs.enrich.EnrichSettings;
import io.patent2tech.jobs.landing.LandingJob;
import io.patent2tech.schema.Claim;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.EnrichedPatent;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.embed.Embedder;
import io.patent2tech.udfs.embed.EmbeddingText;
import io.patent2tech.udfs.embed.InProcessEmbedderFactory;
import io.patent2tech.udfs.normalize.PublicationKeys;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.DoubleStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The enrich job end to end with the LLM off (issue 3, point 12): {@code N} distinct patents from
 * a Kafka topic through {@link EnrichJob} (decode, skip evaluated, embed, retrieve, rules,
 * combine) into Kafka, PostgreSQL and Elasticsearch, on a local MiniCluster in this JVM, against
 * the stack's services.
 *
 * <p>Inputs: the ICE fixture patents, varied to {@code N}: every copy gets its own publication and
 * application key and content hash, and every copy after the first of a fixture has its abstract
 * and claims perturbed (a few words dropped or swapped, seeded by its index), so each text embeds
 * to a vector of its own and kNN finds near neighbours the way it does among related patents.
 *
 * <p>Per measured run, not timed: a fresh PostgreSQL schema (migrated) and Elasticsearch alias,
 * into which {@link LandingJob} lands the {@code N} patents, which are then given the bare model's
 * embeddings, so kNN searches a filled index and finds prior art (with first claims) for every
 * patent, as a new patent meets an index of enriched ones; the legal corpus is loaded once into
 * an alias of its own. Timed: {@code EnrichJob.run} with {@code --bounded}, from the call (topic,
 * migration and index checks, MiniCluster start, model load) to its return (last checkpoint,
 * which commits the Kafka transactions, and MiniCluster stop). The steady-state rate is taken from
 * the records themselves: the slope of their {@code enriched_time}s ({@link #steadyRate}). The
 * run fails unless the output topic holds exactly the {@code N} keys, each
 * once, none with a retrieval error, and {@code patent_evaluations} has {@code N} rows.
 *
 * <p>For context, the bare model ({@code InProcessEmbedderFactory.defaults().create()}, batches
 * of 32) embeds the same texts ({@link EmbeddingText#of}) in the same JVM: all {@code N} once to
 * warm up and make the seed vectors, then a sample right before each run, once the services have
 * quietened down after the landing: the enrich job should run close to it, since the model, not
 * Flink, is meant to be the bottleneck. CPU time of this JVM, of Elasticsearch and of the whole
 * machine (from /proc/stat) over each measurement shows where the cores went. A run with retrieval
 * off shows what the kNN and legal searches cost.
 *
 * <p>Everything created (topics, consumer groups, indices, index templates, schemas) is removed at
 * the end, also when the run fails.
 *
 * <p>Single runs vary by 10 % or more on a shared machine, so the runs are repeated in rounds,
 * alternating with each other and with the bare model, and the medians reported, with the ranges;
 * a warm-up run of up to 500 patents comes first, as the first job in a JVM runs cold.
 *
 * <p>Usage: {@code EnrichmentBenchmark FIXTURES_DIR LEGAL_CORPUS_JSONL OUT_MD N RUNS
 * CHECKPOINT_INTERVAL ROUNDS}; RUNS comma-separated, each a parallelism, with {@code :no-rag} for
 * a run with retrieval off (e.g. {@code 2,1,1:no-rag}), the first the headline; services from
 * P2T_KAFKA_BOOTSTRAP, P2T_ES_URL, P2T_PG_URL, P2T_PG_USER, P2T_PG_PASSWORD.
 */
public final class EnrichmentBenchmark {

  /** Where the services are: the jobs' settings, from the environment or their stack defaults. */
  private static final Settings STACK = Settings.fromEnvironment(CommonSettings.KAFKA_BOOTSTRAP,
      CommonSettings.ES_URL, CommonSettings.PG_URL, CommonSettings.PG_USER, CommonSettings.PG_PASSWORD);
  private static final String KAFKA = STACK.require(CommonSettings.KAFKA_BOOTSTRAP.key());
  private static final String ES = STACK.require(CommonSettings.ES_URL.key()).replaceAll("/+$", "");
  private static final String PG_URL = STACK.require(CommonSettings.PG_URL.key());
  private static final String PG_USER = STACK.require(CommonSettings.PG_USER.key());
  private static final String PG_PASSWORD = STACK.get(CommonSettings.PG_PASSWORD.key());

  /** The enrich job's default embedding batch, so the bare model does the same calls. */
  private static final int BARE_BATCH = EnrichSettings.DEFAULT_EMBED_BATCH_SIZE;
  /**
   * Texts of the bare measurement before each run: ten batches, and as many copies of each
   * fixture, so the sample has the mix of the whole input.
   */
  private static final int BARE_SAMPLE = 320;
  /**
   * Patents of the warm-up run: the first of the inputs, in a topic of their own. As many as a
   * measured run: after a warm-up of 100 the JIT still compiled about 2,400 methods (0.1 core of
   * C2) during the next run's steady state, which a job running for days does not pay.
   */
  private static final int WARM_UP = 500;
  /** Chance that a word of a varied abstract or claim is dropped, and that it swaps places. */
  private static final double DROP = 0.05;
  private static final double SWAP = 0.03;

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    Path fixtures = Path.of(args[0]);
    Path legalCorpus = Path.of(args[1]);
    Path out = Path.of(args[2]);
    int n = Integer.parseInt(args[3]);
    List<Spec> specs = new ArrayList<>();
    for (String spec : args[4].split(",")) {
      specs.add(Spec.parse(spec));
    }
    String checkpointInterval = args[5];
    int rounds = Integer.parseInt(args[6]);

    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String base = "bench-enrich-" + id;
    double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Cleanup cleanup = new Cleanup();
    try {
      String input = base + ".patents.normalized";
      cleanup.topic(input);
      Topics.ensureAs(KAFKA, Map.of(input, Topics.NORMALIZED));
      long t0 = System.nanoTime();
      List<Patent> originals = EmbeddingBenchmark.fixturePatents(fixtures);
      List<String> keys = new ArrayList<>(n);
      List<String> texts = new ArrayList<>(n);
      publishVariants(originals, n, input, keys, texts);
      System.err.printf(Locale.ROOT, "bench-enrich: %d patents published to %s in %.1f s%n",
          n, input, (System.nanoTime() - t0) / 1e9);
      String warmUpInput = base + "-warm-up.patents.normalized";
      cleanup.topic(warmUpInput);
      Topics.ensureAs(KAFKA, Map.of(warmUpInput, Topics.NORMALIZED));
      List<String> warmUpKeys = new ArrayList<>();
      publishVariants(originals, Math.min(n, WARM_UP), warmUpInput, warmUpKeys, new ArrayList<>());

      String legal = base + "-legal";
      cleanup.index(legal);
      // the model stays open for the bare measurements; the job's embedders share its ONNX session
      try (Embedder model = InProcessEmbedderFactory.defaults().create()) {
        LegalCorpusLoader.Counts loaded =
            LegalCorpusLoader.load(ElasticsearchSettings.defaults(ES, legal), legalCorpus, model);
        System.err.println("bench-enrich: legal corpus " + loaded);
        // a first pass warms the model up and makes the vectors the patents index is seeded with
        Bare seed = bare(model, texts);

        List<String> sample = texts.subList(0, Math.min(texts.size(), BARE_SAMPLE));
        // the first job in a JVM runs its code cold, about 20 % slower: one small run first
        Cleanup warmUpCleanup = new Cleanup();
        try {
          Run warmUp = enrich(warmUpCleanup, base + "-warm-up", warmUpInput, legal, warmUpKeys,
              model, sample, seed, specs.get(0), checkpointInterval);
          System.err.printf(Locale.ROOT, "bench-enrich: warm-up, %s: %.1f s wall%n",
              specs.get(0).name(), warmUp.usage.seconds);
        } finally {
          warmUpCleanup.run();
        }
        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
          for (Spec spec : specs) {
            // each run's topics, index and schema go before the next run, so every run meets
            // the services in the same state
            Cleanup runCleanup = new Cleanup();
            Run run;
            try {
              run = enrich(runCleanup, base + "-" + spec.name() + "-r" + round, input, legal,
                  keys, model, sample, seed, spec, checkpointInterval);
            } finally {
              runCleanup.run();
            }
            runs.add(run);
            System.err.printf(Locale.ROOT, "bench-enrich: round %d, %s: %.1f s wall, %.1f docs/s;"
                    + " steady %.1f docs/s; GC %.1f s; bare model just before %.1f texts/s%n",
                round, spec.name(), run.usage.seconds, n / run.usage.seconds, run.steadyRate,
                run.usage.gc, run.bare.rate());
          }
        }

        String md = table(n, originals.size(), seed.modelId, specs, rounds, runs,
            checkpointInterval, loadAtStart);
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.print(md);
      }
    } finally {
      cleanup.run();
    }
  }

  // ---------------------------------------------------------------- inputs

  /**
   * Publishes {@code n} variants of {@code fixtures} to {@code topic}, keyed by publication key,
   * and adds their keys and embedding texts to {@code keys} and {@code texts}. Variants are made
   * one at a time, so only the fixtures and the texts stay in memory.
   */
  private static void publishVariants(List<Patent> fixtures, int n, String topic,
      List<String> keys, List<String> texts) throws Exception {
    TopicCodec<Patent> codec = TopicCodec.patents();
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    // the largest fixture record is several hundred kB, as in the ingest job's topic
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 << 20);
    List<Future<?>> sent = new ArrayList<>(n);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < n; i++) {
        Patent patent = variant(fixtures.get(i % fixtures.size()), i, i >= fixtures.size());
        keys.add(patent.getPublicationKey());
        texts.add(EmbeddingText.of(patent));
        sent.add(producer.send(
            new ProducerRecord<>(topic, patent.getPublicationKey(), codec.encode(patent))));
      }
      producer.flush();
      for (Future<?> f : sent) {
        f.get(); // a record Kafka refused fails here, not as a short count later
      }
    }
  }

  /**
   * Copy {@code i} of {@code original}: its own publication key (the number with the copy's index
   * appended), application key and content hash, no family (so no copy is filtered out of
   * another's prior art), and when {@code perturbed}, abstract and claims with words dropped and
   * swapped.
   */
  static Patent variant(Patent original, int i, boolean perturbed) {
    DocumentId publication = original.getPublication();
    String number = publication.getNumber() + String.format(Locale.ROOT, "%05d", i);
    String key =
        PublicationKeys.publicationKey(publication.getCountry(), number, publication.getKind());
    Random random = new Random(i);
    Patent.Builder copy = Patent.newBuilder(original)
        .setPublicationKey(key)
        .setPublication(DocumentId.newBuilder(publication).setNumber(number).build())
        .setApplicationKey(PublicationKeys.applicationKey(publication.getCountry(), "99" + number))
        .setApplication(null)
        .setFamilyId(null)
        .setContentHash(original.getContentHash() + "-bench-" + i);
    if (perturbed) {
      List<LocalizedText> abstracts = new ArrayList<>();
      for (LocalizedText text : original.getAbstracts()) {
        abstracts.add(
            LocalizedText.newBuilder(text).setText(perturb(text.getText(), random)).build());
      }
      List<Claim> claims = new ArrayList<>();
      for (Claim claim : original.getClaims()) {
        claims.add(Claim.newBuilder(claim).setText(perturb(claim.getText(), random)).build());
      }
      copy.setAbstracts(abstracts).setClaims(claims);
    }
    return copy.build();
  }

  /** {@code text} with a few words dropped and a few neighbours swapped. */
  static String perturb(String text, Random random) {
    String[] words = text.split(" ");
    List<String> kept = new ArrayList<>(words.length);
    for (String word : words) {
      if (random.nextDouble() >= DROP) {
        kept.add(word);
      }
    }
    for (int w = 0; w + 1 < kept.size(); w++) {
      if (random.nextDouble() < SWAP) {
        String swapped = kept.get(w);
        kept.set(w, kept.get(w + 1));
        kept.set(w + 1, swapped);
        w++;
      }
    }
    return kept.isEmpty() ? text : String.join(" ", kept);
  }

  // ---------------------------------------------------------------- measurements

  /** A measured enrich run: its parallelism, and whether retrieval is on. */
  private record Spec(int parallelism, boolean rag) {

    /** {@code 2}, {@code 1}, {@code 1:no-rag}. */
    static Spec parse(String spec) {
      String[] parts = spec.trim().split(":");
      if (parts.length > 2 || (parts.length == 2 && !parts[1].equals("no-rag"))) {
        throw new IllegalArgumentException(
            "a run is PARALLELISM or PARALLELISM:no-rag, got " + spec);
      }
      return new Spec(Integer.parseInt(parts[0]), parts.length == 1);
    }

    String name() {
      return "p" + parallelism + (rag ? "" : "-norag");
    }
  }

  /**
   * Seconds and CPU seconds over one measurement: of this JVM, of Elasticsearch (its node stats),
   * and of the whole machine (/proc/stat); -1 where not known.
   */
  private record Usage(double seconds, double jvm, double gc, double elasticsearch,
      double machine) {

    String cores() {
      double rest = machine < 0 || elasticsearch < 0 ? Double.NaN : machine - jvm - elasticsearch;
      return String.format(Locale.ROOT, "%.2f / %s / %s", jvm / seconds,
          elasticsearch < 0 ? "?" : String.format(Locale.ROOT, "%.2f", elasticsearch / seconds),
          Double.isNaN(rest) ? "?"
              : String.format(Locale.ROOT, "%.2f", Math.max(0, rest) / seconds));
    }
  }

  /**
   * Starts a {@link Usage} measurement, after a full GC so that no run inherits the garbage of
   * the one before; {@link #stop()} ends it.
   */
  private static final class Meter {
    private final double es0;
    private final long gc0;
    private final double machine0;
    private final long jvm0;
    private final long t0;

    Meter() {
      System.gc();
      es0 = esCpuSeconds();
      gc0 = gcMillis();
      machine0 = machineCpuSeconds();
      jvm0 = jvmCpuNanos();
      t0 = System.nanoTime();
    }

    Usage stop() {
      double seconds = (System.nanoTime() - t0) / 1e9;
      double jvm = (jvmCpuNanos() - jvm0) / 1e9;
      double machine1 = machineCpuSeconds();
      double es1 = esCpuSeconds();
      return new Usage(seconds, jvm, (gcMillis() - gc0) / 1000.0,
          es0 < 0 || es1 < 0 ? -1 : es1 - es0,
          machine0 < 0 || machine1 < 0 ? -1 : machine1 - machine0);
    }
  }

  /** The bare model's measurement, and the vectors it made. */
  private record Bare(Usage usage, String modelId, List<float[]> vectors) {

    double rate() {
      return vectors.size() / usage.seconds;
    }
  }

  /** The bare model over {@code texts}, batches of {@link #BARE_BATCH}, after a warm-up batch. */
  private static Bare bare(Embedder model, List<String> texts) {
    model.embed(texts.subList(0, Math.min(BARE_BATCH, texts.size())));
    Meter meter = new Meter();
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += BARE_BATCH) {
      vectors.addAll(model.embed(texts.subList(from, Math.min(texts.size(), from + BARE_BATCH))));
    }
    Usage usage = meter.stop();
    if (vectors.size() != texts.size()) {
      throw new IllegalStateException(
          "the model gave " + vectors.size() + " vectors for " + texts.size() + " texts");
    }
    return new Bare(usage, model.modelId(), vectors);
  }

  /**
   * One measured enrich run and what its records say; {@code steadyRate} in records per second
   * (see {@link #steadyRate(long[])}).
   */
  private record Run(Spec spec, Usage usage, double steadyRate, Bare bare, int withPriorArt,
      double priorArtPerPatent, int withPassages) {}

  /**
   * Records per second while records flow: the slope of the least-squares line through (enriched
   * time, how many records came out by then). Counting the records between the first and the last
   * {@code enriched_time} would overstate the rate, since the first record leaves only after its
   * whole embedding batch (32 patents per subtask) was embedded before that span began; the slope
   * through every record has no such edge, and job start and stop are outside it.
   */
  static double steadyRate(long[] enrichedMillis) {
    long[] t = enrichedMillis.clone();
    Arrays.sort(t);
    double meanT = 0;
    double meanI = (t.length - 1) / 2.0;
    for (long ms : t) {
      meanT += (double) (ms - t[0]) / t.length;
    }
    double cov = 0;
    double var = 0;
    for (int i = 0; i < t.length; i++) {
      double dt = (t[i] - t[0]) - meanT;
      cov += dt * (i - meanI);
      var += dt * dt;
    }
    return var == 0 ? Double.NaN : cov / var * 1000;
  }

  /**
   * Lands the patents of {@code input} into a fresh schema and alias and gives them the {@code
   * seed} embeddings; measures the bare model on {@code sample} right before the run, so that
   * drift of the machine's speed over the benchmark does not skew the ratio; then times the enrich
   * job over the patents and checks its output.
   */
  private static Run enrich(Cleanup cleanup, String name, String input, String legal,
      List<String> keys, Embedder model, List<String> sample, Bare seed, Spec spec,
      String checkpointInterval) throws Exception {
    int n = keys.size();
    String schema = name.replace('-', '_');
    String pgUrl = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    String alias = name + "-patents";
    String enriched = name + ".patents.enriched";
    String dlq = name + ".patents.dlq";
    cleanup.schema(schema);
    cleanup.index(alias);
    cleanup.topic(enriched);
    cleanup.topic(dlq);
    cleanup.group(name + "-landing");
    cleanup.group(name + "-enrich");
    sql(PG_URL, "create schema " + schema);
    PostgresMigrations.migrate(new PostgresSettings(pgUrl, PG_USER, PG_PASSWORD));

    List<String> common = List.of("--kafka.bootstrap", KAFKA, "--topic.normalized", input,
        "--topic.dlq", dlq, "--bounded", "--es.url", ES, "--es.alias", alias, "--pg.url", pgUrl,
        "--pg.user", PG_USER, "--pg.password", PG_PASSWORD, "--checkpoint.interval",
        checkpointInterval);
    List<String> landing = new ArrayList<>(common);
    landing.addAll(List.of("--group-id", name + "-landing", "--parallelism", "2"));
    LandingJob.run(Settings.parse(LandingJob.SETTINGS, LandingJob.FLAGS,
        landing.toArray(String[]::new), Map.of()));
    long landed = esCount(alias);
    if (landed != n) {
      throw new IllegalStateException("landed " + landed + " of " + n + " patents in " + alias);
    }
    seedEmbeddings(alias, keys, seed);
    awaitQuietServices();

    List<String> enrich = new ArrayList<>(common);
    enrich.addAll(List.of("--group-id", name + "-enrich", "--topic.enriched", enriched,
        "--legal.alias", legal, "--parallelism", String.valueOf(spec.parallelism),
        "--eval.enable-llm", "false", "--eval.enable-rag", String.valueOf(spec.rag)));
    Settings settings = Settings.parse(EnrichJob.SETTINGS, EnrichJob.FLAGS,
        enrich.toArray(String[]::new), Map.of());
    Bare bare = bare(model, sample);
    Meter meter = new Meter();
    EnrichJob.run(settings);
    Usage usage = meter.stop();

    TopicCodec<EnrichedPatent> codec = TopicCodec.enrichedPatents();
    Set<String> seen = new HashSet<>();
    long[] times = new long[n];
    int records = 0;
    int withPriorArt = 0;
    long priorArt = 0;
    int withPassages = 0;
    for (byte[] value : committedValues(enriched)) {
      EnrichedPatent record = codec.decode(value);
      if (records < n) {
        times[records] = record.getEnrichedTime();
      }
      records++;
      seen.add(record.getPublicationKey());
      if (record.getRetrievalError() != null) {
        throw new IllegalStateException(record.getPublicationKey() + ": retrieval error "
            + record.getRetrievalError() + "; the run would not measure retrieval");
      }
      priorArt += record.getPriorArt().size();
      withPriorArt += record.getPriorArt().isEmpty() ? 0 : 1;
      withPassages += record.getNoveltyPassages().isEmpty() ? 0 : 1;
    }
    if (records != n || !seen.equals(new HashSet<>(keys))) {
      throw new IllegalStateException(enriched + " holds " + records + " records of " + seen.size()
          + " patents, expected one record of each of the " + n + " patents");
    }
    long rows = count(pgUrl, "patent_evaluations");
    if (rows != n) {
      throw new IllegalStateException("patent_evaluations has " + rows + " rows, expected " + n);
    }
    return new Run(spec, usage, steadyRate(times), bare, withPriorArt, (double) priorArt / n,
        withPassages);
  }

  private static String table(int n, int fixtureCount, String modelId, List<Spec> specs,
      int rounds, List<Run> runs, String checkpointInterval, double loadAtStart) {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
        "| measurement | patents | wall s | docs/s over wall | steady-state docs/s | "
            + "steady / bare model | CPU cores: this JVM / Elasticsearch / rest | GC s |%n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|%n"));
    StringBuilder ranges = new StringBuilder();
    Bare bare = runs.stream().map(Run::bare)
        .sorted(Comparator.comparingDouble(Bare::rate)).toList().get(runs.size() / 2);
    for (Spec spec : specs) {
      List<Run> of = runs.stream().filter(run -> run.spec.equals(spec)).toList();
      double wall = median(of.stream().mapToDouble(run -> run.usage.seconds));
      double steady = median(of.stream().mapToDouble(Run::steadyRate));
      // CPU of the run with the median steady rate, so the columns belong to one run
      Run typical = of.stream().sorted(Comparator.comparingDouble(Run::steadyRate))
          .toList().get(of.size() / 2);
      String bold = spec.equals(specs.get(0)) ? "**" : "";
      md.append(String.format(Locale.ROOT,
          "| %s`EnrichJob` parallelism %d, LLM off, RAG %s%s | %d | %.1f | %.1f | %.1f | %.2f "
              + "| %s | %.1f |%n",
          bold, spec.parallelism, spec.rag ? "on" : "off", bold, n, wall, n / wall, steady,
          steady / bare.rate(),
          typical.usage.cores(), typical.usage.gc));
      ranges.append(String.format(Locale.ROOT, "%sparallelism %d%s %.1f to %.1f",
          ranges.length() == 0 ? "" : ", ", spec.parallelism, spec.rag ? "" : " RAG off",
          of.stream().mapToDouble(Run::steadyRate).min().orElse(0),
          of.stream().mapToDouble(Run::steadyRate).max().orElse(0)));
    }
    md.append(String.format(Locale.ROOT,
        "| bare model: `Embedder.embed`, batches of %d, %d threads | %d | %.1f | %.1f | - | 1.00 "
            + "| %s | %.1f |%n",
        BARE_BATCH, InProcessEmbedderFactory.defaults().threadsHere(), bare.vectors.size(), bare.usage.seconds, bare.rate(), bare.usage.cores(),
        bare.usage.gc));
    Run head = runs.stream().filter(run -> run.spec.rag).findFirst().orElse(runs.get(0));
    md.append(String.format(Locale.ROOT,
        "%n%d distinct patents: the %d ICE fixtures, varied (own keys and content hashes; words "
            + "of abstract and claims dropped and swapped). Before each run, not timed: the "
            + "patents landed into a fresh alias and schema and given the bare model's "
            + "embeddings, so kNN searches a filled index (prior art found for %d of %d patents, "
            + "%.1f matches each on average; legal passages for %d). Wall: `EnrichJob.run "
            + "--bounded` from the call to its return, MiniCluster start, model load and the last "
            + "checkpoint (interval %s) included; steady state: slope of the records' "
            + "`enriched_time` (least squares over all %d), start and stop left out. The bare "
            + "model embeds %d of the texts right before each run (after the services have "
            + "quietened down from the landing). Medians of %d rounds, the rows alternating within "
            + "a round, after a warm-up run over %d of the patents; the ratio is of the medians "
            + "(steady-state docs/s ranged: %s; bare model %.1f to %.1f texts/s). Model %s in "
            + "process, one embedder thread per core in each subtask, each text on one core. "
            + "CPU cores: CPU seconds per wall second of this JVM (model, Flink, clients), of "
            + "Elasticsearch (node stats) and of the rest of the machine (Kafka, PostgreSQL, other "
            + "work; /proc/stat), in the run with the median rate. JVM max heap %d MB (peak used "
            + "%d MB), %d cores, Java %s, load average %.2f at the start, %s.%n",
        n, fixtureCount, head.withPriorArt, n, head.priorArtPerPatent, head.withPassages,
        checkpointInterval, n, bare.vectors.size(), rounds, Math.min(n, WARM_UP), ranges,
        runs.stream().mapToDouble(run -> run.bare.rate()).min().orElse(0),
        runs.stream().mapToDouble(run -> run.bare.rate()).max().orElse(0), modelId,
        Runtime.getRuntime().maxMemory() >> 20, ParserBenchmark.peakHeapBytes() >> 20,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        loadAtStart, LocalDate.now()));
    return md.toString();
  }

  private static double median(DoubleStream values) {
    return ParserBenchmark.median(values.toArray());
  }

  // ---------------------------------------------------------------- services

  /** The values of every committed record of {@code topic}, read from the beginning. */
  private static List<byte[]> committedValues(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<byte[]> values = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }

  /**
   * Gives every landed patent its embedding, as if an earlier run had enriched it: kNN then
   * searches a filled vector index and finds prior art for every patent, the way a new patent
   * meets an index of enriched ones, rather than an empty index that fills during the run.
   */
  private static void seedEmbeddings(String alias, List<String> keys, Bare bare) throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      body.append(JSON.writeValueAsString(Map.of("update", Map.of("_id", keys.get(i)))))
          .append('\n');
      body.append(JSON.writeValueAsString(Map.of("doc",
          Map.of("embedding", bare.vectors.get(i), "embedding_model", bare.modelId))))
          .append('\n');
    }
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                URI.create(ES + "/" + alias + "/_bulk?refresh=wait_for&filter_path=errors"))
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200 || JSON.readTree(r.body()).path("errors").asBoolean(true)) {
      throw new IllegalStateException("seeding embeddings into " + alias + " failed: "
          + r.statusCode() + " " + r.body());
    }
  }

  /**
   * Waits (30 s at most) until the machine outside this JVM uses less than a fifth of a core over
   * a second: after landing and seeding, Elasticsearch goes on refreshing and merging for a while,
   * and that would be charged to the bare model or to the run, whichever came first.
   */
  private static void awaitQuietServices() throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      double machine0 = machineCpuSeconds();
      long jvm0 = jvmCpuNanos();
      Thread.sleep(1000);
      double others = machineCpuSeconds() - machine0 - (jvmCpuNanos() - jvm0) / 1e9;
      if (machine0 < 0 || others < 0.2) {
        System.err.printf(Locale.ROOT, "bench-enrich: services quiet after %.0f s%n",
            (System.nanoTime() - start) / 1e9);
        return;
      }
    }
    System.err.println("bench-enrich: the machine did not quieten down within 30 s; going on");
  }

  private static long esCount(String alias) throws Exception {
    es("POST", "/" + alias + "/_refresh");
    return JSON.readTree(es("GET", "/" + alias + "/_count")).get("count").asLong();
  }

  private static String es(String method, String path) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ES + path))
            .method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200 && !(method.equals("DELETE") && r.statusCode() == 404)) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private static long count(String pgUrl, String table) throws Exception {
    try (Connection c = DriverManager.getConnection(pgUrl, PG_USER, PG_PASSWORD);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void sql(String url, String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(url, PG_USER, PG_PASSWORD);
        Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }

  /**
   * What the run created, removed in reverse order at the end; each removal on its own, so one
   * failure does not leave the rest behind. Registered before creation: removing what is not
   * there is fine.
   */
  private static final class Cleanup {
    private interface Step {
      void run() throws Exception;
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private final List<String> topics = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();

    void topic(String topic) {
      topics.add(topic);
    }

    void group(String group) {
      groups.add(group);
    }

    /** The alias's first-generation index and its index template (same name as the alias). */
    void index(String alias) {
      steps.push(() -> {
        es("DELETE", "/" + alias + "-v1");
        es("DELETE", "/_index_template/" + alias);
      });
    }

    void schema(String schema) {
      steps.push(() -> sql(PG_URL, "drop schema if exists " + schema + " cascade"));
    }

    void run() {
      while (!steps.isEmpty()) {
        attempt(steps.pop());
      }
      Properties props = new Properties();
      props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
      try (Admin admin = Admin.create(props)) {
        // consumer groups first: a group is only deleted while no member is left, which is so now
        for (String group : groups) {
          attempt(() -> deleteGroup(admin, group));
        }
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<String> ours = topics.stream().filter(existing::contains).toList();
        attempt(() -> admin.deleteTopics(ours).all().get(30, TimeUnit.SECONDS));
      } catch (Exception e) {
        System.err.println("bench-enrich: clean-up of topics " + topics + " failed: " + e);
      }
    }

    private static void deleteGroup(Admin admin, String group) throws Exception {
      try {
        admin.deleteConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException)) {
          throw e;
        }
      }
    }

    private static void attempt(Step step) {
      try {
        step.run();
      } catch (Exception e) {
        System.err.println("bench-enrich: clean-up step failed: " + e);
      }
    }
  }

  // ---------------------------------------------------------------- machine

  /** CPU seconds the Elasticsearch node has used since it started; -1 when it cannot say. */
  private static double esCpuSeconds() {
    try {
      return JSON.readTree(es("GET", "/_nodes/_local/stats/process")).path("nodes").elements()
          .next().path("process").path("cpu").path("total_in_millis").asLong(-1000) / 1000.0;
    } catch (Exception e) {
      return -1;
    }
  }

  /** Milliseconds all garbage collectors of this JVM have spent collecting. */
  private static long gcMillis() {
    long millis = 0;
    for (GarbageCollectorMXBean gc :
        ManagementFactory.getGarbageCollectorMXBeans()) {
      millis += Math.max(0, gc.getCollectionTime());
    }
    return millis;
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** CPU seconds the whole machine spent busy since boot (Linux /proc/stat); -1 elsewhere. */
  private static double machineCpuSeconds() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal ...: busy = user to softirq, less
      // idle and iowait (steal is time the host ran something else)
      long busy = 0;
      for (int i = 1; i < Math.min(f.length, 8); i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(f[i]);
        }
      }
      return busy / 100.0; // USER_HZ, 100 on every Linux build the stack runs on
    } catch (Exception e) {
      return -1;
    }
  }

}
