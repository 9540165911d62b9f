package io.patent2tech.connectors.uspto.download;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists the data files of a USPTO bulk product for a date range; implemented for the Open Data
 * Portal datasets API and the older BDSS API, which list the same weekly files with different
 * field names. Only data files are listed: DTDs and other documentation files are left out.
 */
public interface BulkProductsClient {

  /** The data files of {@code product} whose data dates touch {@code from} .. {@code to}. */
  List<ProductFile> list(String product, LocalDate from, LocalDate to)
      throws IOException, InterruptedException;

  /** Headers a download of a listed file needs (the API key for ODP). */
  Map<String, String> downloadHeaders();

  /** Names of {@link #downloadHeaders()} not to send to another host after a redirect. */
  Set<String> credentialHeaders();
}
