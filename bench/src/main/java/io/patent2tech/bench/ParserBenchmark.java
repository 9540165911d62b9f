package io.patent2tech.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.patent2tech.connectors.uspto.RawDocument;
import io.patent2tech.connectors.uspto.UsptoBulkFileReader;
import io.patent2tech.connectors.uspto.UsptoDocumentSplitter;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.UsptoDocumentProcessor;
import io.patent2tech.udfs.uspto.UsptoXmlParser;

/**
 * Parser throughput, single thread, on a weekly-size file built by concatenating the real ICE
 * fixture documents:
 * <ol>
 *   <li>a bare StAX event scan (every event pulled, nothing built) of the documents, already split
 *       and in memory - the floor any StAX-based parser sits on;</li>
 *   <li>the project's chain from the file on disk: split -> parse -> normalize -> validate (what
 *       the ingest job does per document before dedupe).</li>
 * </ol>
 * The target is (ii) >= 0.4 x (i) in MB/s. Next to them, (iii) the same chain over a weekly APS
 * Green Book file ({@code pftaps*.txt}: a header line, then the APS fixture patents repeated to the
 * same size), for the 1976-2001 format's docs/s; it has no StAX floor to compare with. Results are
 * written as a Markdown table.
 *
 * <p>Usage: {@code ParserBenchmark FIXTURES_DIR WORK_DIR OUT_MD [minMegabytes] [minDocuments] [runs]}
 */
