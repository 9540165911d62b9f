package io.patent2tech.jobs.drill;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.patent2tech.connectors.uspto.RawDocument;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.UsptoDocumentProcessor;

/**
 * The input of a fault drill: distinct documents made from the real USPTO documents in fixtures/,
 * written as weekly-file-like XML files (documents concatenated, each with its own {@code <?xml?>}
 * declaration).
 *
 * <p>Copy {@code i} of run {@code R} is the fixture {@code i mod T} (T templates: every grant and
 * application of the fixtures the pipeline accepts) with the doc-number of its
 * {@code <publication-reference>} replaced by one that ends in {@code 9RRRIIIII} (R the run
 * number, 3 digits; I the copy, 5 digits), in the template's series: {@code US-941700042-B2} for a
 * utility grant, {@code US-D941700043-S1} for a design, {@code US-20941700044-A1} for a pre-grant
 * publication. Every copy is run through the ingest job's own parse/normalize/validate before it
 * is written: its publication key is the one the pipeline will derive, and a copy it would reject
 * stops the generation.
 */
public final class DrillDocuments {

  /** Copies per run: the 5 digits of the copy number. */
  public static final int MAX_DOCUMENTS = 100_000;

  private static final Pattern PUBLICATION_NUMBER = Pattern.compile(
      "(<publication-reference>\\s*<document-id>\\s*<country>[^<]*</country>\\s*<doc-number>)([^<]+)(</doc-number>)");

  /** A fixture the pipeline accepts, with where its publication number sits. */
  record Template(String name, String text, String number) {}

  private final UsptoDocumentProcessor processor = new UsptoDocumentProcessor();
  private final List<Template> templates;
  private final int run;

  /**
   * @param fixtures the fixtures/uspto directory; its grant/ and application/ XML files are read
   * @param run      the run number, 100 to 999
   */
  public DrillDocuments(Path fixtures, int run) {
    if (run < 100 || run > 999) {
      throw new IllegalArgumentException("the run number must have 3 digits (100 to 999), got " + run);
    }
    this.run = run;
    this.templates = templates(fixtures);
  }

  List<Template> templates() {
    return templates;
  }

  /**
   * Writes {@code count} documents, {@code perFile} to a file, into {@code dir} as
   * {@code drill-RRR-0001.xml} ...; returns their publication keys in order.
   */
  public List<String> write(int count, int perFile, Path dir) throws IOException {
    if (count < 1 || count > MAX_DOCUMENTS) {
      throw new IllegalArgumentException("documents must be 1 to " + MAX_DOCUMENTS + ", got " + count);
    }
    if (perFile < 1) {
      throw new IllegalArgumentException("documents per file must be at least 1, got " + perFile);
    }
    Files.createDirectories(dir);
    List<String> keys = new ArrayList<>(count);
    Set<String> seen = new HashSet<>();
    for (int file = 0; file * perFile < count; file++) {
      Path path = dir.resolve(String.format(Locale.ROOT, "drill-%03d-%04d.xml", run, file + 1));
      try (OutputStream out = Files.newOutputStream(path)) {
        for (int i = file * perFile; i < Math.min(count, (file + 1) * perFile); i++) {
          byte[] document = copy(i);
          String key = keyOf(document, path, i);
          if (!seen.add(key)) {
            throw new IllegalStateException("copy " + i + " has the key " + key + " of an earlier copy");
          }
          keys.add(key);
          out.write(document);
        }
      }
    }
    return keys;
  }

  /** Copy {@code i}: its template with the drill's publication number, ending in a newline. */
  byte[] copy(int i) {
    Template t = templates.get(i % templates.size());
    Matcher m = PUBLICATION_NUMBER.matcher(t.text());
    if (!m.find()) {
      throw new IllegalStateException(t.name() + ": no publication-reference doc-number");
    }
    String text = t.text().substring(0, m.start(2)) + number(t.number(), run, i) + t.text().substring(m.end(2));
    if (!text.endsWith("\n")) {
      text += "\n"; // each document starts on a line of its own, as in the weekly files
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The drill's number for copy {@code i} in the series of {@code original}: its letter prefix
   * kept (D, RE, PP, ...), 11 digits for a pre-grant publication (YYYY + 7), else 9 digits.
   */
  static String number(String original, int run, int i) {
    String tag = String.format(Locale.ROOT, "9%03d%05d", run, i);
    String trimmed = original.trim();
    int letters = 0;
    while (letters < trimmed.length() && Character.isLetter(trimmed.charAt(letters))) {
      letters++;
    }
    if (letters > 0) {
      return trimmed.substring(0, letters) + tag;
    }
    if (trimmed.length() == 11 && trimmed.charAt(0) != '0') {
      return "20" + tag;
    }
    return tag;
  }

  private String keyOf(byte[] document, Path file, int i) {
    Source where = Source.newBuilder().setOffice(RawDocument.OFFICE).setProduct(null)
        .setFile(file.toString()).setEntry(null).setPosition(i).setOffset(0L).build();
    try {
      return processor.process(document, where, 0L).getPublicationKey();
    } catch (DocumentRejectedException e) {
      throw new IllegalStateException("copy " + i + " would be rejected by the pipeline: " + e.getMessage(), e);
    }
  }

  /** The grants and applications of the fixtures the pipeline accepts and can renumber (ICE), by file name. */
  private List<Template> templates(Path fixtures) {
    List<Template> found = new ArrayList<>();
    for (String kind : List.of("grant", "application")) {
      Path dir = fixtures.resolve(kind);
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("no directory " + dir + " (expected the fixtures/uspto directory)");
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
          Template t = template(f);
          if (t != null) {
            found.add(t);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException("no USPTO grant or application in " + fixtures + " that the pipeline accepts");
    }
    return List.copyOf(found);
  }

  private Template template(Path f) throws IOException {
    byte[] bytes = Files.readAllBytes(f);
    Source where = Source.newBuilder().setOffice(RawDocument.OFFICE).setProduct(null)
        .setFile(f.toString()).setEntry(null).setPosition(0L).setOffset(0L).build();
    Patent p;
    try {
      p = processor.process(bytes, where, 0L);
    } catch (DocumentRejectedException e) {
      return null; // a format the pipeline does not take: not a template
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    Matcher m = PUBLICATION_NUMBER.matcher(text);
    if (p.getPublicationKey() == null || !m.find()) {
      return null;
    }
    return new Template(f.getFileName().toString(), text, m.group(2));
  }
}
