package io.patent2tech.jobs.security;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.patent2tech.schema.DeadLetter;

/** Text the secrets tests search: an exception with every cause and suppressed one, a dead letter. */
final class Secrets {

  private Secrets() {}

  /** The stack trace as printed, with messages of every cause and suppressed exception. */
  static String describe(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /** Every field of the dead letter as Avro writes it (raw bytes included). */
  static String textOf(DeadLetter d) {
    return d.toString();
  }
}
