package io.patent2tech.udfs.eval.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One prompt file from the resources: a version and, per language, the sections {@code system},
 * {@code user}, {@code repair} and {@code none}.
 *
 * <pre>
 * # comments, before the first section only
 * version: novelty-v1
 * === en.system
 * text ...
 * === en.user
 * text with {{placeholders}} ...
 * </pre>
 *
 * <p>Everything a model can be sent for this prompt is in the file, so the version covers it all;
 * {@link #textHash()} is what the test pins each version to.
 */
final class PromptTemplate {

  static final List<String> SECTIONS = List.of("system", "user", "repair", "none");

  private static final String HEADER = "=== ";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

  private final String file;
  private final String version;
  private final Map<String, String> sections;

  private PromptTemplate(String file, String version, Map<String, String> sections) {
    this.file = file;
    this.version = version;
    this.sections = sections;
  }

  /** Reads {@code file} from this package's resources. */
  static PromptTemplate load(String file) {
    try (InputStream in = PromptTemplate.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("prompt file " + file + " is not on the classpath");
      }
      return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read prompt file " + file, e);
    }
  }

  static PromptTemplate parse(String file, String content) {
    String version = null;
    Map<String, String> sections = new TreeMap<>();
    String section = null;
    StringBuilder text = new StringBuilder();
    for (String line : content.split("\r?\n", -1)) {
      if (line.startsWith(HEADER)) {
        if (section != null) {
          sections.put(section, text.toString().strip());
        }
        section = line.substring(HEADER.length()).strip();
        if (sections.containsKey(section)) {
          throw new IllegalStateException(file + ": section " + section + " appears twice");
        }
        text.setLength(0);
      } else if (section != null) {
        text.append(line).append('\n');
      } else if (line.startsWith("version:")) {
        version = line.substring("version:".length()).strip();
      } else if (!line.isBlank() && !line.startsWith("#")) {
        throw new IllegalStateException(
            file + ": unexpected line before the first section: " + line);
      }
    }
    if (section != null) {
      sections.put(section, text.toString().strip());
    }
    if (version == null || version.isEmpty()) {
      throw new IllegalStateException(file + ": no 'version:' line");
    }
    for (PromptLanguage language : PromptLanguage.values()) {
      for (String name : SECTIONS) {
        if (!sections.containsKey(language.code() + "." + name)) {
          throw new IllegalStateException(
              file + ": missing section " + language.code() + "." + name);
        }
      }
    }
    return new PromptTemplate(file, version, Map.copyOf(sections));
  }

  String version() {
    return version;
  }

  /** The section's text as written. */
  String section(PromptLanguage language, String name) {
    String text = sections.get(language.code() + "." + name);
    if (text == null) {
      throw new IllegalArgumentException(file + " has no section " + language.code() + "." + name);
    }
    return text;
  }

  /**
   * The section with each {@code {{name}}} replaced by {@code values.get(name)}, in one pass, so a
   * value that itself contains "{{...}}" (patent text can) is never expanded.
   *
   * @throws IllegalStateException when the section uses a placeholder {@code values} lacks
   */
  String render(PromptLanguage language, String name, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(section(language, name));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException(
            file + " " + language.code() + "." + name + " uses {{" + m.group(1) + "}}, not given");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * SHA-256 (hex, first 16 characters) over every section's name and text: changes exactly when
   * something that can reach the model changes, not when a comment does.
   */
  String textHash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> e : new TreeMap<>(sections).entrySet()) {
        digest.update((e.getKey() + "\n" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
