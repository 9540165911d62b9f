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
 * The target is (ii) >= 0.45 x (i) in MB/s (what the one-class parser reached before the section
 * readers). Next to them, the same chain over weekly files of the
 * older formats, each built from that format's fixtures repeated to the same size: (iii) APS Green
 * Book text ({@code pftaps*.txt}: a header line, then the APS patents; 1976-2001, no StAX floor to
 * compare with), (iv) PAP v1.5 XML ({@code pa*.xml}, pre-grant publications 2001-2004) and (v) ST.32
 * "pg" XML ({@code pg*.xml}, grants 2001-2004), for their docs/s. All measurements alternate within
 * one run, so they see the same machine state. Results are written as a Markdown table.
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
    List<Weekly> older = new ArrayList<>();
    if (!chainOnly) {
      List<Path> aps = apsFiles(fixtures);
      List<Path> pap = xmlFilesWithRoot(fixtures, PAP_ROOT);
      List<Path> st32 = xmlFilesWithRoot(fixtures, ST32_ROOT);
      older.add(Weekly.build("(iii) APS Green Book text (1976-2001)", "patents", aps, APS_FILE_HEADER,
          "one weekly pftaps file built from the APS fixtures of uspto/legacy (a header line, then their PATN"
              + " records repeated)", work.resolve("pftaps-bench.txt"), minBytes, minDocs, runs));
      older.add(Weekly.build("(iv) PAP v1.5 XML (pre-grant publications 2001-2004)", "publications", pap, new byte[0],
          "one weekly pa file built from the PAP fixtures " + names(pap) + " (concatenated as in the weekly files)",
          work.resolve("pa-bench.xml"), minBytes, minDocs, runs));
      older.add(Weekly.build("(v) ST.32 pg XML (grants 2001-2004)", "grants", st32, new byte[0],
          "one weekly pg file built from the ST.32 fixtures " + names(st32) + " (concatenated)",
          work.resolve("pg-bench.xml"), minBytes, minDocs, runs));
      for (Weekly w : older) {
        System.err.printf(Locale.ROOT, "bench: %s: %d documents, %.1f MB%n", w.file, w.docs, w.bytes / 1e6);
      }
    }
    List<byte[]> split = chainOnly ? List.of() : splitInMemory(weekly);
    XMLInputFactory factory = UsptoXmlParser.newInputFactory();

    double[] scanSeconds = new double[runs];
    double[] chainSeconds = new double[runs];
    // one warm-up of each, then alternate so all see the same machine state
    if (!chainOnly) {
      bareScan(factory, split);
    }
    for (Weekly w : older) {
      w.measure(-1);
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
      for (Weekly w : older) {
        w.measure(i);
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
      md.append(String.format(Locale.ROOT, "| **ratio (ii) / (i)** | | **%.2f** (target >= 0.45) |%n", scan / chain));
    }
    for (Weekly w : older) {
      md.append(row(w.label + ": split + parse + normalize + validate (from file)", w.docs, w.bytes,
          median(w.seconds)));
    }
    md.append(String.format(Locale.ROOT,
        "%nInput: %d documents, %.1f MB (uncompressed), built from %s. Median of %d runs after one warm-up, "
            + "single thread. JVM max heap %d MB, peak heap used %d MB. Java %s, %d cores, %s.%n",
        docs, bytes / 1e6, "the ICE fixtures", runs, maxHeap >> 20, peakHeap >> 20,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), LocalDate.now()));
    for (Weekly w : older) {
      md.append(String.format(Locale.ROOT, "%s: %d %s, %.1f MB, %s.%n",
          w.label.substring(0, w.label.indexOf(')') + 1), w.docs, w.unit, w.bytes / 1e6, w.origin));
    }
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    System.out.print(md);
  }

  private static String row(String what, long docs, long bytes, double seconds) {
    return String.format(Locale.ROOT, "| %s | %.0f | %.1f |%n", what, docs / seconds, bytes / 1e6 / seconds);
  }

  /** The ICE documents among the fixtures: grants, and the v4.x applications. */
  static List<byte[]> iceDocuments(Path fixtures) throws IOException {
    List<Path> files = new ArrayList<>(list(fixtures.resolve("uspto/grant")));
    for (Path p : list(fixtures.resolve("uspto/application"))) {
      if (p.getFileName().toString().startsWith("ipa") || p.getFileName().toString().equals("US20050004437A1.xml")) {
        files.add(p);
      }
    }
    return read(files);
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

  /** Root element of PAP v1.5 publications. */
  static final String PAP_ROOT = "patent-application-publication";

  /** Root element of ST.32 "pg" grants. */
  static final String ST32_ROOT = "PATDOC";

  /** The APS Green Book patents among the fixtures (uspto/legacy files that start with a PATN record). */
  static List<Path> apsFiles(Path fixtures) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path f : list(fixtures.resolve("uspto/legacy"))) {
      byte[] b = Files.readAllBytes(f);
      if (b.length > 4 && b[0] == 'P' && b[1] == 'A' && b[2] == 'T' && b[3] == 'N') {
        files.add(f);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no APS documents in " + fixtures.resolve("uspto/legacy"));
    }
    return files;
  }

  /**
   * The XML fixtures of uspto/application and uspto/legacy whose root element is {@code root}
   * ({@link #PAP_ROOT}, {@link #ST32_ROOT}), in file name order.
   */
  static List<Path> xmlFilesWithRoot(Path fixtures, String root) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("uspto/application", "uspto/legacy")) {
      for (Path f : list(fixtures.resolve(dir))) {
        if (f.getFileName().toString().endsWith(".xml") && hasRoot(Files.readAllBytes(f), root)) {
          files.add(f);
        }
      }
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no " + root + " documents in " + fixtures.resolve("uspto"));
    }
    return files;
  }

  /** Whether the document has a start tag {@code <root>} or {@code <root ...>} (not the DOCTYPE's name). */
  static boolean hasRoot(byte[] doc, String root) {
    String text = new String(doc, StandardCharsets.ISO_8859_1); // byte for byte: the names are ASCII
    String tag = "<" + root;
    for (int at = text.indexOf(tag); at >= 0; at = text.indexOf(tag, at + 1)) {
      int after = at + tag.length();
      if (after < text.length() && (text.charAt(after) == '>' || Character.isWhitespace(text.charAt(after)))) {
        return true;
      }
    }
    return false;
  }

  private static List<Path> list(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  static List<byte[]> read(List<Path> files) throws IOException {
    List<byte[]> docs = new ArrayList<>();
    for (Path f : files) {
      docs.add(endingInNewline(Files.readAllBytes(f)));
    }
    return docs;
  }

  private static String names(List<Path> files) {
    StringBuilder sb = new StringBuilder();
    for (Path f : files) {
      String n = f.getFileName().toString();
      sb.append(sb.length() == 0 ? "" : ", ").append(n, 0, n.lastIndexOf('.'));
    }
    return sb.toString();
  }

  /** A weekly file of one of the older formats and the chain's seconds on it, per run. */
  static final class Weekly {
    final String label;
    final String unit;
    final String origin;
    final Path file;
    final long docs;
    final long bytes;
    final double[] seconds;

    private Weekly(String label, String unit, String origin, Path file, long[] built, int runs) {
      this.label = label;
      this.unit = unit;
      this.origin = origin;
      this.file = file;
      this.docs = built[0];
      this.bytes = built[1];
      this.seconds = new double[runs];
    }

    static Weekly build(String label, String unit, List<Path> seeds, byte[] header, String origin, Path file,
                        long minBytes, int minDocs, int runs) throws IOException {
      return new Weekly(label, unit, origin, file, buildWeeklyFile(read(seeds), file, header, minBytes, minDocs),
          runs);
    }

    /** One pass of the chain over the file; {@code run} -1 is the warm-up, not recorded. */
    void measure(int run) throws IOException, DocumentRejectedException {
      long t0 = System.nanoTime();
      long n = chain(file);
      double s = (System.nanoTime() - t0) / 1e9;
      if (n != docs) {
        throw new IllegalStateException("the chain produced " + n + " records for " + docs + " documents of " + file);
      }
      if (run >= 0) {
        seconds[run] = s;
        System.err.printf(Locale.ROOT, "bench: run %d: %s split+parse+normalize %.2f s (%d documents)%n", run + 1,
            label, s, n);
      }
    }
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
