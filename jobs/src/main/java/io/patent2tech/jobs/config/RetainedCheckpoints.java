package io.patent2tech.jobs.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checkpoints jobs left in a checkpoint directory ({@code <dir>/<job id>/chk-<n>/_metadata}, kept
 * when a job is cancelled or fails), for {@code --restore.from latest} and the {@code checkpoints}
 * command. Local file systems ({@code /path} or {@code file://}) only: for object storage give the
 * checkpoint's path itself.
 */
public final class RetainedCheckpoints {

  /** One retained checkpoint: its directory (what a job restores from), job id, number and time. */
  public record Checkpoint(Path path, String jobId, long number, Instant time, long bytes) {}

  private RetainedCheckpoints() {}

  /** Every complete checkpoint under {@code checkpointDir}, newest first. */
  public static List<Checkpoint> list(String checkpointDir) {
    Path dir = localPath(checkpointDir);
    List<Checkpoint> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> jobs = Files.list(dir)) {
      for (Path job : jobs.filter(Files::isDirectory).toList()) {
        try (Stream<Path> checkpoints = Files.list(job)) {
          for (Path chk : checkpoints.filter(p -> p.getFileName().toString().matches("chk-\\d+")).toList()) {
            Path metadata = chk.resolve("_metadata");
            if (Files.isRegularFile(metadata)) {
              out.add(new Checkpoint(chk, job.getFileName().toString(),
                  Long.parseLong(chk.getFileName().toString().substring(4)),
                  Files.getLastModifiedTime(metadata).toInstant(), size(chk)));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
    }
    out.sort(Comparator.comparing(Checkpoint::time).thenComparing(Checkpoint::number).reversed());
    return out;
  }

  /** The path to restore from: {@code latest} (the newest checkpoint under {@code checkpointDir}) or a path as given. */
  static String resolve(String restoreFrom, String checkpointDir) {
    if (!"latest".equalsIgnoreCase(restoreFrom.strip())) {
      return restoreFrom.strip();
    }
    if (checkpointDir == null || checkpointDir.isBlank()) {
      throw new IllegalArgumentException("--restore.from latest looks in --checkpoint.dir, which is not set");
    }
    List<Checkpoint> all = list(checkpointDir);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("--restore.from latest: no retained checkpoint in " + checkpointDir);
    }
    return all.get(0).path().toUri().toString();
  }

  private static Path localPath(String dir) {
    if (dir.startsWith("file:")) {
      return Path.of(URI.create(dir));
    }
    if (dir.contains("://")) {
      throw new IllegalArgumentException("retained checkpoints can only be looked up on a local file system, not in "
          + dir + "; give the checkpoint's path to --restore.from");
    }
    return Path.of(dir);
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
