package io.patent2tech.udfs.eval.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Maps the variants of a technical term, English and Korean, to one canonical feature (seed 002
 * §5: "표시_장치" for 디스플레이, 화면, 모니터, LCD, LED, OLED ...), so that claims which name the
 * same thing differently, or in the other language, share the feature.
 */
public final class SynonymDictionary implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String RESOURCE = "synonyms.tsv";

  private final Map<String, String> canonicalByKey;

  private SynonymDictionary(Map<String, String> canonicalByKey) {
    this.canonicalByKey = Map.copyOf(canonicalByKey);
  }

  /**
   * The dictionary kept in resources, {@code synonyms.tsv} beside this class: one group a line,
   * {@code canonical<TAB>variant|variant|...}, English and Korean variants in the same group.
   */
  public static SynonymDictionary defaults() {
    return Defaults.INSTANCE;
  }

  /**
   * The canonical feature for a term, or the term itself; both in the spelling of dictionary keys:
   * lower-cased, trimmed, "_" as a space, one space between words and none between two Hangul
   * syllables ("표시_장치", "Display" and "디스플레이" all give "display device").
   */
  public String canonical(String term) {
    String key = Terms.key(Objects.requireNonNull(term, "term"));
    return canonicalByKey.getOrDefault(key, key);
  }

  /** Number of distinct terms (canonicals and variants) the dictionary knows. */
  int size() {
    return canonicalByKey.size();
  }

  /**
   * Reads {@code canonical<TAB>variant|variant|...} lines; "#" starts a comment line. A term that two
   * groups claim is an error, since its feature would depend on the order of the lines.
   */
  static SynonymDictionary read(Reader reader, String source) {
    Map<String, String> map = new HashMap<>();
    try (BufferedReader r = new BufferedReader(reader)) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        if (columns.length != 2 || columns[0].isBlank() || columns[1].isBlank()) {
          throw new IllegalStateException(source + ":" + lineNo + ": expected canonical<TAB>variant|variant|...");
        }
        String canonical = Terms.key(columns[0]);
        put(map, canonical, canonical, source, lineNo);
        for (String variant : columns[1].split("\\|")) {
          if (variant.isBlank()) {
            throw new IllegalStateException(source + ":" + lineNo + ": empty variant");
          }
          put(map, Terms.key(variant), canonical, source, lineNo);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + source, e);
    }
    return new SynonymDictionary(map);
  }

  private static void put(Map<String, String> map, String key, String canonical, String source, int lineNo) {
    String before = map.putIfAbsent(key, canonical);
    if (before != null && !before.equals(canonical)) {
      throw new IllegalStateException(
          source + ":" + lineNo + ": '" + key + "' is already a variant of '" + before + "'");
    }
  }

  /** Loaded on first use, shared: the dictionary is immutable. */
  private static final class Defaults {
    static final SynonymDictionary INSTANCE = load();

    private static SynonymDictionary load() {
      InputStream in = SynonymDictionary.class.getResourceAsStream(RESOURCE);
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE + " beside " + SynonymDictionary.class.getName());
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
    }
  }
}
