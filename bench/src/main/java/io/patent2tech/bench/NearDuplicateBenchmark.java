package io.patent2tech.bench;

import io.patent2tech.udfs.links.near.SequenceMatcherRatio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.patent2tech.bench.NearDuplicateCorpus.Edit;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentLink;
import io.patent2tech.udfs.PatentTexts;
import io.patent2tech.udfs.links.near.Jaccard;
import io.patent2tech.udfs.links.near.LshBands;
import io.patent2tech.udfs.links.near.MinHash;
import io.patent2tech.udfs.links.near.NearDuplicateSettings;
import io.patent2tech.udfs.links.near.NearDuplicates;
import io.patent2tech.udfs.links.near.ShingleText;
import io.patent2tech.udfs.links.near.WordShingles;

/**
 * Level 4 (near-duplicates, issue 10 point 6) against the seed's pairwise method, on one set of
 * documents made of real text with planted near-duplicates ({@link NearDuplicateCorpus}).
 *
 * <ul>
 *   <li>Level 4: {@link NearDuplicates#links} as a Flink job on a MiniCluster over the whole set
 *       (collection source, collecting sink, default settings): wall time from submission to the
 *       last link, documents/s, and the largest completed checkpoint as the peak state size
 *       (checkpoints every 2 s, all retained in bench/target).</li>
 *   <li>Seed 000 section 11.5: difflib ratio of the titles and of the abstracts averaged, a pair
 *       when above 0.9, over every pair ({@link SeedSimilarity}): timed on a random sample of
 *       pairs and extrapolated to all n(n-1)/2; its hits among the sample extrapolated the same way,
 *       and every planted pair scored, so its recall is exact.</li>
 * </ul>
 * Truth: the planted pairs, each with its word ratio ({@link SequenceMatcherRatio#wordRatio}: difflib's ratio over the
 * normalized words of title, abstract and claims, the seed's measure over the whole text); precision and recall of both methods against (a) the planted pairs at word ratio >= 0.9
 * and (b) every planted pair but the continuations (a new claim set is not a duplicate). The truth
 * does not depend on the shingles, bands or MinHash: it is what "planted at similarity >= 0.9"
 * means, and level 4's candidate generation has to find those pairs.
 *
 * <p>Usage: {@code NearDuplicateBenchmark FIXTURES_DIR SAMPLE_ZIP OUT_MD WORK_DIR [docs=10000]
 * [planted per edit=150] [seed sample pairs=5000] [parallelism=2]}
 */
public final class NearDuplicateBenchmark {

  private static final double SEED_THRESHOLD = 0.9;

  /** One planted pair: the original, its edited copy, and what both measures say about them. */
  record Planted(String original, String copy, Edit edit, double wordRatio, double jaccard, double seedRatio) {
    String pair() {
      return original.compareTo(copy) < 0 ? original + "|" + copy : copy + "|" + original;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: NearDuplicateBenchmark FIXTURES_DIR SAMPLE_ZIP OUT_MD WORK_DIR "
          + "[docs=10000] [planted per edit=150] [seed sample pairs=5000] [parallelism=2]");
      System.exit(2);
    }
    Path fixtures = Path.of(args[0]);
    Path sampleZip = Path.of(args[1]);
    Path out = Path.of(args[2]);
    Path work = Path.of(args[3]);
    int docs = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
    int perEdit = args.length > 5 ? Integer.parseInt(args[5]) : 150;
    int seedSample = args.length > 6 ? Integer.parseInt(args[6]) : 5_000;
    int parallelism = args.length > 7 ? Integer.parseInt(args[7]) : 2;
    NearDuplicateSettings settings = NearDuplicateSettings.defaults();

    NearDuplicateCorpus corpus = NearDuplicateCorpus.load(fixtures, sampleZip);
    System.err.printf(Locale.ROOT, "bench: text pool: %d real titles, %d sentences, %d words%n",
        corpus.titles.size(), corpus.sentences.size(), corpus.vocabulary.size());
    SplittableRandom random = new SplittableRandom(20261206L);
    int planted = perEdit * Edit.values().length;
    List<Patent> patents = new ArrayList<>();
    for (int i = 0; i < docs - planted; i++) {
      patents.add(corpus.document("US-" + (30_000_000 + i) + "-B1", random));
    }
    List<Planted> pairs = new ArrayList<>();
    int next = 0;
    for (Edit edit : Edit.values()) {
      for (int i = 0; i < perEdit; i++, next++) {
        Patent original = patents.get(next);
        Patent copy = corpus.plant(original, "US-" + (40_000_000 + next) + "-B1", edit, random);
        patents.add(copy);
        pairs.add(new Planted(original.getPublicationKey(), copy.getPublicationKey(), edit,
            wordRatio(original, copy), shingleJaccard(original, copy, settings), seedSimilarity(original, copy)));
      }
    }
    Collections.shuffle(patents, new java.util.Random(7)); // copies come before or after their originals
    System.err.printf(Locale.ROOT, "bench: %d documents, %d planted pairs%n", patents.size(), pairs.size());

