package io.patent2tech.connectors.collect.http;

import io.patent2tech.connectors.collect.CollectionFailedException;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/**
 * Where an office credential (API key, service key, consumer secret) comes from: an environment
 * variable, a file, or a property of a Java properties file, read in the task that uses it. Only the <em>source</em> travels in the job graph and in settings
 * dumps, never the value, and a credential never has to be passed on a command line (where {@code
 * ps} and shell histories would show it). {@link #toString()} names the source only.
 */
public final class CredentialSource implements Serializable {

  private static final long serialVersionUID = 1L;

  private enum Kind { ENVIRONMENT, FILE, PROPERTY, VALUE }

  private final Kind kind;
  private final String location;
  /** Only for {@link #value}: the credential itself. */
  private final String value;
  /** Only for {@link #property}: the property names, the first present one wins. */
  private final String[] names;

  private CredentialSource(Kind kind, String location, String value) {
    this(kind, location, value, null);
  }

  private CredentialSource(Kind kind, String location, String value, String[] names) {
    this.kind = kind;
    this.location = location;
    this.value = value;
    this.names = names;
  }

  /** The credential in environment variable {@code name}, e.g. {@code USPTO_API_KEY}. */
  public static CredentialSource environment(String name) {
    return new CredentialSource(Kind.ENVIRONMENT, Objects.requireNonNull(name, "name"), null);
  }

  /** The credential in a file (first line, trimmed): e.g. a mounted Kubernetes secret. */
  public static CredentialSource file(String path) {
    return new CredentialSource(Kind.FILE, Objects.requireNonNull(path, "path"), null);
  }

  /**
   * The credential in a Java properties file ({@code key=...} lines), under the first of {@code
   * names} that the file has: e.g. the EPO OPS key and secret kept side by side in one file.
   */
  public static CredentialSource property(String path, String... names) {
    Objects.requireNonNull(path, "path");
    if (names.length == 0) {
      throw new IllegalArgumentException("no property name");
    }
    return new CredentialSource(Kind.PROPERTY, path, null, names.clone());
  }

  /**
   * A credential given as a value, for tests and embedding programs; it is serialized with the
   * factory, so jobs use {@link #environment} or {@link #file} instead.
   */
  public static CredentialSource value(String credential) {
    return new CredentialSource(Kind.VALUE, "value", Objects.requireNonNull(credential, "credential"));
  }

  /** No credential (an API that needs none, such as the BDSS listing). */
  public static CredentialSource none() {
    return new CredentialSource(Kind.VALUE, "none", "");
  }

  /**
   * The credential, read now.
   *
   * @throws CollectionFailedException when it is missing or empty: the run cannot start
   */
  public String resolve() throws CollectionFailedException {
    String credential;
    switch (kind) {
      case ENVIRONMENT -> credential = System.getenv(location);
      case FILE -> credential = readFile().lines().findFirst().orElse("");
      case PROPERTY -> {
        Properties properties = new Properties();
        try {
          properties.load(new StringReader(readFile()));
        } catch (IOException | IllegalArgumentException e) {
          throw new CollectionFailedException("cannot read credential file " + location + ": "
              + e.getClass().getSimpleName());
        }
        credential = null;
        for (String name : names) {
          credential = credential != null ? credential : properties.getProperty(name);
        }
      }
      default -> credential = value;
    }
    credential = credential == null ? "" : credential.strip();
    if (credential.isEmpty() && !"none".equals(location)) {
      throw new CollectionFailedException("no credential in " + this);
    }
    return credential;
  }

  private String readFile() throws CollectionFailedException {
    try {
      return Files.readString(Path.of(location), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CollectionFailedException("credential file " + location + " not found");
    } catch (IOException e) {
      // the exception names the path only, never file content
      throw new CollectionFailedException("cannot read credential file " + location + ": "
          + e.getClass().getSimpleName());
    }
  }

  @Override
  public String toString() {
    return switch (kind) {
      case ENVIRONMENT -> "environment variable " + location;
      case FILE -> "file " + location;
      case PROPERTY -> "property " + String.join(" or ", names) + " of file " + location;
      default -> "none".equals(location) ? "no credential" : "credential given as a value";
    };
  }
}
