package io.patent2tech.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.patent2tech.jobs.upgrade.NextBuildIngest;

/**
 * The shaded job jar of this build on a real Flink session cluster ({@code scripts/stack up flink},
 * found through P2T_FLINK_URL): uploaded and run through the REST API exactly as
 * {@code scripts/submit} does, first {@code ingest} over the bundled sample, then
 * {@code land --bounded}. Proves the jar runs "as is" on a standalone cluster, with the cluster's
 * own class path and child-first class loading, and not only on a MiniCluster.
 *
 * <p>The job's main method runs inside the JobManager and its tasks in the TaskManager, which do
 * not see this JVM's environment; every setting is passed as an option. On a stack started by root
 * they run as the service user, so the input is copied to a world-readable directory.
 */
class ClusterSubmissionIT {

  /** Distinct documents in samples/uspto (the ten ICE fixtures, concatenated weekly-file style). */
  private static final int SAMPLE_DOCUMENTS = 10;
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);
  private static final String ENTRY_CLASS = "io.patent2tech.jobs.Main";

  private static final String FLINK = System.getenv().getOrDefault("P2T_FLINK_URL", "http://localhost:8081")
      .replaceAll("/+$", "");
  private static final String RUN = LocalStack.runName("cluster");
  private static final String TOPIC = RUN + ".patents.normalized";
  private static final String DLQ = RUN + ".patents.dlq";
  private static final String ALIAS = RUN + "-patents";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path input;
  private static String jarId;

  @BeforeAll
  static void uploadJobJar() throws Exception {
    HttpResponse<String> overview = get("/overview");
    assertThat(JSON.readTree(overview.body()).path("taskmanagers").asInt())
        .as("TaskManagers registered at %s (scripts/stack up flink)", FLINK).isPositive();
    jarId = upload(shadedJobJar());
  }

  /** POST /jars/upload; the jar's id on the cluster. */
  private static String upload(Path jar) throws Exception {
    HttpResponse<String> upload = send(multipartUpload(jar), "/jars/upload");
    assertThat(upload.statusCode()).as("upload of %s: %s", jar, upload.body()).isEqualTo(200);
    return Path.of(JSON.readTree(upload.body()).get("filename").asText()).getFileName().toString();
  }

  /**
   * A changed build of the job jar: a copy of this build's shaded jar with the classes of {@link
   * NextBuildIngest} (compiled from the test sources) added.
   */
  private static Path nextBuildJar() throws Exception {
    Path jar = Files.createTempFile("patent2tech-jobs-next-build-", ".jar");
    Files.copy(shadedJobJar(), jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path classes = Path.of(NextBuildIngest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path upgrade = classes.resolve(NextBuildIngest.class.getPackageName().replace('.', '/'));
    try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar);
        Stream<Path> compiled = Files.list(upgrade)) {
      for (Path c : compiled.filter(p -> p.getFileName().toString().startsWith("NextBuildIngest")).toList()) {
        Path entry = zip.getPath(classes.relativize(c).toString());
        Files.createDirectories(entry.getParent());
        Files.copy(c, entry);
      }
    }
    return jar;
  }

  @BeforeAll
  static void prepareInput() throws IOException {
    // readable by the cluster's service user: rwxr-xr-x directory, rw-r--r-- files
    input = Files.createTempDirectory("p2t-cluster-it-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    try (Stream<Path> samples = Files.list(Path.of(System.getProperty("p2t.repo"), "samples", "uspto"))) {
      for (Path sample : samples.toList()) {
        Path copy = Files.copy(sample, input.resolve(sample.getFileName()));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
      }
    }
  }

  @BeforeAll
  static void createSchema() throws Exception {
    LocalStack.createSchema(RUN);
  }

  /** Every step runs even when an earlier one fails (a test that failed may have left any state). */
  @AfterAll
  static void removeRunData() throws Exception {
    List<CleanUp> steps = List.of(
        () -> {
          if (jarId != null) {
            send(HttpRequest.newBuilder().DELETE(), "/jars/" + jarId);
          }
        },
        () -> {
          if (input != null) {
            try (Stream<Path> files = Files.walk(input)) {
              for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
              }
            }
          }
        },
        () -> LocalStack.dropSchema(RUN),
        () -> HTTP.send(HttpRequest.newBuilder(URI.create(LocalStack.ES + "/" + ALIAS + "-v1")).DELETE().build(),
            HttpResponse.BodyHandlers.discarding()),
        () -> HTTP.send(HttpRequest.newBuilder(URI.create(LocalStack.ES + "/_index_template/" + ALIAS))
            .DELETE().build(), HttpResponse.BodyHandlers.discarding()),
        () -> LocalStack.deleteTopics(List.of(TOPIC, DLQ)),
        () -> LocalStack.deleteTopicsIfPresent(List.of(RUN + ".links", RUN + ".models3d")));
    Exception first = null;
    for (CleanUp step : steps) {
      try {
        step.run();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @FunctionalInterface
  private interface CleanUp {
    void run() throws Exception;
  }

  @Test
  void ingestAndLandingRunOnTheClusterFromTheShadedJar() throws Exception {
    String ingest = runJob(List.of("ingest",
        "--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY, "--topic.normalized", TOPIC, "--topic.dlq", DLQ,
        "--transactional-id-prefix", RUN + "-ingest", "--checkpoint.interval", "1 s",
        "--parallelism", "2", input.toString()));
    awaitFinished(ingest);
    assertThat(CountsCommand.committedRecords(LocalStack.KAFKA, TOPIC)).isEqualTo(SAMPLE_DOCUMENTS);
    assertThat(CountsCommand.committedRecords(LocalStack.KAFKA, DLQ)).isZero();

    String landing = runJob(List.of("land", "--bounded",
        "--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY, "--topic.normalized", TOPIC, "--topic.dlq", DLQ,
        "--group-id", RUN + "-landing",
        // a links topic of the test's own: the shared patents.links may hold other runs' links
        "--topic.links", RUN + ".links", "--topic.models3d", RUN + ".models3d",
        "--es.url", LocalStack.ES, "--es.alias", ALIAS,
        "--pg.url", LocalStack.pgUrlInSchema(RUN), "--pg.user", LocalStack.PG_USER,
        "--pg.password", LocalStack.PG_PASSWORD,
        "--checkpoint.interval", "1 s", "--parallelism", "2"));
    awaitFinished(landing);
    assertThat(LocalStack.esCount(ALIAS)).isEqualTo(SAMPLE_DOCUMENTS);
    assertThat(patentRows()).isEqualTo(SAMPLE_DOCUMENTS);
    assertThat(CountsCommand.committedRecords(LocalStack.KAFKA, DLQ)).isZero();
  }

  /**
   * An upgrade: stop with a savepoint, then start a changed build from it: a different jar (this
   * build's plus {@link io.patent2tech.jobs.upgrade.NextBuildIngest}, its entry class: no chaining,
   * a new stateful step) at another parallelism (1 -> 2). Every operator has a stable uid, so the
   * state comes back: the documents read before the stop are not published again, a file dropped
   * while the job was stopped is.
   */
  @Test
  void aJobStoppedWithASavepointResumesFromItInAChangedBuild() throws Exception {
    Path watched = Files.createTempDirectory("p2t-cluster-sp-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    String topic = RUN + ".sp.normalized";
    String dlq = RUN + ".sp.dlq";
    String job = null;
    String nextBuildJarId = null;
    try {
      readable(Files.copy(Path.of(System.getProperty("p2t.repo"), "samples", "uspto", "ipg-ipa-sample.zip"),
          watched.resolve("ipg-ipa-sample.zip")));
      List<String> args = List.of("--watch", "--watch-interval", "1 s",
          "--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY, "--topic.normalized", topic, "--topic.dlq", dlq,
          "--transactional-id-prefix", RUN + "-sp", "--checkpoint.interval", "1 s",
          // what the dedupe remembers must come from the savepoint, not from the topic
          "--dedupe-from-topic", "false");
      job = runJob(jarId, ENTRY_CLASS, concat(List.of("ingest"), concat(args, List.of("--parallelism", "1",
          watched.toString()))));
      awaitRecords(topic, SAMPLE_DOCUMENTS);

      String savepoint = stopWithSavepoint(job);
      job = null;
      readable(Files.copy(Path.of(System.getProperty("p2t.fixtures"), "uspto", "grant",
          "grant_us11646472b2_17248024.xml"), watched.resolve("dropped-while-stopped.xml")));
      Path nextBuild = nextBuildJar();
      try {
        nextBuildJarId = upload(nextBuild);
      } finally {
        Files.delete(nextBuild);
      }
      job = runJob(nextBuildJarId, NextBuildIngest.class.getName(),
          concat(args, List.of("--parallelism", "2", "--restore.from", savepoint, watched.toString())));
      assertThat(get("/jobs/" + job + "/plan").body()).as("the changed build's graph")
          .contains("published-per-office");
      awaitRecords(topic, SAMPLE_DOCUMENTS + 1);
      Thread.sleep(3_000); // more directory listings: nothing read before the stop comes again
      assertThat(CountsCommand.committedRecords(LocalStack.KAFKA, topic)).isEqualTo(SAMPLE_DOCUMENTS + 1);
    } finally {
      if (job != null) {
        send(HttpRequest.newBuilder().method("PATCH", HttpRequest.BodyPublishers.noBody()), "/jobs/" + job + "?mode=cancel");
      }
      if (nextBuildJarId != null) {
        send(HttpRequest.newBuilder().DELETE(), "/jars/" + nextBuildJarId);
      }
      try (Stream<Path> files = Files.walk(watched)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
      LocalStack.deleteTopics(List.of(topic, dlq));
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void readable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static void awaitRecords(String topic, long n) throws Exception {
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    while (CountsCommand.committedRecords(LocalStack.KAFKA, topic) < n) {
      assertThat(System.nanoTime()).as("%d records in %s within %s", n, topic, JOB_TIMEOUT).isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  /** POST /jobs/:id/stop, then the operation's result: the savepoint's location. */
  private static String stopWithSavepoint(String jobId) throws Exception {
    HttpResponse<String> stop = send(HttpRequest.newBuilder().header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"drain\": false}")), "/jobs/" + jobId + "/stop");
    assertThat(stop.statusCode()).as("stop: %s", stop.body()).isEqualTo(202);
    String request = JSON.readTree(stop.body()).get("request-id").asText();
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode answer = JSON.readTree(get("/jobs/" + jobId + "/savepoints/" + request).body());
      if (answer.path("status").path("id").asText().equals("COMPLETED")) {
        String location = answer.path("operation").path("location").asText("");
        assertThat(location).as("savepoint of %s: %s", jobId, answer).isNotBlank();
        return location;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no savepoint of " + jobId + " within " + JOB_TIMEOUT);
  }

  /** The newest shaded jar under target/: the one the package phase of this build produced. */
  private static Path shadedJobJar() throws IOException {
    Path target = Path.of(System.getProperty("basedir", "."), "target");
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().matches("patent2tech-jobs-.*-job\\.jar"))
          .max(Comparator.comparing(p -> p.toFile().lastModified()))
          .orElseThrow(() -> new IllegalStateException("no shaded job jar in " + target + "; run mvn package"));
    }
  }

  /** Runs the job jar's Main with these arguments. */
  private static String runJob(List<String> programArgs) throws Exception {
    return runJob(jarId, ENTRY_CLASS, programArgs);
  }

  /** Runs an entry class of an uploaded jar; the answer arrives once main has submitted the job. */
  private static String runJob(String jarId, String entryClass, List<String> programArgs) throws Exception {
    String body = JSON.writeValueAsString(Map.of("entryClass", entryClass, "programArgsList", programArgs));
    HttpResponse<String> run;
    try {
      run = send(HttpRequest.newBuilder()
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)), "/jars/" + jarId + "/run");
    } catch (IOException e) {
      // main runs inside the JobManager: a main that ends the JVM takes the JobManager with it
      throw new AssertionError("no answer from the JobManager while it ran main(" + programArgs.get(0)
          + "); see its log (scripts/stack logs flink)", e);
    }
    assertThat(run.statusCode()).as("run %s: %s", programArgs.get(0), run.body()).isEqualTo(200);
    return JSON.readTree(run.body()).get("jobid").asText();
  }

  private static void awaitFinished(String jobId) throws Exception {
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    String state = "";
    while (System.nanoTime() < deadline) {
      state = JSON.readTree(get("/jobs/" + jobId).body()).get("state").asText();
      switch (state) {
        case "FINISHED":
          return;
        case "FAILED":
        case "CANCELED":
          fail("job %s %s: %s", jobId, state, firstFailure(jobId));
          break;
        default:
          Thread.sleep(500);
      }
    }
    fail("job %s still %s after %s", jobId, state, JOB_TIMEOUT);
  }

  private static String firstFailure(String jobId) throws Exception {
    JsonNode entries = JSON.readTree(get("/jobs/" + jobId + "/exceptions").body())
        .path("exceptionHistory").path("entries");
    return entries.isEmpty() ? "no exception reported" : entries.get(0).path("stacktrace").asText();
  }

  private static long patentRows() throws Exception {
    try (Connection c = DriverManager.getConnection(LocalStack.pgUrlInSchema(RUN), LocalStack.PG_USER,
            LocalStack.PG_PASSWORD);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from patents")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder().GET(), path);
    assertThat(response.statusCode()).as("GET %s%s: %s", FLINK, path, response.body()).isEqualTo(200);
    return response;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request, String path) throws Exception {
    return HTTP.send(request.uri(URI.create(FLINK + path)).timeout(Duration.ofMinutes(2)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** POST /jars/upload takes the jar as the multipart/form-data field "jarfile". */
  private static HttpRequest.Builder multipartUpload(Path jar) throws IOException {
    String boundary = "p2t-" + UUID.randomUUID();
    String head = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
        + "Content-Type: application/x-java-archive\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    return HttpRequest.newBuilder()
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(
            HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
            HttpRequest.BodyPublishers.ofFile(jar),
            HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8)));
  }
}
