package io.patent2tech.connectors.epo;

import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.connectors.epo.ops.OpsCredentials;
import io.patent2tech.connectors.epo.ops.OpsSettings;
import java.util.Objects;

/**
 * Creates {@link EpoOpsCollector}s in the task that uses them. Serializable: it carries the
 * settings (base URL, limits, default filter) and where the credentials are read from ({@link
 * OpsCredentials#fromEnvironment()} or {@link OpsCredentials#fromFile(String)}), never the
 * credentials themselves; {@link #toString()} shows no secret.
 */
public final class EpoOpsCollectorFactory implements OfficeCollector.Factory {

  private static final long serialVersionUID = 1L;

  private final OpsSettings settings;
  private final OpsCredentials credentials;

  public EpoOpsCollectorFactory(OpsSettings settings, OpsCredentials credentials) {
    this.settings = Objects.requireNonNull(settings, "settings").copy();
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  /** Default settings, credentials from {@code EPO_OPS_KEY} / {@code EPO_OPS_SECRET}. */
  public static EpoOpsCollectorFactory fromEnvironment() {
    return new EpoOpsCollectorFactory(OpsSettings.defaults(), OpsCredentials.fromEnvironment());
  }

  public OpsSettings settings() {
    return settings.copy();
  }

  @Override
  public String office() {
    return EpoWindowCursor.OFFICE;
  }

  @Override
  public OfficeCollector create() {
    return new EpoOpsCollector(settings, credentials);
  }

  @Override
  public String toString() {
    return "EpoOpsCollectorFactory{" + settings + ", " + credentials + '}';
  }
}
