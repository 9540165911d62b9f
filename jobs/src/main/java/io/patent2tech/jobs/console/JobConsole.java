package io.patent2tech.jobs.console;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.JobListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.patent2tech.jobs.ingest.ParseOfficeDocuments;

/**
 * Follows one local job on the console: while it runs, a progress line (rewritten in place on a
 * terminal every second; otherwise printed every {@code interval}, so a short job prints none),
 * and when it ended its {@link StageLine}. The lines also go to the log, so the log file tells the
 * same story next to Flink's own messages.
 */
final class JobConsole implements JobListener {

  private static final Logger LOG = LoggerFactory.getLogger(JobConsole.class);
  /** Back to the start of the line, and erase it. */
  private static final String REWRITE = "\r\033[K";

  private final StageLine stageLine;
  private final Long totalFiles;
  private final PrintStream out;
  private final boolean terminal;
  private final Duration interval;
  private final AtomicBoolean ended = new AtomicBoolean();

  private volatile String jobId;
  private volatile long startMillis;
  private ScheduledExecutorService ticker;
  private Thread onExit;
  private boolean lineOpen;

  /**
   * @param totalFiles the files a bounded ingest reads; null when unknown
   * @param terminal whether {@code out} is a terminal, where one progress line is rewritten
   * @param interval between progress lines when not on a terminal
   */
  JobConsole(StageLine stageLine, Long totalFiles, PrintStream out, boolean terminal, Duration interval) {
    this.stageLine = stageLine;
    this.totalFiles = totalFiles;
    this.out = out;
    this.terminal = terminal;
    this.interval = interval;
  }

  @Override
  public void onJobSubmitted(JobClient client, Throwable failure) {
    if (client == null || failure != null) {
      return;
    }
    jobId = client.getJobID().toHexString();
    startMillis = System.currentTimeMillis();
    LOG.info("{}: job {} submitted", stageLine.stage(), jobId);
    Progress progress = new Progress(stageLine.stage(), stageLine.unit(), totalFiles, startMillis);
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "p2t-console");
      t.setDaemon(true);
      return t;
    });
    long every = terminal ? 1000 : interval.toMillis();
    ticker.scheduleAtFixedRate(() -> tick(client, progress), every, every, TimeUnit.MILLISECONDS);
    // Ctrl-C on a watching job: end the progress line and say what was done
    onExit = new Thread(() -> end("stopped"), "p2t-console-exit");
    Runtime.getRuntime().addShutdownHook(onExit);
  }

  @Override
  public void onJobExecuted(JobExecutionResult result, Throwable failure) {
    if (jobId == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs or has run
    }
    end(failure == null ? null : "failed");
    OperatorMetrics.forget(jobId);
  }

  private void tick(JobClient client, Progress progress) {
    try {
      JobCounts counts = OperatorMetrics.of(jobId);
      String line = progress.line(System.currentTimeMillis(), counts.sourceRecords(),
          counts.metric(ParseOfficeDocuments.FILES_READ), counts.pendingRecords());
      JobStatus status = client.getJobStatus().get(1, TimeUnit.SECONDS);
      if (status != JobStatus.RUNNING) {
        // restarts (a dependency down) are otherwise only in the log
        line += " [" + status.name().toLowerCase(Locale.ROOT) + ", see the log]";
      }
      synchronized (this) {
        if (ended.get()) {
          return;
        }
        if (terminal) {
          out.print(REWRITE + line);
          lineOpen = true;
        } else {
          out.println(line);
        }
        out.flush();
      }
      LOG.info(line);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      // the console must never take the job down; the next tick tries again
      LOG.debug("no progress line this time", e);
    }
  }

  /** Prints the stage line once; {@code how} says why the job ended when it did not finish. */
  private void end(String how) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    if (ticker != null) {
      ticker.shutdownNow();
    }
    JobCounts counts = OperatorMetrics.of(jobId);
    Duration took = Duration.ofMillis(System.currentTimeMillis() - startMillis);
    String line = stageLine.format(counts) + " (" + Progress.count(counts.sourceRecords()) + " "
        + stageLine.unit() + " in " + Progress.took(took) + (how == null ? "" : ", " + how) + ")";
    synchronized (this) {
      if (lineOpen) {
        out.print(REWRITE);
      }
      out.println(line);
      out.flush();
    }
    LOG.info(line);
  }
}
