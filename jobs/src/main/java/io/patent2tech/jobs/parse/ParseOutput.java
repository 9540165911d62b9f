package io.patent2tech.jobs.parse;

import java.io.PrintStream;

import io.patent2tech.connectors.json.AvroJson;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DeadLetters;
import io.patent2tech.udfs.DocumentRejectedException;

/**
 * Where {@code parse} writes: each record as one JSON line, each dead letter as
 * {@code {"dead_letter": {...}}}, notes on stderr; counts both for the summary.
 */
public final class ParseOutput {

  private final PrintStream out;
  private final PrintStream err;
  private final boolean includeRaw;
  private int parsed;
  private int rejected;

  public ParseOutput(PrintStream out, PrintStream err, boolean includeRaw) {
    this.out = out;
    this.err = err;
    this.includeRaw = includeRaw;
  }

  public void record(Patent p) {
    out.println(AvroJson.toJson(p));
    parsed++;
  }

  public void deadLetter(DeadLetter d) {
    out.println("{\"dead_letter\":" + AvroJson.toJson(d) + "}");
    rejected++;
  }

  /** The dead letter of a rejected document; {@code raw} is embedded only with --include-raw. */
  public void rejected(DocumentRejectedException e, String sourceName, Source where, byte[] raw, long now) {
    deadLetter(DeadLetters.rejected(e, sourceName, where, raw, maxRawBytes(), now));
  }

  /**
   * The dead letter of a file rejected as a whole (malformed, an error envelope, nothing usable):
   * {@code source_file} set, no position.
   */
  public void rejectedFile(DocumentRejectedException e, String sourceName, String office, String file, byte[] raw,
                           long now) {
    Source where = new Source(office, null, file, null, 0L, null, null, null);
    DeadLetter d = DeadLetters.rejected(e, sourceName, where, raw, maxRawBytes(), now);
    d.setPosition(null);
    deadLetter(d);
  }

  /** A line on stderr that is neither a record nor a dead letter (e.g. an empty search page). */
  public void note(String message) {
    err.println("parse: " + message);
  }

  /** Raw bytes up to this size go into dead letters: 1 MiB with --include-raw, else none (a pointer). */
  public int maxRawBytes() {
    return includeRaw ? DeadLetters.DEFAULT_MAX_RAW_BYTES : 0;
  }

  public int parsed() {
    return parsed;
  }

  public int rejected() {
    return rejected;
  }
}
