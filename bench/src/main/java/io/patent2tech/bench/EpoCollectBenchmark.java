package io.patent2tech.bench;

import io.patent2tech.connectors.collect.CollectWindow;
import io.patent2tech.connectors.collect.CollectionFailedException;
import io.patent2tech.connectors.collect.FetchedDocument;
import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.connectors.collect.RunStats;
import io.patent2tech.connectors.collect.http.CredentialSource;
import io.patent2tech.connectors.epo.EpoOpsCollector;
import io.patent2tech.connectors.epo.ops.OpsCredentials;
import io.patent2tech.connectors.epo.ops.OpsSettings;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.UsptoDocumentProcessor;
import io.patent2tech.udfs.epo.EpoOpsDocumentProcessor;
import io.patent2tech.udfs.kipris.KiprisDocumentProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * EPO collection against an enforcing OPS stand-in, and EPO/KIPRIS parse throughput next to USPTO
 * (issue point 10).
 *
 * <p>Collect: the real {@link EpoOpsCollector} (real clock, its own throttle) against a {@link
 * ThrottledOpsServer} on loopback that announces per-minute allowances and answers 403 to any
 * request over them. Two phases of {@code seconds / 2} each, a fresh server and collector each:
 * (A) biblio only ({@code fetchFulltext=false}): search pages of 100 documents, bound by the search
 * allowance; (B) production settings (biblio + claims + description of every EP document): bound
 * by the retrieval allowance (two requests per document against one search page per 100). Per
 * service: requests admitted, rate per minute over the phase, the announced allowance, their
 * ratio, 403 rejections, and the tightest span of allowance+1 consecutive requests (>= 60 s, or
 * the server rejects).
 *
 * <p>Parse: single thread, {@link EpoOpsDocumentProcessor} (biblio + claims + description of the
 * captured EP documents), {@link KiprisDocumentProcessor} (the synthetic detail response) and
 * {@link UsptoDocumentProcessor} (the ICE fixtures), one warm-up, then rounds alternating the
 * three, medians.
 *
 * <p>Usage: {@code EpoCollectBenchmark FIXTURES_DIR OUT_MD [seconds=180] [search=yellow:60]
 * [retrieval=green:120] [parseRounds=5]}
 */
public final class EpoCollectBenchmark {

  private static final int DOCS_PER_DAY = 2000;
  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

  record ServiceRow(String phase, String service, int admitted, double seconds, String colour, int allowance,
      int rejected, long tightestSpanNanos) {}

  record PhaseResult(String name, double seconds, long documents, RunStats stats, int tokens, String failure) {}

