package io.patent2tech.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The short fault drill ({@code scripts/chaos --short}, docs/reliability.md) on the stack the tests
 * use: the ingest and landing jobs on the stack's Flink cluster over 400 distinct documents
 * arriving in files, the TaskManager killed with -9 while a file is ingested, PostgreSQL stopped
 * for 30 s; every publication must end up exactly once in Kafka (read_committed), Elasticsearch
 * and PostgreSQL.
 *
 * <p>The drill breaks the stack the P2T_* variables designate (scripts/stack env), as the script
 * does: the stack of this test run. It cleans up after itself (jobs, topics, index, schema). It
 * needs the cluster to itself: it waits for jobs of earlier tests to end, and fails while others
 * run.
 */
class FaultDrillIT {

  private static final Duration LIMIT = Duration.ofMinutes(5);
  private static final Duration IDLE_WAIT = Duration.ofSeconds(90);
  private static final int DOCUMENTS = 400;
  private static final String FLINK = System.getenv().getOrDefault("P2T_FLINK_URL", "http://localhost:8081")
      .replaceAll("/+$", "");

  @Test
  void everyPublicationExactlyOnceAfterATaskManagerKillAndAPostgresStop() throws Exception {
    // jobs of an earlier test may still be cancelling; anything else is someone's work, which the
    // drill would break: the test fails then (it is not skipped), saying so
    long deadline = System.nanoTime() + IDLE_WAIT.toNanos();
    while (otherJobs() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(1_000);
    }
    assertThat(otherJobs()).as("jobs running on the Flink cluster at %s after %s: the drill kills its "
        + "TaskManager and stops its PostgreSQL, so it needs the stack to itself; cancel them "
        + "(scripts/submit jobs) or run the tests on a stack of their own", FLINK, IDLE_WAIT).isZero();
    Path repo = Path.of(System.getProperty("p2t.repo"));
    Path output = Files.createTempFile("p2t-fault-drill-", ".log");
    try {
      Process drill = new ProcessBuilder(repo.resolve("scripts/chaos").toString(), "--short")
          .directory(repo.toFile())
          .redirectErrorStream(true)
          .redirectOutput(output.toFile())
          .start();
      boolean ended = drill.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
      if (!ended) {
        // SIGTERM: the script undoes an active fault and removes what it made
        drill.destroy();
        drill.waitFor(2, TimeUnit.MINUTES);
      }
      String log = Files.readString(output, StandardCharsets.UTF_8);
      assertThat(ended).as("scripts/chaos --short ended within %s:%n%s", LIMIT, log).isTrue();
      assertThat(drill.exitValue()).as("exit status of scripts/chaos --short:%n%s", log).isZero();
      assertThat(log).contains("chaos: PASSED");

      for (String store : List.of("kafka", "elasticsearch", "postgresql")) {
        Matcher row = Pattern.compile("(?m)^" + store + " +(\\d+) +(\\d+) +(\\d+) +(\\S+) +(\\d+)").matcher(log);
        assertThat(row.find()).as("counts row of %s in:%n%s", store, log).isTrue();
        assertThat(row.group(1)).as("%s expected", store).isEqualTo(String.valueOf(DOCUMENTS));
        assertThat(row.group(2)).as("%s found", store).isEqualTo(String.valueOf(DOCUMENTS));
        assertThat(row.group(3)).as("%s missing", store).isEqualTo("0");
        assertThat(row.group(4)).as("%s repeated", store).isIn("0", "-");
        assertThat(row.group(5)).as("%s other", store).isEqualTo("0");
      }
      for (String fault : List.of("kill -9 TaskManager", "stop PostgreSQL 30 s")) {
        Matcher row = Pattern.compile("(?m)^" + Pattern.quote(fault)
            + " +\\S+ \\(\\+ *[\\d.]+ s\\) +[\\d.]+ +([\\d.]+) +([\\d.]+) ").matcher(log);
        assertThat(row.find()).as("a recovery measured for '%s' in:%n%s", fault, log).isTrue();
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /** Jobs running (or about to) on the stack's Flink cluster. */
  private static long otherJobs() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(FLINK + "/jobs/overview")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("GET %s/jobs/overview (scripts/stack up flink)", FLINK).isEqualTo(200);
    long running = 0;
    for (JsonNode job : new ObjectMapper().readTree(r.body()).path("jobs")) {
      if (List.of("RUNNING", "RESTARTING", "CREATED", "INITIALIZING").contains(job.path("state").asText())) {
        running++;
      }
    }
    return running;
  }
}
