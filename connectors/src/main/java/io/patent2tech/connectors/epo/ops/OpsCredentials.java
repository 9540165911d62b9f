package io.patent2tech.connectors.epo.ops;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the OPS consumer key and secret come from, resolved in the task that calls OPS, so that
 * the secret never travels in a job graph, a command line or a log. Serializable: what is
 * serialized is only where to look (variable names, a file path). {@code toString()} never shows
 * a secret.
 */
public abstract class OpsCredentials implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Environment variable holding the consumer key. */
  public static final String ENV_KEY = "EPO_OPS_KEY";
  /** Environment variable holding the consumer secret. */
  public static final String ENV_SECRET = "EPO_OPS_SECRET";

  /** A resolved key and secret; its {@code toString()} hides both. */
  public record Key(String key, String secret) {
    public Key {
      if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
        throw new IllegalArgumentException("EPO OPS key and secret must not be empty");
      }
    }

    @Override
    public String toString() {
      return "Key[***]";
    }
  }

  /** Reads the key and secret now. */
  public abstract Key get() throws IOException;

  /** From {@code EPO_OPS_KEY} and {@code EPO_OPS_SECRET}. */
  public static OpsCredentials fromEnvironment() {
    return fromEnvironment(ENV_KEY, ENV_SECRET);
  }

  /** From the named environment variables. */
  public static OpsCredentials fromEnvironment(String keyVariable, String secretVariable) {
    return new FromEnvironment(keyVariable, secretVariable);
  }

  /**
   * From a Java properties file with {@code key} and {@code secret} (or {@code EPO_OPS_KEY} and
   * {@code EPO_OPS_SECRET}); only the path is kept.
   */
  public static OpsCredentials fromFile(String path) {
    return new FromFile(path);
  }

  /**
   * Fixed values, for tests and embedding: unlike the other sources this one carries the secret
   * when serialized, so jobs should use {@link #fromEnvironment()} or {@link #fromFile(String)}.
   */
  public static OpsCredentials of(String key, String secret) {
    return new Fixed(new Key(key, secret));
  }

  private static final class FromEnvironment extends OpsCredentials {
    private static final long serialVersionUID = 1L;
    private final String keyVariable;
    private final String secretVariable;

    FromEnvironment(String keyVariable, String secretVariable) {
      this.keyVariable = keyVariable;
      this.secretVariable = secretVariable;
    }

    @Override
    public Key get() throws IOException {
      String key = System.getenv(keyVariable);
      String secret = System.getenv(secretVariable);
      if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
        throw new IOException("EPO OPS credentials missing: set the environment variables "
            + keyVariable + " and " + secretVariable);
      }
      return new Key(key.strip(), secret.strip());
    }

    @Override
    public String toString() {
      return "OpsCredentials(env " + keyVariable + ", " + secretVariable + ")";
    }
  }

  private static final class FromFile extends OpsCredentials {
    private static final long serialVersionUID = 1L;
    private final String path;

    FromFile(String path) {
      this.path = path;
    }

    @Override
    public Key get() throws IOException {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (NoSuchFileException e) {
        throw new IOException("EPO OPS credentials file not found: " + path);
      }
      String key = p.getProperty("key", p.getProperty(ENV_KEY));
      String secret = p.getProperty("secret", p.getProperty(ENV_SECRET));
      if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
        throw new IOException("EPO OPS credentials file " + path + " needs the properties key and secret");
      }
      return new Key(key.strip(), secret.strip());
    }

    @Override
    public String toString() {
      return "OpsCredentials(file " + path + ")";
    }
  }

  private static final class Fixed extends OpsCredentials {
    private static final long serialVersionUID = 1L;
    private final Key key;

    Fixed(Key key) {
      this.key = key;
    }

    @Override
    public Key get() {
      return key;
    }

    @Override
    public String toString() {
      return "OpsCredentials(fixed ***)";
    }
  }
}
