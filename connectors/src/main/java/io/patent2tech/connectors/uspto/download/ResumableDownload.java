package io.patent2tech.connectors.uspto.download;

import io.patent2tech.connectors.collect.CollectionFailedException;
import io.patent2tech.connectors.collect.http.OfficeHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a listed bulk file into the download directory so that a weekly file of 100+ MB
 * survives a dropped connection or a restarted task: bytes go to {@code name.part}, an interrupted
 * transfer continues with {@code Range: bytes=N-} (a 206 appends, a 200 means the server starts
 * over), and only a file whose size (and checksum, when listed) matches the listing is renamed to
 * its final name. So a partial file is never handed to the parser, and a complete file already in
 * the directory is not downloaded again.
 */
public final class ResumableDownload {

  private static final Logger LOG = LoggerFactory.getLogger(ResumableDownload.class);

  static final String PART_SUFFIX = ".part";
  private static final int BUFFER_BYTES = 64 << 10;

  private final OfficeHttp http;
  private final Path directory;

  public ResumableDownload(OfficeHttp http, Path directory) {
    this.http = Objects.requireNonNull(http, "http");
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * The complete file, downloading (or resuming) it first when needed.
   *
   * @param headers request headers (the API key), {@code credentialHeaders} of them only for the
   *     listing's host
   * @throws CollectionFailedException when attempts are spent, or the downloaded size or checksum
   *     does not match the listing (the partial file is then removed)
   */
  public Path fetch(ProductFile file, Map<String, String> headers, Set<String> credentialHeaders)
      throws IOException, InterruptedException {
    String name = safeName(file.name());
    Files.createDirectories(directory);
    Path target = directory.resolve(name);
    Path part = directory.resolve(name + PART_SUFFIX);
    if (Files.isRegularFile(target)) {
      if (file.size() < 0 || Files.size(target) == file.size()) {
        LOG.info("{} is already downloaded ({} bytes)", target, Files.size(target));
        return target;
      }
      LOG.warn("{} has {} bytes, the listing says {}: downloading it again", target,
          Files.size(target), file.size());
      Files.delete(target);
    }
    for (int attempt = 1; ; attempt++) {
      long have = Files.isRegularFile(part) ? Files.size(part) : 0;
      if (file.size() >= 0 && have > file.size()) {
        Files.delete(part);
        have = 0;
      }
      Optional<String> failure = file.size() >= 0 && have == file.size() ? Optional.empty()
          : transfer(file, part, have, headers, credentialHeaders);
      if (failure.isEmpty()) {
        verify(file, part);
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Downloaded {} ({} bytes)", target, Files.size(target));
        return target;
      }
      if (attempt >= http.settings().maxAttempts()) {
        throw new CollectionFailedException("download of " + name + " failed after " + attempt
            + " attempt(s): " + failure.get() + " (" + (Files.isRegularFile(part) ? Files.size(part) : 0)
            + " bytes kept in " + part.getFileName() + " for the next run)");
      }
      http.pause(file.uri(), failure.get(), attempt, http.backoff(attempt));
    }
  }

  /**
   * One request for the bytes from {@code have} on; empty when the body arrived in full, else why
   * not (a retryable status or a broken transfer: what arrived stays in the part file).
   */
  private Optional<String> transfer(ProductFile file, Path part, long have, Map<String, String> headers,
      Set<String> credentialHeaders) throws IOException, InterruptedException {
    Map<String, String> request = new LinkedHashMap<>(headers);
    if (have > 0) {
      request.put("Range", "bytes=" + have + "-");
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(file.uri(), request, credentialHeaders, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      return Optional.of(http.redact(e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
    int status = response.statusCode();
    try (InputStream body = response.body()) {
      boolean append;
      if (status == 206 && have > 0 && rangeStart(response) == have) {
        append = true;
      } else if (status == 200 || status == 206 && have == 0) {
        append = false;
        if (have > 0) {
          LOG.info("{} sent the whole of {} again: starting over", http.describe(file.uri()), file.name());
        }
      } else if (status == 206) {
        Files.deleteIfExists(part); // a range other than the one asked for: start over
        return Optional.of("HTTP 206 for another range than bytes=" + have + "-");
      } else if (status == 416 && have > 0) {
        // nothing after byte `have`: the part is as long as the server's file; verify decides
        return Optional.empty();
      } else if (OfficeHttp.isRetryable(status)) {
        return Optional.of("HTTP " + status);
      } else {
        throw new CollectionFailedException("download of " + file.name() + " from "
            + http.describe(file.uri()) + " answered HTTP " + status);
      }
      try (OutputStream out = append
          ? Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
          : Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        byte[] buffer = new byte[BUFFER_BYTES];
        for (int n; (n = body.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
          synchronized (http.stats()) {
            http.stats().bytes += n;
          }
        }
      } catch (IOException e) {
        return Optional.of("transfer broken after " + Files.size(part) + " bytes: "
            + http.redact(e.getClass().getSimpleName()));
      }
    }
    if (file.size() >= 0 && Files.size(part) < file.size()) {
      return Optional.of("transfer ended at " + Files.size(part) + " of " + file.size() + " bytes");
    }
    return Optional.empty();
  }

  /** Checks the part file against the listing; removes it when it does not match. */
  private void verify(ProductFile file, Path part) throws IOException {
    long size = Files.size(part);
    String problem = null;
    if (file.size() >= 0 && size != file.size()) {
      problem = "size " + size + " bytes, the listing says " + file.size();
    } else if (file.checksum() != null) {
      String actual = checksum(part, file.checksum());
      if (!file.checksum().equalsIgnoreCase(actual)) {
        problem = "checksum " + actual + ", the listing says " + file.checksum();
      }
    }
    if (problem != null) {
      Files.deleteIfExists(part);
      throw new CollectionFailedException("download of " + file.name() + " is not what was listed: "
          + problem + "; not parsed, removed");
    }
  }

  /** The file's checksum in the {@code algorithm:hex} form of {@code like}. */
  static String checksum(Path file, String like) throws IOException {
    String algorithm = like.substring(0, Math.max(0, like.indexOf(':')));
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IOException("unknown checksum algorithm " + algorithm, e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[BUFFER_BYTES];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return algorithm + ":" + HexFormat.of().formatHex(digest.digest());
  }

  private static long rangeStart(HttpResponse<?> response) {
    // Content-Range: bytes 100-999/1000
    String range = response.headers().firstValue("Content-Range").orElse("");
    int space = range.indexOf(' ');
    int dash = range.indexOf('-');
    try {
      return space >= 0 && dash > space ? Long.parseLong(range.substring(space + 1, dash).strip()) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A listed name as a plain file name: a listing must not write outside the directory. */
  static String safeName(String name) throws CollectionFailedException {
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")
        || name.chars().anyMatch(c -> c < 0x20)) {
      throw new CollectionFailedException("refusing to download a file named '" + name + "'");
    }
    return name;
  }
}