    Level4Run level4 = runLevel4(patents, settings, parallelism, work);
    System.err.printf(Locale.ROOT, "bench: level 4: %d links in %.1f s%n", level4.links.size(), level4.wallSeconds);
    SeedRun seed = runSeedSample(patents, seedSample, random);
    System.err.printf(Locale.ROOT, "bench: seed: %d sample pairs in %.1f s%n", seedSample, seed.seconds);

    String table = report(patents.size(), pairs, level4, seed, settings, parallelism);
    Files.writeString(out, table);
    System.out.print(table);
  }

  // ---- level 4 -------------------------------------------------------------------------------

  record Level4Run(Set<String> links, double wallSeconds, double netSeconds, long peakCheckpointBytes,
      int checkpoints, long wordBytes, long candidatePairs) {}

  private static Level4Run runLevel4(List<Patent> patents, NearDuplicateSettings settings, int parallelism,
      Path work) throws Exception {
    Path checkpoints = work.resolve("near-duplicates-checkpoints");
    deleteTree(checkpoints);
    Files.createDirectories(checkpoints);
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    config.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
    config.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 10_000);
    config.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(2));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(parallelism);
    CollectingSink.LINKS.clear();
    NearDuplicates.links(env.fromData(patents, new AvroTypeInfo<>(Patent.class)), settings)
        .sinkTo(new CollectingSink()).name("collect links");
    long start = System.nanoTime();
    JobExecutionResult result = env.execute("near-duplicates benchmark");
    double wall = (System.nanoTime() - start) / 1e9;
    Set<String> links = new HashSet<>();
    for (PatentLink link : CollectingSink.LINKS) {
      if (!links.add(link.getFromKey() + "|" + link.getToKey())) {
        throw new IllegalStateException("link made twice: " + link);
      }
    }
    long peak = 0;
    int count = 0;
    try (Stream<Path> jobs = Files.list(checkpoints)) {
      for (Path jobDir : jobs.toList()) {
        try (Stream<Path> chks = Files.list(jobDir)) {
          for (Path chk : chks.filter(p -> p.getFileName().toString().startsWith("chk-")).toList()) {
            peak = Math.max(peak, size(chk) + size(jobDir.resolve("shared")));
            count++;
          }
        }
      }
    }
    // after the timed run: the state's main part, and how many distinct pairs LSH made candidates
    // (the same signatures and bands as the job, without the bucket cap)
    long wordBytes = 0;
    MinHash minHash = new MinHash(settings.signatureLength());
    Map<Long, List<Integer>> buckets = new java.util.HashMap<>();
    for (int i = 0; i < patents.size(); i++) {
      List<String> words = ShingleText.words(ShingleText.of(patents.get(i)));
      long[] shingles = WordShingles.of(words, settings.shingleSize());
      wordBytes += 4L * words.size();
      for (long bucket : LshBands.buckets(minHash.signature(shingles), settings.bands(), settings.rows(), "en")) {
        buckets.computeIfAbsent(bucket, b -> new ArrayList<>()).add(i);
      }
    }
    Set<Long> candidates = new HashSet<>();
    for (List<Integer> members : buckets.values()) {
      for (int a = 0; a < members.size(); a++) {
        for (int b = a + 1; b < members.size(); b++) {
          candidates.add((long) Math.min(members.get(a), members.get(b)) << 32 | Math.max(members.get(a), members.get(b)));
        }
      }
    }
    return new Level4Run(links, wall, result.getNetRuntime() / 1e3, peak, count, wordBytes, candidates.size());
  }

  /** Keeps the links in this JVM (the MiniCluster runs in it): no collect protocol in the measured run. */
  static final class CollectingSink implements Sink<PatentLink> {
    private static final long serialVersionUID = 1L;
    static final Queue<PatentLink> LINKS = new ConcurrentLinkedQueue<>();

    @Override
    @SuppressWarnings("deprecation")
    public SinkWriter<PatentLink> createWriter(InitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(PatentLink link, Context ctx) {
          LINKS.add(link);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }

  // ---- the seed's pairwise method --------------------------------------------------------------

  record SeedRun(int sampled, int hits, double seconds) {}

  private static SeedRun runSeedSample(List<Patent> patents, int sample, SplittableRandom random) {
    int n = patents.size();
    int hits = 0;
    long start = System.nanoTime();
    for (int s = 0; s < sample; s++) {
      int i = random.nextInt(n);
      int j = random.nextInt(n - 1);
      if (j >= i) {
        j++;
      }
      if (seedSimilarity(patents.get(i), patents.get(j)) > SEED_THRESHOLD) {
        hits++;
      }
    }
    return new SeedRun(sample, hits, (System.nanoTime() - start) / 1e9);
  }

  static double seedSimilarity(Patent a, Patent b) {
    return SeedSimilarity.seedSimilarity(PatentTexts.title(a).orElse(""), PatentTexts.abstractText(a).orElse(""),
        PatentTexts.title(b).orElse(""), PatentTexts.abstractText(b).orElse(""));
  }

  /** The truth: the word ratio, original (the lower key, as level 4 orders a pair) first. */
  static double wordRatio(Patent original, Patent copy) {
    return SequenceMatcherRatio.wordRatio(WordShingles.tokens(ShingleText.words(ShingleText.of(original))),
        WordShingles.tokens(ShingleText.words(ShingleText.of(copy))));
  }

  /** Where the pair sits on the S-curve: the Jaccard of its shingle sets, which MinHash estimates. */
  static double shingleJaccard(Patent a, Patent b, NearDuplicateSettings settings) {
    int k = settings.shingleSize();
    return Jaccard.similarity(WordShingles.of(ShingleText.words(ShingleText.of(a)), k),
        WordShingles.of(ShingleText.words(ShingleText.of(b)), k));
  }

  // ---- the table -------------------------------------------------------------------------------

  /** Precision and recall of one method against one truth over the planted pairs. */
  record Score(double precision, double recall) {
    static Score of(List<Planted> pairs, java.util.function.Predicate<Planted> truth,
        java.util.function.Predicate<Planted> found, double foundUnplanted) {
      long trueCount = pairs.stream().filter(truth).count();
      long truePositives = pairs.stream().filter(truth.and(found)).count();
      // a found pair outside the truth is a false positive: planted below it, or never planted
      double foundCount = pairs.stream().filter(found).count() + foundUnplanted;
      return new Score(foundCount == 0 ? 0 : truePositives / foundCount,
          trueCount == 0 ? 0 : (double) truePositives / trueCount);
    }
  }

  private static String report(int docs, List<Planted> pairs, Level4Run level4, SeedRun seed,
      NearDuplicateSettings settings, int parallelism) {
    double allPairs = docs * (docs - 1.0) / 2;
    Set<String> plantedPairs = new HashSet<>();
    pairs.forEach(p -> plantedPairs.add(p.pair()));
    long level4Unplanted = level4.links.stream().filter(l -> !plantedPairs.contains(l)).count();
    double seedRandomHits = seed.sampled == 0 ? 0 : (double) seed.hits / seed.sampled * (allPairs - pairs.size());
    long seedPlantedHits = pairs.stream().filter(p -> p.seedRatio > SEED_THRESHOLD).count();
    double seedPredicted = seedPlantedHits + seedRandomHits;
    double seedSeconds = seed.seconds / seed.sampled * allPairs;

    double threshold = settings.threshold();
    java.util.function.Predicate<Planted> atThreshold = p -> p.wordRatio >= threshold;
    java.util.function.Predicate<Planted> notContinuation = p -> p.edit != Edit.NEW_CLAIMS;
    java.util.function.Predicate<Planted> bySeed = p -> p.seedRatio > SEED_THRESHOLD;
    java.util.function.Predicate<Planted> byLevel4 = p -> level4.links.contains(p.pair());
    Score seedA = Score.of(pairs, atThreshold, bySeed, seedRandomHits);
    Score seedB = Score.of(pairs, notContinuation, bySeed, seedRandomHits);
    Score level4A = Score.of(pairs, atThreshold, byLevel4, level4Unplanted);
    Score level4B = Score.of(pairs, notContinuation, byLevel4, level4Unplanted);
    long truthA = pairs.stream().filter(atThreshold).count();
    long truthB = pairs.stream().filter(notContinuation).count();

    StringBuilder t = new StringBuilder();
    t.append(String.format(Locale.ROOT, """
        Measured %s on %d documents of recombined real text (%d planted pairs), parallelism %d, load \
        average before the run %s. Level 4 with the default settings (%d-word shingles, %d x %d \
        bands, word ratio threshold %.2f, bucket cap %d). Truth (a): the %d planted pairs whose word \
        ratio (difflib's ratio over the normalized words of title, abstract and claims) is at least \
        %.2f; truth (b): the %d planted pairs that are not continuations with a new claim set.

        | method | pairs compared | time | docs/s | pairs found | precision (a) | recall (a) | precision (b) | recall (b) |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|
        | seed: difflib ratio of title and abstract averaged > 0.9, all pairs | %,.0f (%,d sampled) | %,.0f s extrapolated (%.2f ms per pair) | %.1f | %,.0f (%d planted + %,.0f extrapolated from %d of the sample) | %.3f | %.3f | %.3f | %.3f |
        | level 4: MinHash/LSH + word ratio, Flink job | %,d candidate pairs verified | %.1f s wall (%.1f s job runtime) | %,.0f | %,d (%d not planted) | %.3f | %.3f | %.3f | %.3f |

        Level 4 peak state: %.1f MB (largest of %d completed checkpoints, heap backend, full snapshots); \
        the word sequences alone are %.1f MB (4 bytes per word).

        Per edit level (word ratio: the truth's measure; shingle Jaccard: what MinHash estimates, the \
        x axis of the S-curve; seed: its own score):

        | planted copy | pairs | word ratio min / median | word ratio >= %.2f | %d-word shingle Jaccard min / median | seed score median | found by seed (> 0.9) | found by level 4 |
        |---|---:|---:|---:|---:|---:|---:|---:|
        """, LocalDate.now(), docs, pairs.size(), parallelism, loadAverage(),
        settings.shingleSize(), settings.bands(), settings.rows(), threshold, settings.bucketCap(),
        truthA, threshold, truthB,
        allPairs, seed.sampled, seedSeconds, seed.seconds / seed.sampled * 1e3, docs / seedSeconds,
        seedPredicted, seedPlantedHits, seedRandomHits, seed.hits,
        seedA.precision, seedA.recall, seedB.precision, seedB.recall,
        level4.candidatePairs, level4.wallSeconds, level4.netSeconds, docs / level4.wallSeconds,
        level4.links.size(), level4Unplanted,
        level4A.precision, level4A.recall, level4B.precision, level4B.recall,
        level4.peakCheckpointBytes / 1e6, level4.checkpoints, level4.wordBytes / 1e6,
        threshold, settings.shingleSize()));
    Map<Edit, List<Planted>> byEdit = new EnumMap<>(Edit.class);
    for (Planted p : pairs) {
      byEdit.computeIfAbsent(p.edit, e -> new ArrayList<>()).add(p);
    }
    for (Map.Entry<Edit, List<Planted>> e : byEdit.entrySet()) {
      List<Planted> ps = e.getValue();
      double[] ratio = ps.stream().mapToDouble(Planted::wordRatio).sorted().toArray();
      double[] jaccard = ps.stream().mapToDouble(Planted::jaccard).sorted().toArray();
      double[] seedScore = ps.stream().mapToDouble(Planted::seedRatio).sorted().toArray();
      long atOrAbove = ps.stream().filter(atThreshold).count();
      long seedFound = ps.stream().filter(bySeed).count();
      long level4Found = ps.stream().filter(byLevel4).count();
      t.append(String.format(Locale.ROOT, "| %s | %d | %.3f / %.3f | %.1f%% | %.3f / %.3f | %.3f | %.1f%% | %.1f%% |%n",
          e.getKey().label, ps.size(), ratio[0], ratio[ratio.length / 2], 100.0 * atOrAbove / ps.size(),
          jaccard[0], jaccard[jaccard.length / 2], seedScore[seedScore.length / 2],
          100.0 * seedFound / ps.size(), 100.0 * level4Found / ps.size()));
    }
    return t.toString();
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long size(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