  record ParseRow(String what, int docs, long bytes, double seconds) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: EpoCollectBenchmark FIXTURES_DIR OUT_MD [seconds=180] [search=yellow:60] "
          + "[retrieval=green:120] [parseRounds=5]");
      System.exit(2);
    }
    Path fixtures = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 180;
    String searchSpec = args.length > 3 ? args[3] : "yellow:60";
    String retrievalSpec = args.length > 4 ? args[4] : "green:120";
    int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 5;

    Path epo = fixtures.resolve("epo-ops");
    byte[] biblio = Files.readAllBytes(epo.resolve("patent-dev/get_biblio_response.xml"));
    byte[] claims = Files.readAllBytes(epo.resolve("patent-dev/get_claims_response.xml"));
    byte[] description = Files.readAllBytes(epo.resolve("patent-dev/get_description_response.xml"));

    List<ServiceRow> rows = new ArrayList<>();
    List<PhaseResult> phases = new ArrayList<>();
    double phaseSeconds = seconds / 2.0;
    for (boolean fulltext : new boolean[] {false, true}) {
      String name = fulltext ? "(B) biblio + claims + description" : "(A) biblio only";
      try (ThrottledOpsServer server = new ThrottledOpsServer(biblio, claims, description, DOCS_PER_DAY, FIRST_DAY,
          searchSpec, retrievalSpec)) {
        PhaseResult r = collect(name, server, fulltext, phaseSeconds);
        phases.add(r);
        for (ThrottledOpsServer.Meter m : List.of(server.search, server.retrieval)) {
          rows.add(new ServiceRow(name, m.name, m.admittedCount(), r.seconds(), m.colour, m.allowance,
              m.rejectedCount(), m.tightestSpan()));
        }
      }
    }

    List<ParseRow> parse = parse(fixtures, rounds);

    String md = markdown(rows, phases, parse, seconds, searchSpec, retrievalSpec, rounds);
    Files.writeString(out, md, StandardCharsets.UTF_8);
    System.out.print(md);
  }

  static PhaseResult collect(String name, ThrottledOpsServer server, boolean fulltext, double seconds)
      throws Exception {
    OpsSettings settings = OpsSettings.defaults().baseUrl(server.baseUrl()).fetchFulltext(fulltext);
    OpsCredentials credentials = OpsCredentials.of(CredentialSource.value("bench-key"),
        CredentialSource.value("bench-secret"));
    // enough days that the window outlasts the phase at the bound service's allowance (A: 100
    // documents a search request; B: two retrieval requests a document), no more: each extra day
    // costs the planner's count requests
    double perMinute = fulltext ? server.retrieval.allowance / 2.0 : server.search.allowance * 100.0;
    long needed = (long) Math.ceil(perMinute * seconds / 60.0 * 1.2);
    int days = (int) Math.max(1, (needed + DOCS_PER_DAY - 1) / DOCS_PER_DAY);
    CollectWindow window = new CollectWindow("EPO", FIRST_DAY, FIRST_DAY.plusDays(days - 1), null);
    System.err.printf(Locale.ROOT, "bench-collect: %s: window %s (%d documents), %.0f s%n", name, window.id(),
        (long) days * DOCS_PER_DAY, seconds);
    long documents = 0;
    String failure = null;
    RunStats stats;
    long t0 = System.nanoTime();
    double elapsed;
    try (EpoOpsCollector collector = new EpoOpsCollector(settings, credentials);
        OfficeCollector.Cursor cursor = collector.open(window, 0)) {
      try {
        while (true) {
          FetchedDocument d = cursor.next();
          if (d == null) {
            failure = "the window ran out of documents";
            break;
          }
          if (d.error != null) {
            throw new IllegalStateException("document with an error: " + d);
          }
          documents++;
          if ((System.nanoTime() - t0) / 1e9 >= seconds) {
            break;
          }
        }
      } catch (CollectionFailedException e) {
        failure = e.getMessage();
      }
      elapsed = (System.nanoTime() - t0) / 1e9;
      stats = cursor.stats();
    }
    System.err.printf(Locale.ROOT, "bench-collect: %s: %d documents in %.1f s; %s%s%n", name, documents, elapsed,
        stats, failure == null ? "" : "; " + failure);
    return new PhaseResult(name, elapsed, documents, stats, server.tokensIssued(), failure);
  }

  /** One office's documents as the processor takes them. */
  interface Parser {
    void parseAll() throws Exception;
  }

  static List<ParseRow> parse(Path fixtures, int rounds) throws Exception {
    long now = System.currentTimeMillis();
    Path epo = fixtures.resolve("epo-ops");
    // the captured EP publications with biblio, claims and description
    byte[][][] epoDocs = {
      {Files.readAllBytes(epo.resolve("patent-dev/get_biblio_response.xml")),
        Files.readAllBytes(epo.resolve("patent-dev/get_claims_response.xml")),
        Files.readAllBytes(epo.resolve("patent-dev/get_description_response.xml"))},
      {Files.readAllBytes(epo.resolve("published/test/full_cycle_example.xml")),
        Files.readAllBytes(epo.resolve("published/test/claims_example.xml")),
        Files.readAllBytes(epo.resolve("published/test/description_example.xml"))},
    };
    byte[] kipris = Files.readAllBytes(fixtures.resolve("kipris/synthetic/detail_1020190012345.xml"));
    List<byte[]> uspto = ParserBenchmark.iceDocuments(fixtures);
    Source epoSource = source("EPO", "epo-ops:bench");
    Source kiprisSource = source("KIPO", "kipris:detail_1020190012345.xml");
    Source usptoSource = source("USPTO", "ice-fixtures");
    EpoOpsDocumentProcessor epoProcessor = new EpoOpsDocumentProcessor();
    KiprisDocumentProcessor kiprisProcessor = new KiprisDocumentProcessor();
    UsptoDocumentProcessor usptoProcessor = new UsptoDocumentProcessor();

    String[] names = {
      "EPO: `EpoOpsDocumentProcessor`, biblio + claims + description (" + epoDocs.length + " captured EP documents)",
      "KIPRIS: `KiprisDocumentProcessor`, bibliography detail response (synthetic fixture)",
      "USPTO: `UsptoDocumentProcessor`, ICE XML (" + uspto.size() + " fixture documents)",
    };
    long[] bytesPer = {0, kipris.length, 0};
    for (byte[][] d : epoDocs) {
      bytesPer[0] += d[0].length + d[1].length + d[2].length;
    }
    for (byte[] d : uspto) {
      bytesPer[2] += d.length;
    }
    int[] docsPer = {epoDocs.length, 1, uspto.size()};
    Parser[] parsers = {
      () -> {
        for (byte[][] d : epoDocs) {
          epoProcessor.process(d[0], 0, d[1], d[2], epoSource, now);
        }
      },
      () -> kiprisProcessor.process(kipris, kiprisSource, now),
      () -> {
        for (byte[] d : uspto) {
          usptoProcessor.process(d, usptoSource, now);
        }
      },
    };
    // warm-up, 3 s each, also sizes the rounds to about 2 s per office
    int[] reps = new int[parsers.length];
    for (int i = 0; i < parsers.length; i++) {
      long t0 = System.nanoTime();
      int n = 0;
      while (System.nanoTime() - t0 < 3_000_000_000L) {
        parsers[i].parseAll();
        n++;
      }
      reps[i] = Math.max(1, (int) (n * 2.0 / ((System.nanoTime() - t0) / 1e9)));
    }
    double[][] secs = new double[parsers.length][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < parsers.length; k++) {
        int i = (k + r) % parsers.length; // rotate the order
        long t0 = System.nanoTime();
        for (int j = 0; j < reps[i]; j++) {
          parsers[i].parseAll();
        }
        secs[i][r] = (System.nanoTime() - t0) / 1e9;
      }
      System.err.printf(Locale.ROOT, "bench-collect: parse round %d: EPO %.2f s, KIPRIS %.2f s, USPTO %.2f s%n",
          r + 1, secs[0][r], secs[1][r], secs[2][r]);
    }
    List<ParseRow> rows = new ArrayList<>();
    for (int i = 0; i < parsers.length; i++) {
      rows.add(new ParseRow(names[i], docsPer[i] * reps[i], bytesPer[i] * reps[i], ParserBenchmark.median(secs[i])));
    }
    return rows;
  }

  private static Source source(String office, String file) {
    FetchedDocument d = new FetchedDocument();
    d.office = office;
    d.file = file;
    return d.toSource();
  }

  static String markdown(List<ServiceRow> rows, List<PhaseResult> phases, List<ParseRow> parse, int seconds,
      String searchSpec, String retrievalSpec, int rounds) {
    StringBuilder md = new StringBuilder();
    md.append("| phase | service | requests | rate / min | announced / min | ratio | 403 rejections "
        + "| tightest span of allowance + 1 requests |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (ServiceRow r : rows) {
      double rate = r.admitted() / (r.seconds() / 60.0);
      double ratio = rate / r.allowance();
      boolean bound = r.phase().startsWith("(A)") == r.service().equals("search");
      String span = r.tightestSpanNanos() == Long.MAX_VALUE ? "-"
          : String.format(Locale.ROOT, "%.3f s", r.tightestSpanNanos() / 1e9);
      String ratioText = String.format(Locale.ROOT, "%.2f", ratio);
      md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %s:%d | %s | %s | %s |%n", r.phase(),
          bound ? "**" + r.service() + "** (bound)" : r.service(), r.admitted(), rate, r.colour(), r.allowance(),
          bound ? "**" + ratioText + "** (target >= 0.90)" : ratioText,
          bound ? "**" + r.rejected() + "**" : Integer.toString(r.rejected()), span));
    }
    md.append("\n| phase | seconds | documents fetched | documents / min | client requests (`RunStats`) "
        + "| throttled (`RunStats.throttledMillis`) | tokens | ended by |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (PhaseResult p : phases) {
      md.append(String.format(Locale.ROOT, "| %s | %.1f | %d | %.0f | %d | %.1f s | %d | %s |%n", p.name(), p.seconds(),
          p.documents(), p.documents() / (p.seconds() / 60.0), p.stats().requests, p.stats().throttledMillis / 1000.0,
          p.tokens(), p.failure() == null ? "duration reached" : p.failure().replace("|", "/")));
    }
    md.append(String.format(Locale.ROOT, "%nAllowances announced: search=%s, retrieval=%s (per minute); %d s of "
        + "collection, %d s per phase; a fresh server and collector per phase. Rate: requests the server admitted / "
        + "phase seconds x 60, the phase from opening the cursor (token exchange and window counts included) to the "
        + "last document. Span: shortest time from a request back to the allowance-th admitted one before it "
        + "(the server rejects below 60 s).%n", searchSpec, retrievalSpec, seconds, seconds / 2));

    md.append("\n| parser | documents / round | docs/s | MB/s | docs/s vs USPTO |\n|---|---:|---:|---:|---:|\n");
    double uspto = parse.get(parse.size() - 1).docs() / parse.get(parse.size() - 1).seconds();
    for (ParseRow p : parse) {
      double rate = p.docs() / p.seconds();
      md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.2f x |%n", p.what(), p.docs(), rate,
          p.bytes() / 1e6 / p.seconds(), rate / uspto));
    }
    md.append(String.format(Locale.ROOT, "%nParse: parse + normalize + validate from bytes in memory, single thread, "
        + "median of %d rounds (about 2 s each, the three rotating) after a 3 s warm-up each. Java %s, %d cores, %s.%n",
        rounds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), LocalDate.now()));
    return md.toString();
  }

  private EpoCollectBenchmark() {}
}
