package io.patent2tech.jobs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.patent2tech.connectors.uspto.UsptoDocumentSplitter;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.parse.EpoFiles;
import io.patent2tech.jobs.parse.FormatReader;
import io.patent2tech.jobs.parse.InputFormat;
import io.patent2tech.jobs.parse.KiprisFiles;
import io.patent2tech.jobs.parse.ParseOutput;
import io.patent2tech.jobs.parse.UsptoFiles;

/**
 * {@code parse FILE...}: what the pipeline makes of each document, one JSON object per line on
 * stdout (the normalized record, or {"dead_letter": {...}}), with no service running. For people
 * checking a document. A summary goes to stderr.
 *
 * <p>Each file's office format is told by its content ({@link InputFormat}) unless {@code --format}
 * names one. Output follows the order of the files, except that all EPO OPS responses are read
 * together, where the first of them is given, so claims and description join their biblio.
 */
public final class ParseCommand {

  public static final Setting MAX_DOCUMENT_BYTES = Setting.wholeNumber("max-document-bytes",
      (long) UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES,
      "larger documents are reported as dead letters");
  public static final Setting INCLUDE_RAW = Setting.bool("include-raw", false,
      "keep the raw bytes (base64) in dead letters; off by default to keep lines readable");
  public static final Setting FORMAT = new Setting("format", "auto",
      "auto | uspto | epo | kipris: read every file as this office's format; auto tells each file's by content");

  public static final List<Setting> SETTINGS = List.of(MAX_DOCUMENT_BYTES, INCLUDE_RAW, FORMAT);
  public static final List<String> FLAGS = List.of(INCLUDE_RAW.key());

  public static final String USAGE = "parse [options] FILE...\n"
      + "  Prints the normalized record of each document in the given files as one JSON object\n"
      + "  per line; rejected documents as {\"dead_letter\": {...}}. The format is told by content:\n"
      + "    USPTO bulk files (.xml, .zip, or APS Green Book .txt of 1976-2001; grants and\n"
      + "      applications);\n"
      + "    EPO OPS responses (XML: search with the biblio constituent, biblio, full-cycle, claims,\n"
      + "      description); all given together, claims and description join their publication's\n"
      + "      biblio; claims are not required (OPS has them for EP and WO only);\n"
      + "    KIPRIS Plus responses (XML, legacy openapi/rest or kipo-api): a detail response gives\n"
      + "      one record, a search page one line per row. Search rows carry no claims, so they\n"
      + "      come out as dead letters (validate: missing required field: claims); an error\n"
      + "      envelope (resultCode 30 ...) is a dead letter with the office's code and message.\n";

  private ParseCommand() {}

  /** @throws IllegalArgumentException no file given, or an unknown {@code --format} */
  public static void checkUsage(Settings s) {
    if (s.positional().isEmpty()) {
      throw new IllegalArgumentException("at least one FILE is needed (parse --help)");
    }
    InputFormat.ofOption(s.get(FORMAT.key()));
  }

  /**
   * @return the number of dead letters (0 when every document parsed)
   * @throws IllegalArgumentException as {@link #checkUsage}
   */
  public static int run(Settings s, PrintStream out, PrintStream err) throws IOException {
    checkUsage(s);
    InputFormat forced = InputFormat.ofOption(s.get(FORMAT.key()));
    Map<InputFormat, FormatReader> readers = new EnumMap<>(InputFormat.class);
    readers.put(InputFormat.USPTO, new UsptoFiles(s.getInt(MAX_DOCUMENT_BYTES.key())));
    readers.put(InputFormat.EPO, new EpoFiles());
    readers.put(InputFormat.KIPRIS, new KiprisFiles());

    List<InputFormat> formats = new ArrayList<>();
    List<String> epoFiles = new ArrayList<>();
    for (String name : s.positional()) {
      InputFormat f = forced != null ? forced : InputFormat.detect(Path.of(name));
      formats.add(f);
      if (f == InputFormat.EPO) {
        epoFiles.add(name);
      }
    }

    ParseOutput output = new ParseOutput(out, err, s.getBoolean(INCLUDE_RAW.key()));
    boolean epoDone = false;
    for (int i = 0; i < formats.size(); i++) {
      InputFormat f = formats.get(i);
      if (f != InputFormat.EPO) {
        readers.get(f).read(List.of(s.positional().get(i)), output);
      } else if (!epoDone) {
        readers.get(f).read(epoFiles, output);
        epoDone = true;
      }
    }
    err.printf("parse: %d document(s) parsed, %d dead letter(s)%n", output.parsed(), output.rejected());
    return output.rejected();
  }
}
