package io.patent2tech.jobs;

/**
 * Launcher for a plain JVM (scripts/run, scripts/parse): runs {@link Main} and exits with its
 * status - 2 for a usage error, 1 when {@code parse} rejected documents. Never use it on a Flink
 * cluster, where exiting would stop the JobManager.
 */
public final class LocalMain {

  private LocalMain() {}

  public static void main(String[] args) throws Exception {
    int status;
    try {
      status = Main.run(args);
    } catch (Main.UsageException e) {
      System.err.println(e.getMessage());
      status = 2;
    }
    System.exit(status);
  }
}
