package io.patent2tech.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.patent2tech.jobs.CountsCommand;
import io.patent2tech.jobs.LocalStack;

/**
 * The stack's Prometheus ({@code scripts/stack up prometheus}, found through P2T_PROMETHEUS_URL)
 * scrapes the stack's Flink cluster (P2T_FLINK_URL) through the Prometheus reporter of each
 * process and holds the shipped alert rules. The pipeline's own series get there: the ingest job,
 * from this build's shaded jar, runs on the cluster over the bundled sample, and Prometheus's HTTP
 * API is asked for its documentsParsed by the job's id.
 *
 * <p>The job watches a directory (unbounded), so its metrics stay registered until Prometheus has
 * scraped them; a bounded job could finish between two scrapes and take its series with it.
 */
class PrometheusMetricsIT {

  private static final int SAMPLE_DOCUMENTS = 10;
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String FLINK = env("P2T_FLINK_URL", "http://localhost:8081");
  private static final String PROMETHEUS = env("P2T_PROMETHEUS_URL", "http://localhost:9090");
  private static final String RUN = LocalStack.runName("metrics");
  private static final String TOPIC = RUN + ".patents.normalized";
  private static final String DLQ = RUN + ".patents.dlq";
  /** The alerts of infra/prometheus/alerts.yml, as docs/operations.md names them. */
  private static final Set<String> ALERTS = Set.of("DeadLetterRateHigh", "ConsumerLagGrowing", "QuotaNearlyUsed",
      "NoCollectionForADay", "JobRestarting");

  /** What a failure most likely means on a stack that ran before the reporter existed. */
  private static final String OLD_CLUSTER = " (a Flink cluster started before the Prometheus reporter was configured"
      + " reports nothing: scripts/stack down flink && scripts/stack up flink)";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path watched;
  private static String jarId;
  private static String jobId;

