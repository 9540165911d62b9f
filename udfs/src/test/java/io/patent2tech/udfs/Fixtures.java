package io.patent2tech.udfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import io.patent2tech.schema.Source;

/** The captured real files in the repository's fixtures/ (system property p2t.fixtures, set by the parent pom). */
public final class Fixtures {

  private Fixtures() {}

  public static Path dir() {
    String p = System.getProperty("p2t.fixtures");
    Path dir = p != null ? Paths.get(p) : Paths.get("..", "fixtures");
    assertThat(dir.resolve("uspto")).as("fixture directory (system property p2t.fixtures)").isDirectory();
    return dir;
  }

  public static Path uspto(String relative) {
    return dir().resolve("uspto").resolve(relative);
  }

  public static byte[] bytes(String usptoRelative) {
    try {
      return Files.readAllBytes(uspto(usptoRelative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of fixtures/kipris (KIPRIS Plus responses). */
  public static byte[] kipris(String name) {
    return read(dir().resolve("kipris").resolve(name));
  }

  /** A file under fixtures/epo-ops, e.g. {@code epo("patent-dev/get_biblio_response.xml")}. */
  public static Path epo(String relative) {
    return dir().resolve("epo-ops").resolve(relative);
  }

  public static byte[] epoBytes(String relative) {
    return read(epo(relative));
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Source source(String file, long position) {
    return new Source("USPTO", null, file, null, position, 0L, null, null);
  }
}
