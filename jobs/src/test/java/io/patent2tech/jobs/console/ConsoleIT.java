package io.patent2tech.jobs.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code scripts/run ingest} and {@code scripts/run land --bounded} as a user sees them: {@link
 * LocalMain} in a JVM of its own with the local log4j configuration, over two documents and one
 * broken one, on the real Kafka, Elasticsearch and PostgreSQL of the local stack (topics, alias
 * and schema of its own, removed afterwards). The console has the log file's path and the stage
 * line, whose counts are those in the stores; Flink's INFO log is in the file, not on the console.
 */
class ConsoleIT {

  private static final String RUN = LocalStack.runName("console");
  private static final String TOPIC = RUN + ".patents.normalized";
  private static final String DLQ = RUN + ".patents.dlq";
  private static final String ALIAS = RUN + "-patents";
  private static final String PG_URL = LocalStack.pgUrlInSchema(RUN);

  @TempDir
  static Path dir;

  /** What the ingest over the input printed; land reads what it published. */
  private static Console ingest;

  private record Console(List<String> stdout, String stderr, Path logFile) {}

  @BeforeAll
  static void ingestTwoDocumentsAndABrokenOne() throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    List<Path> ice = Fixtures.iceDocuments();
    Files.copy(ice.get(0), input.resolve("first.xml"));
    Files.copy(ice.get(1), input.resolve("second.xml"));
    byte[] doc = Files.readAllBytes(ice.get(2));
    Files.write(input.resolve("truncated.xml"), Arrays.copyOf(doc, doc.length / 2));
    LocalStack.createSchema(RUN);
    ingest = localMain("ingest", "--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY, "--topic.normalized", TOPIC,
        "--topic.dlq", DLQ, "--transactional-id-prefix", RUN, input.toString());
  }

  @AfterAll
  static void removeRunData() throws Exception {
    LocalStack.deleteTopics(List.of(TOPIC, DLQ));
    LocalStack.deleteTopicsIfPresent(List.of(RUN + ".links", RUN + ".models3d"));
    LocalStack.esDelete("/" + ALIAS + "-v1");
    LocalStack.esDelete("/_index_template/" + ALIAS);
    LocalStack.esDelete("/" + ALIAS + "-dlq-v1");
    LocalStack.esDelete("/_index_template/" + ALIAS + "-dlq");
    LocalStack.dropSchema(RUN);
  }

  @Test
  void ingestPrintsItsLogFileAndOneStageLineWithTheCountsOfTheTopics() throws Exception {
    long published = CountsCommand.committedRecords(LocalStack.KAFKA, TOPIC);
    long rejected = CountsCommand.committedRecords(LocalStack.KAFKA, DLQ);
    assertThat(published).isEqualTo(2);
    assertThat(rejected).isEqualTo(1);
    // the progress lines come every 10 s; a job this small ends before the first
    assertThat(ingest.stdout).hasSize(2);
    assertThat(ingest.stdout.get(0)).isEqualTo("ingest: full log in " + ingest.logFile);
    assertThat(ingest.stdout.get(1)).matches("ingest: parsed " + published + ", rejected " + rejected
        + ", duplicates 0, published " + published + " \\(3 documents in \\d+\\.\\d s\\)");
    assertThat(ingest.stderr).as("nothing logged on the console").doesNotContain("INFO", "WARN", "ERROR");

    String log = Files.readString(ingest.logFile, StandardCharsets.UTF_8);
    assertThat(log).as("Flink's INFO log")
        .contains("INFO  org.apache.flink.runtime.executiongraph.ExecutionGraph")
        .contains("switched from RUNNING to FINISHED")
        .as("the console's lines").contains(ingest.stdout.get(1));
  }

  @Test
  void landPrintsWhatItHandedToEachStore() throws Exception {
    Console land = localMain("land", "--bounded", "--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY,
        "--topic.normalized", TOPIC, "--topic.dlq", DLQ, "--group-id", RUN + "-landing",
        // a links topic of the test's own: the shared patents.links may hold other runs' links
        "--topic.links", RUN + ".links", "--topic.models3d", RUN + ".models3d",
        "--es.url", LocalStack.ES, "--es.alias", ALIAS, "--es.dead-letters-alias", ALIAS + "-dlq",
        "--pg.url", PG_URL, "--pg.user", LocalStack.PG_USER, "--pg.password", LocalStack.PG_PASSWORD);

    assertThat(LocalStack.pgCount(PG_URL, "patents")).isEqualTo(2);
    assertThat(LocalStack.esCount(ALIAS)).isEqualTo(2);
    assertThat(land.stdout).hasSize(2);
    assertThat(land.stdout.get(0)).isEqualTo("land: full log in " + land.logFile);
    assertThat(land.stdout.get(1)).matches(
        "land: read 2, undecodable 0, PostgreSQL 2, Elasticsearch 2, dead letters 1, dead letters searchable 1"
            + " \\(3 records in \\d+\\.\\d s\\)");
    assertThat(land.stderr).as("nothing logged on the console").doesNotContain("INFO", "WARN", "ERROR");
    assertThat(Files.readString(land.logFile, StandardCharsets.UTF_8))
        .contains("INFO  org.apache.flink.runtime.executiongraph.ExecutionGraph");
  }

  /** Runs {@code command} the way scripts/run does when standard output is not a terminal. */
  private static Console localMain(String command, String... args) throws IOException, InterruptedException {
    Path logFile = dir.resolve("logs/" + command + ".log");
    Path repo = Path.of(System.getProperty("p2t.repo"));
    List<String> line = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Dlog4j.configurationFile=" + repo.resolve("infra/flink/log4j2-local.properties"),
        "-D" + LocalConsole.LOG_FILE + "=" + logFile,
        "-D" + LocalConsole.TERMINAL + "=false",
        LocalMain.class.getName(), command));
    line.addAll(List.of(args));
    Path stdout = dir.resolve(command + ".stdout");
    Path stderr = dir.resolve(command + ".stderr");
    Process process = new ProcessBuilder(line)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();
    assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("%s ended", command).isTrue();
    Console console = new Console(Files.readAllLines(stdout), Files.readString(stderr), logFile);
    assertThat(process.exitValue()).as("exit status of %s; %s", command, console).isZero();
    return console;
  }
}
