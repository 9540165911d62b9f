package io.patent2tech.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Subscribers of our topics hold data written with older schemas. Every schema under src/main/avro
 * must therefore be able to read (backward compatibility) what was written with
 * <ul>
 *   <li>every released version kept in {@code src/main/resources/schema-history/NAME.vN.avsc}, and</li>
 *   <li>the version last committed to git ({@code git show HEAD:...}), when run inside a checkout,
 *       so an uncommitted breaking edit fails here before it is committed.</li>
 * </ul>
 * The history must also contain the current schema: changing a schema means adding its next
 * version to the history, which makes the change visible in review.
 */
class SchemaCompatibilityTest {

  private static final Path MODULE = Path.of(System.getProperty("user.dir"));

  @ParameterizedTest
  @ValueSource(strings = {"Patent", "DeadLetter", "EnrichedPatent", "PatentLink", "Model3d", "PatentDrawings"})
  void currentSchemaReadsEveryHistoricVersion(String name) throws IOException {
    Schema current = parse(Files.readString(MODULE.resolve("src/main/avro/" + name + ".avsc")));
    List<Path> history = history(name);
    assertThat(history).as("schema history of %s", name).isNotEmpty();
    for (Path old : history) {
      Schema writer = parse(Files.readString(old));
      assertBackwardCompatible(current, writer, old.getFileName().toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Patent", "DeadLetter", "EnrichedPatent", "PatentLink", "Model3d", "PatentDrawings"})
  void currentSchemaIsRecordedInHistory(String name) throws IOException {
    Schema current = parse(Files.readString(MODULE.resolve("src/main/avro/" + name + ".avsc")));
    List<Path> history = history(name);
    Schema latest = parse(Files.readString(history.get(history.size() - 1)));
    assertThat(latest)
        .as("src/main/avro/%s.avsc changed: add it as the next %s.vN.avsc in src/main/resources/schema-history",
            name, name)
        .isEqualTo(current);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Patent", "DeadLetter", "EnrichedPatent", "PatentLink", "Model3d", "PatentDrawings"})
  void currentSchemaReadsLastCommittedVersion(String name) throws Exception {
    Schema current = parse(Files.readString(MODULE.resolve("src/main/avro/" + name + ".avsc")));
    Optional<String> committed = gitShow("HEAD:./src/main/avro/" + name + ".avsc");
    if (committed.isEmpty()) {
      return; // not a git checkout (e.g. a source tarball): the history check above still applies
    }
    assertBackwardCompatible(current, parse(committed.get()), "git HEAD");
  }

  private static void assertBackwardCompatible(Schema reader, Schema writer, String writerName) {
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    assertThat(result.getType())
        .as("%s cannot read data written with %s: %s", reader.getName(), writerName,
            result.getResult().getIncompatibilities())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  private static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }

  private static List<Path> history(String name) throws IOException {
    Path dir = MODULE.resolve("src/main/resources/schema-history");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> list = new ArrayList<>(files
          .filter(p -> p.getFileName().toString().matches(name + "\\.v\\d+\\.avsc"))
          .toList());
      list.sort((a, b) -> Integer.compare(version(a), version(b)));
      return list;
    }
  }

  private static int version(Path p) {
    String f = p.getFileName().toString();
    return Integer.parseInt(f.substring(f.lastIndexOf(".v") + 2, f.length() - ".avsc".length()));
  }

  private static Optional<String> gitShow(String spec) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("git", "show", spec).directory(MODULE.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException noGit) {
      return Optional.empty();
    }
    byte[] out;
    try (InputStream in = p.getInputStream()) {
      out = in.readAllBytes();
    }
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      return Optional.empty(); // not committed yet, or not a checkout
    }
    return Optional.of(new String(out, StandardCharsets.UTF_8));
  }
}
