package io.patent2tech.connectors.epo.ops;

import java.nio.charset.StandardCharsets;

/**
 * An OPS answer the caller has to look at: 2xx, or 404 (OPS says "no results" and "no such
 * constituent" with a 404, not with an empty document). {@code request} is the request line
 * without credentials, e.g. {@code GET /3.2/rest-services/published-data/search?q=...}.
 */
public record OpsResponse(int status, byte[] body, String request) {

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  public boolean notFound() {
    return status == 404;
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
