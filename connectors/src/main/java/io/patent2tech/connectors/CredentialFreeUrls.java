package io.patent2tech.connectors;

import java.util.regex.Pattern;

/**
 * Service URLs end up in log lines, exception messages and {@code toString}s, so they must not
 * carry credentials: a URL with {@code user:password@} is refused, and the refusal does not quote
 * it. Credentials have settings of their own (docs/security.md).
 */
public final class CredentialFreeUrls {

  /** {@code scheme://something@host}: user info before the host of any URL in the text. */
  private static final Pattern USER_INFO = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*@");

  private CredentialFreeUrls() {}

  /**
   * Refuses {@code url} (or any of a comma-separated list) when it holds user info.
   *
   * @param what the setting, for the message ("es.url")
   * @param instead the settings to use for the credentials ("es.username and es.password")
   */
  public static void require(String url, String what, String instead) {
    if (url == null) {
      return;
    }
    for (String one : url.split(",")) {
      if (USER_INFO.matcher(one.strip()).find()) {
        throw new IllegalArgumentException(what + " must not carry credentials (user:password@ before the host);"
            + " give them as " + instead);
      }
    }
  }
}
