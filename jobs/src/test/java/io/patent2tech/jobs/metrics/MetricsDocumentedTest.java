package io.patent2tech.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every metric the pipeline registers is in docs/operations.md's Metrics table: the names are read
 * from the main sources of udfs, connectors and jobs, where a metric group's {@code counter},
 * {@code histogram} or {@code gauge}, {@code Latency.histogram} or a {@code LabeledCounters} names
 * them (a literal, or a constant of the same file).
 */
class MetricsDocumentedTest {

  private static final Path REPO = Path.of(System.getProperty("p2t.repo", "..")).toAbsolutePath().normalize();
  private static final Pattern REGISTERED = Pattern.compile(
      "\\.(?:counter|histogram|gauge)\\(\\s*(\"\\w+\"|\\w+\\.[A-Z_]+\\b|[A-Z_]+\\b)"
          + "|Latency\\.histogram\\([^,]+,\\s*(\"\\w+\")"
          + "|new LabeledCounters\\([^;]*?,\\s*\"\\w+\",\\s*(\"\\w+\")");

  @Test
  void everyRegisteredMetricIsListedInOperationsMd() throws IOException {
    Set<String> names = registeredNames();
    // the scan must find the pipeline's metrics, or this test proves nothing
    assertThat(names).contains("documentsParsed", "pgBatchRetries", "reconstructions", "llmLatencyMs",
        "filesRead", "familyLinksCapped").hasSizeGreaterThan(40);
    String operations = Files.readString(REPO.resolve("docs/operations.md"));
    assertThat(names).allSatisfy(name -> assertThat(operations).as("docs/operations.md lists `%s`", name)
        .contains("| `" + name + "` |"));
  }

  private static Set<String> registeredNames() throws IOException {
    Set<String> names = new TreeSet<>();
    for (String module : List.of("udfs", "connectors", "jobs")) {
      try (Stream<Path> files = Files.walk(REPO.resolve(module).resolve("src/main/java"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file);
          Matcher m = REGISTERED.matcher(source);
          while (m.find()) {
            String token = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            names.add(token.startsWith("\"") ? token.substring(1, token.length() - 1) : constant(token, file));
          }
        }
      }
    }
    return names;
  }

  /** The value of {@code NAME} or {@code Class.NAME}, declared as a string constant in its file. */
  private static String constant(String token, Path file) throws IOException {
    String name = token.substring(token.lastIndexOf('.') + 1);
    Path declaring = token.contains(".") ? file.resolveSibling(token.substring(0, token.indexOf('.')) + ".java") : file;
    Matcher m = Pattern.compile("\\b" + name + "\\s*=\\s*\"(\\w+)\"").matcher(Files.readString(declaring));
    assertThat(m.find()).as("the string constant %s in %s", token, declaring).isTrue();
    return m.group(1);
  }
}
