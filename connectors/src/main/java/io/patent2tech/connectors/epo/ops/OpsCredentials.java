package io.patent2tech.connectors.epo.ops;

import io.patent2tech.connectors.collect.CollectionFailedException;
import io.patent2tech.connectors.collect.http.CredentialSource;
import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;

/**
 * Where the OPS consumer key and secret come from: two {@link CredentialSource}s (environment
 * variables, properties of one file, or values), resolved in the task that calls OPS, so that the
 * secret never travels in a job graph, a command line or a log. Serializable: what is serialized is
 * only where to look (variable names, a file path). {@code toString()} never shows a secret.
 */
public final class OpsCredentials implements Serializable {

  private static final long serialVersionUID = 2L;

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

  private final CredentialSource key;
  private final CredentialSource secret;

  private OpsCredentials(CredentialSource key, CredentialSource secret) {
    this.key = Objects.requireNonNull(key, "key");
    this.secret = Objects.requireNonNull(secret, "secret");
  }

  /** The key and the secret from these sources. */
  public static OpsCredentials of(CredentialSource key, CredentialSource secret) {
    return new OpsCredentials(key, secret);
  }

  /**
   * Reads the key and secret now.
   *
   * @throws IOException ({@link CollectionFailedException}) when either is missing or empty; the
   *     message names where it was looked for, never a value
   */
  public Key get() throws IOException {
    try {
      return new Key(key.resolve(), secret.resolve());
    } catch (CollectionFailedException e) {
      throw new CollectionFailedException("EPO OPS credentials missing: " + e.getMessage());
    }
  }

  /** From {@code EPO_OPS_KEY} and {@code EPO_OPS_SECRET}. */
  public static OpsCredentials fromEnvironment() {
    return fromEnvironment(ENV_KEY, ENV_SECRET);
  }

  /** From the named environment variables. */
  public static OpsCredentials fromEnvironment(String keyVariable, String secretVariable) {
    return of(CredentialSource.environment(keyVariable), CredentialSource.environment(secretVariable));
  }

  /**
   * From a Java properties file with {@code key} and {@code secret} (or {@code EPO_OPS_KEY} and
   * {@code EPO_OPS_SECRET}); only the path is kept.
   */
  public static OpsCredentials fromFile(String path) {
    return of(CredentialSource.property(path, "key", ENV_KEY), CredentialSource.property(path, "secret", ENV_SECRET));
  }

  /**
   * Fixed values, for tests and embedding: unlike the other sources this one carries the secret
   * when serialized, so jobs should use {@link #fromEnvironment()} or {@link #fromFile(String)}.
   */
  public static OpsCredentials of(String key, String secret) {
    new Key(key, secret); // refuse empty values now, not at the first request
    return of(CredentialSource.value(key), CredentialSource.value(secret));
  }

  @Override
  public String toString() {
    return "OpsCredentials(key from " + key + ", secret from " + secret + ")";
  }
}
