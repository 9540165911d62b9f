package io.patent2tech.jobs;

import java.io.PrintStream;
import java.util.List;

import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.RetainedCheckpoints;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;

/** {@code checkpoints}: the checkpoints jobs left in the checkpoint directory, newest first, to resume from. */
public final class CheckpointsCommand {

  public static final List<Setting> SETTINGS = List.of(CommonSettings.CHECKPOINT_DIR);

  public static final String USAGE = "checkpoints [options]\n"
      + "  Lists the checkpoints kept in --checkpoint.dir (jobs keep their last one when cancelled or\n"
      + "  failed), newest first; start a job from one with --restore.from PATH, or --restore.from latest.\n";

  private CheckpointsCommand() {}

  public static void run(Settings s, PrintStream out) {
    String dir = s.get(CommonSettings.CHECKPOINT_DIR.key());
    if (dir == null || dir.isBlank()) {
      throw new Main.UsageException("checkpoints needs --checkpoint.dir (or P2T_CHECKPOINT_DIR)", null);
    }
    List<RetainedCheckpoints.Checkpoint> all = RetainedCheckpoints.list(dir);
    if (all.isEmpty()) {
      out.printf("no retained checkpoint in %s%n", dir);
      return;
    }
    out.printf("%-25s %-34s %6s %10s  %s%n", "time", "job", "number", "bytes", "path (--restore.from)");
    for (RetainedCheckpoints.Checkpoint c : all) {
      out.printf("%-25s %-34s %6d %10d  %s%n", c.time(), c.jobId(), c.number(), c.bytes(), c.path().toUri());
    }
  }
}
