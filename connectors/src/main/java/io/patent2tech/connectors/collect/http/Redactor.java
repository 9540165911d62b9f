package io.patent2tech.connectors.collect.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces a credential with {@code ***} in text that leaves the collector: log lines, exception
 * messages, {@code FetchedDocument.request}. A key can appear raw, percent-encoded (in a query
 * string) or decoded (in a server's echo of the request), so all three forms are replaced.
 */
public final class Redactor {

  public static final String MASK = "***";

  private final List<String> forms = new ArrayList<>();

  public Redactor(String... secrets) {
    for (String secret : secrets) {
      if (secret == null || secret.isEmpty()) {
        continue;
      }
      add(secret);
      add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
      try {
        add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException notEncoded) {
        // a key with a stray % is not an encoded form of anything
      }
    }
    forms.sort(Comparator.comparingInt(String::length).reversed());
  }

  private void add(String form) {
    if (!form.isEmpty() && !forms.contains(form)) {
      forms.add(form);
    }
  }

  /** {@code text} with every form of every secret masked; null stays null. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String form : forms) {
      out = out.replace(form, MASK);
    }
    return out;
  }
}
