package io.patent2tech.jobs.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.patent2tech.jobs.CountsCommand;
import io.patent2tech.jobs.Fixtures;
import io.patent2tech.jobs.LocalMain;
import io.patent2tech.jobs.LocalStack;

/**
 * {@code scripts/run ingest} as a user sees it: {@link LocalMain} in a JVM of its own with the
 * local log4j configuration, over two documents and one broken one, on the real Kafka of the
 * local stack (topics of its own, removed afterwards). The console has the log file's path and
 * the stage line, whose counts are those in the topics; Flink's INFO log is in the file, not on
 * the console.
 */
class ConsoleIT {

  private static final String RUN = LocalStack.runName("console");
  private static final String TOPIC = RUN + ".patents.normalized";
  private static final String DLQ = RUN + ".patents.dlq";

  @TempDir
  static Path dir;

  @BeforeAll
  static void prepareInput() throws IOException {
    Path input = Files.createDirectories(dir.resolve("input"));
    List<Path> ice = Fixtures.iceDocuments();
    Files.copy(ice.get(0), input.resolve("first.xml"));
    Files.copy(ice.get(1), input.resolve("second.xml"));
    byte[] doc = Files.readAllBytes(ice.get(2));
    Files.write(input.resolve("truncated.xml"), java.util.Arrays.copyOf(doc, doc.length / 2));
  }

  @AfterAll
  static void removeTopics() throws Exception {
    LocalStack.deleteTopics(List.of(TOPIC, DLQ));
  }

  @Test
  void ingestPrintsItsLogFileAndOneStageLineWithTheCountsOfTheTopics() throws Exception {
    Path logFile = dir.resolve("logs/ingest.log");
    Path repo = Path.of(System.getProperty("p2t.repo"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Dlog4j.configurationFile=" + repo.resolve("infra/flink/log4j2-local.properties"),
        "-D" + LocalConsole.LOG_FILE + "=" + logFile,
        "-D" + LocalConsole.TERMINAL + "=false",
        LocalMain.class.getName(), "ingest",
        "--kafka.bootstrap", LocalStack.KAFKA, "--topic.normalized", TOPIC, "--topic.dlq", DLQ,
        "--transactional-id-prefix", RUN, dir.resolve("input").toString()));
    Process ingest = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("stdout").toFile())
        .redirectError(dir.resolve("stderr").toFile())
        .start();
    assertThat(ingest.waitFor(4, TimeUnit.MINUTES)).as("ingest ended").isTrue();
    List<String> stdout = Files.readAllLines(dir.resolve("stdout"));
    String stderr = Files.readString(dir.resolve("stderr"));
    assertThat(ingest.exitValue()).as("exit status; stdout %s, stderr %s", stdout, stderr).isZero();

    long published = CountsCommand.committedRecords(LocalStack.KAFKA, TOPIC);
    long rejected = CountsCommand.committedRecords(LocalStack.KAFKA, DLQ);
    assertThat(published).isEqualTo(2);
    assertThat(rejected).isEqualTo(1);
    // the progress lines come every 10 s; a job this small ends before the first
    assertThat(stdout).hasSize(2);
    assertThat(stdout.get(0)).isEqualTo("ingest: full log in " + logFile);
    assertThat(stdout.get(1)).matches("ingest: parsed " + published + ", rejected " + rejected
        + ", duplicates 0, published " + published + " \\(3 documents in \\d+\\.\\d s\\)");
    assertThat(stderr).as("nothing logged on the console").doesNotContain("INFO", "WARN", "ERROR");

    String log = Files.readString(logFile, StandardCharsets.UTF_8);
    assertThat(log).as("Flink's INFO log")
        .contains("INFO  org.apache.flink.runtime.executiongraph.ExecutionGraph")
        .contains("switched from RUNNING to FINISHED")
        .as("the console's lines").contains(stdout.get(1));
  }
}
