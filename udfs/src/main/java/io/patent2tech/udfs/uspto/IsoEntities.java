package io.patent2tech.udfs.uspto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The table of named character entities that USPTO documents use without declaring them (they are
 * declared only in the DTD we never read): {@code &ldquo; &lsqb; &minus; &agr; ...}. Loaded once from
 * {@code iso-entities.tsv} next to this class.
 */
public final class IsoEntities {

  static final String RESOURCE = "iso-entities.tsv";

  private static final Map<String, String> CHARACTERS = load(false);
  private static final Map<String, String> REPLACEMENTS = load(true);

  private IsoEntities() {}

  /** Entity name to the characters it stands for, e.g. {@code ldquo -> "\u201c"}. Unmodifiable. */
  public static Map<String, String> characters() {
    return CHARACTERS;
  }

  /**
   * Entity name to its XML replacement text, as a parser's internal entity needs it: the same
   * characters except that {@code <} and {@code &} are written as character references, so the
   * replacement text never reads as markup.
   */
  static Map<String, String> replacementTexts() {
    return REPLACEMENTS;
  }

  private static Map<String, String> load(boolean asReplacementText) {
    InputStream in = IsoEntities.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("missing resource " + RESOURCE + " beside " + IsoEntities.class.getName());
    }
    Map<String, String> map = new HashMap<>(4096);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isEmpty() || line.charAt(0) == '#') {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab <= 0) {
          throw new IllegalStateException(RESOURCE + ":" + lineNo + ": expected NAME<TAB>CODEPOINTS");
        }
        String name = line.substring(0, tab);
        StringBuilder value = new StringBuilder(4);
        for (String hex : line.substring(tab + 1).trim().split(" +")) {
          int cp = Integer.parseInt(hex, 16);
          if (asReplacementText && (cp == '<' || cp == '&')) {
            value.append("&#").append(cp).append(';');
          } else {
            value.appendCodePoint(cp);
          }
        }
        map.put(name, value.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(map);
  }
}
