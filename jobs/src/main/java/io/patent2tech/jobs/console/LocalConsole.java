package io.patent2tech.jobs.console;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.ingest.IngestJob;

/**
 * The console of {@code scripts/run}: before a job command (or load-legal-corpus) runs, prints
 * where its full log goes, and has the job's local MiniCluster report its operator counters to a
 * {@link JobConsole}, which prints the progress and stage lines. The other commands print what
 * they print anyway. Read from system properties that scripts/run sets:
 *
 * <ul>
 *   <li>{@code p2t.log.file}: the file the log4j configuration writes the full log to; none with
 *       --verbose (the log on the console), for parse and drill (their log on stderr)
 *   <li>{@code p2t.console.terminal}: whether standard output is a terminal (one progress line
 *       rewritten in place); by default, whether the JVM has a console
 *   <li>{@code p2t.console.interval}: seconds between progress lines when it is not [10]
 * </ul>
 */
public final class LocalConsole {

  public static final String LOG_FILE = "p2t.log.file";
  public static final String TERMINAL = "p2t.console.terminal";
  public static final String INTERVAL = "p2t.console.interval";

  private static final ConfigOption<String> REPORTER = ConfigOptions
      .key("metrics.reporter." + OperatorMetricsReporter.NAME + ".factory.class")
      .stringType().noDefaultValue();

  private final PrintStream out;
  private final String logFile;
  private final boolean terminal;
  private final Duration interval;

  LocalConsole(PrintStream out, String logFile, boolean terminal, Duration interval) {
    this.out = out;
    this.logFile = logFile;
    this.terminal = terminal;
    this.interval = interval;
  }

  public static LocalConsole fromSystemProperties(PrintStream out) {
    String terminal = System.getProperty(TERMINAL);
    return new LocalConsole(out, System.getProperty(LOG_FILE),
        terminal == null ? System.console() != null : Boolean.parseBoolean(terminal),
        Duration.ofSeconds(Long.getLong(INTERVAL, 10)));
  }

  /** Called by {@code Main} once {@code command}'s options are read, before it runs. */
  public void before(String command, Settings settings) {
    Optional<StageLine> stageLine = StageLines.of(command);
    // not before what counts, checkpoints and drill print: scripts read that
    if (logFile != null && (stageLine.isPresent() || command.equals("load-legal-corpus"))) {
      out.println(command + ": full log in " + logFile);
    }
    stageLine.ifPresent(line -> {
      Long files = command.equals("ingest") && !settings.getBoolean(IngestJob.WATCH.key())
          ? countFiles(settings.positional())
          : null;
      ConsoleEnvironment.install(new JobConsole(line, files, out, terminal, interval));
    });
  }

  /**
   * The files a bounded ingest over {@code inputs} reads: those given, and every file below the
   * directories given, except the names Flink's file source skips (starting with . or _).
   */
  static long countFiles(List<String> inputs) {
    long n = 0;
    for (String input : inputs) {
      Path root = Path.of(input);
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> paths = Files.walk(root)) {
        n += paths.filter(Files::isRegularFile)
            .filter(p -> root.relativize(p).toString().isEmpty() || visible(root.relativize(p)))
            .count();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return n;
  }

  private static boolean visible(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.startsWith("_")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The environment the jobs get from {@code StreamExecutionEnvironment.getExecutionEnvironment}
   * in this JVM: what Flink's LocalStreamEnvironment is (a MiniCluster per job, attached), with
   * the counters reporter configured and the console listening. Flink lets a program replace that
   * environment only through its protected context-environment hook, hence the subclass.
   */
  private static final class ConsoleEnvironment extends StreamExecutionEnvironment {

    private ConsoleEnvironment(Configuration configuration, JobConsole console) {
      super(configuration);
      registerJobListener(console);
    }

    static void install(JobConsole console) {
      initializeContextEnvironment(configuration -> {
        Configuration local = new Configuration(configuration);
        local.set(DeploymentOptions.TARGET, "local");
        local.set(DeploymentOptions.ATTACHED, true);
        if (!local.contains(CoreOptions.DEFAULT_PARALLELISM)) {
          local.set(CoreOptions.DEFAULT_PARALLELISM, Runtime.getRuntime().availableProcessors());
        }
        local.set(REPORTER, OperatorMetricsReporter.Factory.class.getName());
        return new ConsoleEnvironment(local, console);
      });
    }
  }
}
