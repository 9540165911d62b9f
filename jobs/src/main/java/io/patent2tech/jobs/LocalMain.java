package io.patent2tech.jobs;

import io.patent2tech.jobs.console.LocalConsole;

/**
 * Launcher for a plain JVM (scripts/run, scripts/parse): runs {@link Main} and exits with its
 * status - 2 for a usage error, 1 when {@code parse} rejected documents. A job command runs on a
 * local MiniCluster and prints progress and stage lines ({@link LocalConsole}) while its log goes
 * where the log4j configuration sends it. Never use it on a Flink cluster, where exiting would stop
 * the JobManager.
 */
public final class LocalMain {

  private LocalMain() {}

  public static void main(String[] args) throws Exception {
    int status;
    try {
      status = Main.run(args, LocalConsole.fromSystemProperties(System.out)::before);
    } catch (Main.UsageException e) {
      System.err.println(e.getMessage());
      status = 2;
    }
    System.exit(status);
  }
}