  @BeforeAll
  static void startIngestOnTheCluster() throws Exception {
    watched = Files.createTempDirectory("p2t-metrics-it-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Path sample = Files.copy(Path.of(System.getProperty("p2t.repo"), "samples", "uspto", "ipg-ipa-sample.zip"),
        watched.resolve("ipg-ipa-sample.zip"));
    Files.setPosixFilePermissions(sample, PosixFilePermissions.fromString("rw-r--r--"));
    jarId = uploadShadedJar();
    String body = JSON.writeValueAsString(Map.of("entryClass", "io.patent2tech.jobs.Main", "programArgsList",
        List.of("ingest", "--watch", "--watch-interval", "1 s",
            "--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY, "--topic.normalized", TOPIC, "--topic.dlq", DLQ,
            "--transactional-id-prefix", RUN + "-ingest", "--checkpoint.interval", "1 s",
            "--parallelism", "1", watched.toString())));
    HttpResponse<String> run = flink(HttpRequest.newBuilder().header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), "/jars/" + jarId + "/run");
    assertThat(run.statusCode()).as("run ingest: %s", run.body()).isEqualTo(200);
    jobId = JSON.readTree(run.body()).get("jobid").asText();
  }

  @AfterAll
  static void stopAndCleanUp() throws Exception {
    try {
      if (jobId != null) {
        flink(HttpRequest.newBuilder().method("PATCH", HttpRequest.BodyPublishers.noBody()),
            "/jobs/" + jobId + "?mode=cancel");
      }
      if (jarId != null) {
        flink(HttpRequest.newBuilder().DELETE(), "/jars/" + jarId);
      }
      if (watched != null) {
        try (Stream<Path> files = Files.walk(watched)) {
          for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    } finally {
      LocalStack.deleteTopicsIfPresent(List.of(TOPIC, DLQ));
    }
  }

  @Test
  void prometheusHoldsTheRunsDocumentsParsed() throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (CountsCommand.committedRecords(LocalStack.KAFKA, TOPIC) < SAMPLE_DOCUMENTS) {
      assertThat(System.nanoTime()).as("%d records in %s within %s", SAMPLE_DOCUMENTS, TOPIC, TIMEOUT)
          .isLessThan(deadline);
      Thread.sleep(500);
    }
    String query = "sum(flink_taskmanager_job_task_operator_documentsParsed{job_id=\"" + jobId + "\"})";
    double parsed = -1;
    while (parsed < SAMPLE_DOCUMENTS && System.nanoTime() < deadline) {
      JsonNode result = prometheus("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
          .path("data").path("result");
      parsed = result.isEmpty() ? -1 : result.get(0).path("value").get(1).asDouble();
      if (parsed < SAMPLE_DOCUMENTS) {
        Thread.sleep(1_000);
      }
    }
    assertThat(parsed).as("%s at %s%s", query, PROMETHEUS, OLD_CLUSTER).isEqualTo(SAMPLE_DOCUMENTS);
    // the parse step's other series, by the run's job id
    JsonNode series = prometheus("/api/v1/series?match[]=" + URLEncoder.encode(
        "{__name__=~\"flink_taskmanager_job_task_operator_documents.*\",job_id=\"" + jobId + "\"}",
        StandardCharsets.UTF_8)).path("data");
    List<String> names = new ArrayList<>();
    series.forEach(s -> names.add(s.path("__name__").asText()));
    assertThat(names).contains("flink_taskmanager_job_task_operator_documentsParsed",
        "flink_taskmanager_job_task_operator_documentsRejected");
  }

  @Test
  void bothFlinkProcessesAreScraped() throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    List<String> up;
    do {
      up = new ArrayList<>();
      for (JsonNode target : prometheus("/api/v1/targets?state=active").path("data").path("activeTargets")) {
        if ("up".equals(target.path("health").asText())) {
          up.add(target.path("labels").path("component").asText());
        }
      }
      if (up.size() < 2) {
        Thread.sleep(1_000);
      }
    } while (up.size() < 2 && System.nanoTime() < deadline);
    assertThat(up).as("Flink processes Prometheus scrapes%s", OLD_CLUSTER)
        .containsExactlyInAnyOrder("jobmanager", "taskmanager");
  }

  @Test
  void theShippedAlertRulesAreLoaded() throws Exception {
    List<String> alerts = new ArrayList<>();
    for (JsonNode group : prometheus("/api/v1/rules?type=alert").path("data").path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        alerts.add(rule.path("name").asText());
        assertThat(rule.path("health").asText()).as(rule.path("name").asText()).isNotEqualTo("err");
      }
    }
    assertThat(alerts).containsExactlyInAnyOrderElementsOf(ALERTS);
  }

  private static JsonNode prometheus(String path) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(PROMETHEUS + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s%s: %s (scripts/stack up prometheus)", PROMETHEUS, path,
        response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> flink(HttpRequest.Builder request, String path) throws Exception {
    return HTTP.send(request.uri(URI.create(FLINK + path)).timeout(Duration.ofMinutes(2)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** POST /jars/upload of this build's shaded job jar (the package phase made it); its id. */
  private static String uploadShadedJar() throws Exception {
    Path jar;
    Path target = Path.of(System.getProperty("basedir", "."), "target");
    try (Stream<Path> files = Files.list(target)) {
      jar = files.filter(p -> p.getFileName().toString().matches("patent2tech-jobs-.*-job\\.jar"))
          .max(Comparator.comparing(p -> p.toFile().lastModified()))
          .orElseThrow(() -> new IllegalStateException("no shaded job jar in " + target + "; run mvn package"));
    }
    String boundary = "p2t-" + UUID.randomUUID();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
        + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n";
    HttpResponse<String> upload = flink(HttpRequest.newBuilder()
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
            HttpRequest.BodyPublishers.ofFile(jar),
            HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))), "/jars/upload");
    assertThat(upload.statusCode()).as("upload of %s to %s: %s", jar, FLINK, upload.body()).isEqualTo(200);
    return Path.of(JSON.readTree(upload.body()).get("filename").asText()).getFileName().toString();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return (value == null || value.isBlank() ? fallback : value).replaceAll("/+$", "");
  }
}
