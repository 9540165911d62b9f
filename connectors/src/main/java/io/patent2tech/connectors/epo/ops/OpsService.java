package io.patent2tech.connectors.epo.ops;

import java.util.Locale;

/**
 * The OPS service groups that {@code X-Throttling-Control} announces an allowance for; every
 * request counts against exactly one of them.
 */
public enum OpsService {
  SEARCH,
  RETRIEVAL,
  INPADOC,
  IMAGES,
  OTHER;

  /** The name used in the throttling header, e.g. {@code search}. */
  public String headerName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The service of a header name, or null for a name this client does not know. */
  public static OpsService fromHeaderName(String name) {
    for (OpsService s : values()) {
      if (s.headerName().equalsIgnoreCase(name.strip())) {
        return s;
      }
    }
    return null;
  }
}