public final class ParserBenchmark {

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: ParserBenchmark FIXTURES_DIR WORK_DIR OUT_MD [minMegabytes=100] [minDocuments=500] [runs=5]");
      System.exit(2);
    }
    Path fixtures = Path.of(args[0]);
    Path work = Path.of(args[1]);
    Path out = Path.of(args[2]);
    long minBytes = (args.length > 3 ? Long.parseLong(args[3]) : 100) << 20;
    int minDocs = args.length > 4 ? Integer.parseInt(args[4]) : 500;
    int runs = args.length > 5 ? Integer.parseInt(args[5]) : 5;

    Files.createDirectories(work);
    Path weekly = work.resolve("ipg-bench.xml");
    long[] built = buildWeeklyFile(iceDocuments(fixtures), weekly, minBytes, minDocs);
    long docs = built[0];
    long bytes = built[1];
    System.err.printf(Locale.ROOT, "bench: %s: %d documents, %.1f MB%n", weekly, docs, bytes / 1e6);

    boolean chainOnly = Boolean.getBoolean("bench.chainOnly");
    Path apsWeekly = work.resolve("pftaps-bench.txt");
    long[] apsBuilt = chainOnly ? new long[2]
        : buildWeeklyFile(apsDocuments(fixtures), apsWeekly, APS_FILE_HEADER, minBytes, minDocs);
    if (!chainOnly) {
      System.err.printf(Locale.ROOT, "bench: %s: %d documents, %.1f MB%n", apsWeekly, apsBuilt[0], apsBuilt[1] / 1e6);
    }
    List<byte[]> split = chainOnly ? List.of() : splitInMemory(weekly);
    XMLInputFactory factory = UsptoXmlParser.newInputFactory();

    double[] scanSeconds = new double[runs];
    double[] chainSeconds = new double[runs];
    double[] apsSeconds = new double[runs];
    // one warm-up of each, then alternate so all see the same machine state
    if (!chainOnly) {
      bareScan(factory, split);
      chain(apsWeekly);
    }
    chain(weekly);
    for (int i = 0; i < runs; i++) {
      if (!chainOnly) {
        long t0 = System.nanoTime();
        long events = bareScan(factory, split);
        scanSeconds[i] = (System.nanoTime() - t0) / 1e9;
        System.err.printf(Locale.ROOT, "bench: run %d: bare StAX scan %.2f s (%d events)%n", i + 1, scanSeconds[i], events);
      }
      long t0 = System.nanoTime();
      long parsed = chain(weekly);
      chainSeconds[i] = (System.nanoTime() - t0) / 1e9;
      System.err.printf(Locale.ROOT, "bench: run %d: split+parse+normalize %.2f s (%d documents)%n", i + 1, chainSeconds[i], parsed);
      if (parsed != docs) {
        throw new IllegalStateException("the chain produced " + parsed + " records for " + docs + " documents");
      }
      if (!chainOnly) {
        t0 = System.nanoTime();
        long aps = chain(apsWeekly);
        apsSeconds[i] = (System.nanoTime() - t0) / 1e9;
        System.err.printf(Locale.ROOT, "bench: run %d: APS split+parse+normalize %.2f s (%d documents)%n", i + 1,
            apsSeconds[i], aps);
        if (aps != apsBuilt[0]) {
          throw new IllegalStateException("the chain produced " + aps + " records for " + apsBuilt[0] + " APS documents");
        }
      }
    }
    long peakHeap = peakHeapBytes();
    long maxHeap = Runtime.getRuntime().maxMemory();

    double scan = median(scanSeconds);
    double chain = median(chainSeconds);
    StringBuilder md = new StringBuilder();
    md.append("| measurement | docs/s | MB/s |\n|---|---:|---:|\n");
    if (!chainOnly) {
      md.append(row("(i) bare StAX event scan (pre-split, in memory)", docs, bytes, scan));
    }
    md.append(row("(ii) split + parse + normalize + validate (from file)", docs, bytes, chain));
    if (!chainOnly) {
      md.append(String.format(Locale.ROOT, "| **ratio (ii) / (i)** | | **%.2f** (target >= 0.40) |%n", scan / chain));
      md.append(row("(iii) APS Green Book text (1976-2001): split + parse + normalize + validate (from file)",
          apsBuilt[0], apsBuilt[1], median(apsSeconds)));
    }
    md.append(String.format(Locale.ROOT,
        "%nInput: %d documents, %.1f MB (uncompressed), built from %s. Median of %d runs after one warm-up, "
            + "single thread. JVM max heap %d MB, peak heap used %d MB. Java %s, %d cores, %s.%n",
        docs, bytes / 1e6, "the ICE fixtures", runs, maxHeap >> 20, peakHeap >> 20,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), LocalDate.now()));
    if (!chainOnly) {
      md.append(String.format(Locale.ROOT,
          "(iii): %d patents, %.1f MB, one weekly pftaps file built from the %s (a header line, then their PATN"
              + " records repeated).%n",
          apsBuilt[0], apsBuilt[1] / 1e6, "APS fixtures of uspto/legacy"));
    }
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    System.out.print(md);
  }

  private static String row(String what, long docs, long bytes, double seconds) {
    return String.format(Locale.ROOT, "| %s | %.0f | %.1f |%n", what, docs / seconds, bytes / 1e6 / seconds);
  }

  /** The ICE documents among the fixtures: grants, and the v4.x applications. */
  static List<byte[]> iceDocuments(Path fixtures) throws IOException {
    List<byte[]> docs = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    try (var s = Files.list(fixtures.resolve("uspto/grant"))) {
      s.sorted().forEach(files::add);
    }
    try (var s = Files.list(fixtures.resolve("uspto/application"))) {
      s.filter(p -> p.getFileName().toString().startsWith("ipa")
          || p.getFileName().toString().equals("US20050004437A1.xml")).sorted().forEach(files::add);
    }
    for (Path f : files) {
      docs.add(endingInNewline(Files.readAllBytes(f)));
    }
    return docs;
  }

  private static byte[] endingInNewline(byte[] b) {
    if (b[b.length - 1] == '\n') {
      return b;
    }
    byte[] terminated = Arrays.copyOf(b, b.length + 1);
    terminated[b.length] = '\n';
    return terminated;
  }

  /** The header line a weekly pftaps file starts with (APS Green Book). */
  static final byte[] APS_FILE_HEADER = "HHHHHT  APS1    ISSUE  971223\r\n".getBytes(StandardCharsets.US_ASCII);

  /** The APS Green Book patents among the fixtures (uspto/legacy files that start with a PATN record). */
  static List<byte[]> apsDocuments(Path fixtures) throws IOException {
    List<byte[]> docs = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    try (var s = Files.list(fixtures.resolve("uspto/legacy"))) {
      s.sorted().forEach(files::add);
    }
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      if (b.length > 4 && b[0] == 'P' && b[1] == 'A' && b[2] == 'T' && b[3] == 'N') {
        docs.add(endingInNewline(b));
      }
    }
    if (docs.isEmpty()) {
      throw new IllegalStateException("no APS documents in " + fixtures.resolve("uspto/legacy"));
    }
    return docs;
  }

  /** @return {documents, bytes} */
  static long[] buildWeeklyFile(List<byte[]> seeds, Path file, long minBytes, int minDocs) throws IOException {
    return buildWeeklyFile(seeds, file, new byte[0], minBytes, minDocs);
  }

  /** @return {documents, bytes}; bytes count the header too */
  static long[] buildWeeklyFile(List<byte[]> seeds, Path file, byte[] header, long minBytes, int minDocs)
      throws IOException {
    long bytes = header.length;
    long docs = 0;
    try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      os.write(header);
      while (bytes < minBytes || docs < minDocs) {
        byte[] d = seeds.get((int) (docs % seeds.size()));
        os.write(d);
        bytes += d.length;
        docs++;
      }
    }
    return new long[] {docs, bytes};
  }

  static List<byte[]> splitInMemory(Path file) throws IOException {
    List<byte[]> docs = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        UsptoBulkFileReader reader = new UsptoBulkFileReader(in, file.toString(),
            UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES)) {
      RawDocument d;
      while ((d = reader.next()) != null) {
        docs.add(d.bytes);
      }
    }
    return docs;
  }

  static long bareScan(XMLInputFactory factory, List<byte[]> docs) throws XMLStreamException {
    long events = 0;
    for (byte[] doc : docs) {
      XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(doc));
      while (r.hasNext()) {
        r.next();
        events++;
      }
      r.close();
    }
    return events;
  }

  static long chain(Path file) throws IOException, DocumentRejectedException {
    UsptoDocumentProcessor processor = new UsptoDocumentProcessor();
    long n = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        UsptoBulkFileReader reader = new UsptoBulkFileReader(in, file.toString(),
            UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES)) {
      RawDocument d;
      long now = System.currentTimeMillis();
      while ((d = reader.next()) != null) {
        processor.process(d.bytes, d.toSource(), now);
        n++;
      }
    }
    return n;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }

  /** Peak heap used since the JVM started, over all heap pools. */
  static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
