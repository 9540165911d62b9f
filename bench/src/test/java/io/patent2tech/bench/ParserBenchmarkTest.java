package io.patent2tech.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weekly files the parser benchmark measures: each format's fixtures are found, and a file
 * built from them splits back into as many documents as were written, every one of which the chain
 * accepts (the benchmark fails a run otherwise). Small files; the benchmark's timing is not tested.
 */
class ParserBenchmarkTest {

  private static Path fixtures() {
    String p = System.getProperty("p2t.fixtures");
    return p != null ? Paths.get(p) : Paths.get("..", "fixtures");
  }

  @Test
  void papAndSt32FixturesAreFoundByTheirRoot() throws Exception {
    assertThat(ParserBenchmark.xmlFilesWithRoot(fixtures(), ParserBenchmark.PAP_ROOT))
        .extracting(f -> f.getFileName().toString())
        .containsExactly("US20010000044A1.xml", "US20010000943A1.xml", "US20010009014A1.xml", "pa20010031492.xml");
    assertThat(ParserBenchmark.xmlFilesWithRoot(fixtures(), ParserBenchmark.ST32_ROOT))
        .extracting(f -> f.getFileName().toString())
        .containsExactly("US06336130.xml", "USD435854S1.xml", "pg06442728.xml");
  }

  @Test
  void theDoctypeNameIsNoRoot() {
    assertThat(ParserBenchmark.hasRoot("<!DOCTYPE PATDOC SYSTEM \"x.dtd\">\n<PATDOC DTD=\"2.5\">".getBytes(), "PATDOC"))
        .isTrue();
    assertThat(ParserBenchmark.hasRoot("<!DOCTYPE PATDOC SYSTEM \"x.dtd\">\n<PATDOCX>".getBytes(), "PATDOC")).isFalse();
  }

  @Test
  void weeklyPapFileSplitsIntoEveryDocumentAndParses(@TempDir Path work) throws Exception {
    assertWeeklyFileParses(ParserBenchmark.xmlFilesWithRoot(fixtures(), ParserBenchmark.PAP_ROOT), new byte[0],
        work.resolve("pa-bench.xml"));
  }

  @Test
  void weeklySt32FileSplitsIntoEveryDocumentAndParses(@TempDir Path work) throws Exception {
    assertWeeklyFileParses(ParserBenchmark.xmlFilesWithRoot(fixtures(), ParserBenchmark.ST32_ROOT), new byte[0],
        work.resolve("pg-bench.xml"));
  }

  @Test
  void weeklyApsFileSplitsIntoEveryDocumentAndParses(@TempDir Path work) throws Exception {
    assertWeeklyFileParses(ParserBenchmark.apsFiles(fixtures()), ParserBenchmark.APS_FILE_HEADER,
        work.resolve("pftaps-bench.txt"));
  }

  /** Two rounds of the seeds: the documents after the first round start right behind another format's end. */
  private static void assertWeeklyFileParses(List<Path> seeds, byte[] header, Path file) throws Exception {
    long[] built = ParserBenchmark.buildWeeklyFile(ParserBenchmark.read(seeds), file, header, 0, 2 * seeds.size());
    assertThat(built[0]).isEqualTo(2L * seeds.size());
    assertThat(ParserBenchmark.chain(file)).isEqualTo(built[0]);
  }
}
