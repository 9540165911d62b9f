package io.patent2tech.connectors.uspto.download;

import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.connectors.collect.http.CredentialSource;
import io.patent2tech.connectors.collect.http.OfficeHttp;
import io.patent2tech.connectors.uspto.RawDocument;
import io.patent2tech.connectors.uspto.UsptoDocumentSplitter;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the USPTO bulk collector, serialized into the job graph and turned into a {@link
 * UsptoBulkCollector} in the task. Holds where the API key comes from, never the key itself, so
 * {@link #toString()} is safe to log.
 */
public final class UsptoBulkCollectorFactory implements OfficeCollector.Factory {

  private static final long serialVersionUID = 1L;

  /** Which listing API to use. */
  public enum Api {
    /** Open Data Portal datasets API (api.uspto.gov), needs an API key. */
    ODP,
    /** The older bulkdata.uspto.gov BDSS API, no key. */
    BDSS
  }

  /** Environment variable the API key is read from by default. */
  public static final String API_KEY_ENV = "USPTO_API_KEY";

  /** Products collected when the window names none: grants and application publications. */
  public static final List<String> DEFAULT_PRODUCTS = List.of("PTGRXML", "APPXML");

  public final Api api;
  public final String baseUrl;
  public final CredentialSource apiKey;
  public final String downloadDir;
  public final List<String> products;
  public final int maxDocumentBytes;
  public final OfficeHttp.Settings http;

  /**
   * @param api ODP or BDSS
   * @param baseUrl ODP root (e.g. https://api.uspto.gov) or BDSS root (e.g.
   *     https://bulkdata.uspto.gov/BDSS-API)
   * @param apiKey where the ODP key comes from ({@link CredentialSource#none()} for BDSS)
   * @param downloadDir directory the bulk files are downloaded to (and kept in)
   * @param products product identifiers, e.g. PTGRXML, APPXML
   * @param maxDocumentBytes documents larger than this are dead-lettered, not parsed
   */
  public UsptoBulkCollectorFactory(Api api, String baseUrl, CredentialSource apiKey, String downloadDir,
      List<String> products, int maxDocumentBytes, OfficeHttp.Settings http) {
    this.api = Objects.requireNonNull(api, "api");
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.downloadDir = Objects.requireNonNull(downloadDir, "downloadDir");
    if (products == null || products.isEmpty()) {
      throw new IllegalArgumentException("at least one product is needed");
    }
    this.products = List.copyOf(products);
    if (maxDocumentBytes <= 0) {
      throw new IllegalArgumentException("maxDocumentBytes must be positive");
    }
    this.maxDocumentBytes = maxDocumentBytes;
    this.http = Objects.requireNonNull(http, "http");
  }

  /** ODP at api.uspto.gov with the key from {@code USPTO_API_KEY}, PTGRXML and APPXML. */
  public static UsptoBulkCollectorFactory odp(String downloadDir) {
    return odp(CredentialSource.environment(API_KEY_ENV), downloadDir);
  }

  public static UsptoBulkCollectorFactory odp(CredentialSource apiKey, String downloadDir) {
    return new UsptoBulkCollectorFactory(Api.ODP, OdpDatasetsClient.DEFAULT_BASE_URL, apiKey,
        downloadDir, DEFAULT_PRODUCTS, UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES,
        OfficeHttp.Settings.defaults());
  }

  /** BDSS at bulkdata.uspto.gov, PTGRXML and APPXML. */
  public static UsptoBulkCollectorFactory bdss(String downloadDir) {
    return new UsptoBulkCollectorFactory(Api.BDSS, BdssClient.DEFAULT_BASE_URL, CredentialSource.none(),
        downloadDir, DEFAULT_PRODUCTS, UsptoDocumentSplitter.DEFAULT_MAX_DOCUMENT_BYTES,
        OfficeHttp.Settings.defaults());
  }

  public UsptoBulkCollectorFactory withBaseUrl(String url) {
    return new UsptoBulkCollectorFactory(api, url, apiKey, downloadDir, products, maxDocumentBytes, http);
  }

  public UsptoBulkCollectorFactory withProducts(List<String> list) {
    return new UsptoBulkCollectorFactory(api, baseUrl, apiKey, downloadDir, list, maxDocumentBytes, http);
  }

  public UsptoBulkCollectorFactory withMaxDocumentBytes(int max) {
    return new UsptoBulkCollectorFactory(api, baseUrl, apiKey, downloadDir, products, max, http);
  }

  public UsptoBulkCollectorFactory withHttp(OfficeHttp.Settings settings) {
    return new UsptoBulkCollectorFactory(api, baseUrl, apiKey, downloadDir, products, maxDocumentBytes, settings);
  }

  @Override
  public String office() {
    return RawDocument.OFFICE;
  }

  @Override
  public OfficeCollector create() {
    return new UsptoBulkCollector(this);
  }

  @Override
  public String toString() {
    return "UsptoBulkCollectorFactory{api=" + api + ", baseUrl=" + baseUrl + ", apiKey from "
        + apiKey + ", downloadDir=" + downloadDir + ", products=" + products + "}";
  }
}
