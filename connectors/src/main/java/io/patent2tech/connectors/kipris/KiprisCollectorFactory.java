package io.patent2tech.connectors.kipris;

import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.connectors.collect.http.CredentialSource;
import io.patent2tech.connectors.collect.http.OfficeHttp;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the KIPRIS Plus collector, serialized into the job graph and turned into a {@link
 * KiprisCollector} in the task. Holds where the service key comes from, never the key, so {@link
 * #toString()} is safe to log. Base URL, paths and the key's parameter name are settings because
 * KIPRIS Plus has moved its services before (legacy {@code openapi/rest} with {@code accessKey},
 * now {@code kipo-api/kipi} with {@code ServiceKey}).
 */
public final class KiprisCollectorFactory implements OfficeCollector.Factory {

  private static final long serialVersionUID = 1L;

  public static final String OFFICE = "KIPO";
  public static final String KEY_ENV = "KIPRIS_KEY";
  public static final String DEFAULT_BASE_URL = "http://plus.kipris.or.kr";
  public static final String DEFAULT_SEARCH_PATH = "/kipo-api/kipi/patUtiModInfoSearchSevice/getAdvancedSearch";
  public static final String DEFAULT_DETAIL_PATH =
      "/kipo-api/kipi/patUtiModInfoSearchSevice/getBibliographyDetailInfoSearch";
  public static final String DEFAULT_KEY_PARAMETER = "ServiceKey";
  /** Publication (공개) and registration (등록) dates: a window yields both kinds of events. */
  public static final List<String> DEFAULT_DATE_FIELDS = List.of("openDate", "registerDate");

  public final String baseUrl;
  public final String searchPath;
  public final String detailPath;
  public final String keyParameter;
  public final CredentialSource serviceKey;
  /** getAdvancedSearch date parameters searched one after the other, e.g. openDate, registerDate. */
  public final List<String> dateFields;
  public final boolean patents;
  public final boolean utilityModels;
  public final int numOfRows;
  public final OfficeHttp.Settings http;

  public KiprisCollectorFactory(String baseUrl, String searchPath, String detailPath, String keyParameter,
      CredentialSource serviceKey, List<String> dateFields, boolean patents, boolean utilityModels,
      int numOfRows, OfficeHttp.Settings http) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.searchPath = Objects.requireNonNull(searchPath, "searchPath");
    this.detailPath = Objects.requireNonNull(detailPath, "detailPath");
    this.keyParameter = Objects.requireNonNull(keyParameter, "keyParameter");
    this.serviceKey = Objects.requireNonNull(serviceKey, "serviceKey");
    if (dateFields == null || dateFields.isEmpty()) {
      throw new IllegalArgumentException("at least one date field is needed");
    }
    this.dateFields = List.copyOf(dateFields);
    if (!patents && !utilityModels) {
      throw new IllegalArgumentException("neither patents nor utility models selected");
    }
    this.patents = patents;
    this.utilityModels = utilityModels;
    if (numOfRows < 1) {
      throw new IllegalArgumentException("numOfRows must be positive");
    }
    this.numOfRows = numOfRows;
    this.http = Objects.requireNonNull(http, "http");
  }

  /** kipo-api at plus.kipris.or.kr, key from {@code KIPRIS_KEY}, patents and utility models. */
  public static KiprisCollectorFactory defaults() {
    return defaults(CredentialSource.environment(KEY_ENV));
  }

  public static KiprisCollectorFactory defaults(CredentialSource serviceKey) {
    return new KiprisCollectorFactory(DEFAULT_BASE_URL, DEFAULT_SEARCH_PATH, DEFAULT_DETAIL_PATH,
        DEFAULT_KEY_PARAMETER, serviceKey, DEFAULT_DATE_FIELDS, true, true, 100,
        OfficeHttp.Settings.defaults());
  }

  public KiprisCollectorFactory withBaseUrl(String url) {
    return new KiprisCollectorFactory(url, searchPath, detailPath, keyParameter, serviceKey, dateFields,
        patents, utilityModels, numOfRows, http);
  }

  public KiprisCollectorFactory withPaths(String search, String detail, String keyParam) {
    return new KiprisCollectorFactory(baseUrl, search, detail, keyParam, serviceKey, dateFields, patents,
        utilityModels, numOfRows, http);
  }

  public KiprisCollectorFactory withDateFields(List<String> fields) {
    return new KiprisCollectorFactory(baseUrl, searchPath, detailPath, keyParameter, serviceKey, fields,
        patents, utilityModels, numOfRows, http);
  }

  public KiprisCollectorFactory withNumOfRows(int rows) {
    return new KiprisCollectorFactory(baseUrl, searchPath, detailPath, keyParameter, serviceKey, dateFields,
        patents, utilityModels, rows, http);
  }

  public KiprisCollectorFactory withHttp(OfficeHttp.Settings settings) {
    return new KiprisCollectorFactory(baseUrl, searchPath, detailPath, keyParameter, serviceKey, dateFields,
        patents, utilityModels, numOfRows, settings);
  }

  @Override
  public String office() {
    return OFFICE;
  }

  @Override
  public OfficeCollector create() {
    return new KiprisCollector(this);
  }

  @Override
  public String toString() {
    return "KiprisCollectorFactory{baseUrl=" + baseUrl + ", search=" + searchPath + ", detail=" + detailPath
        + ", key from " + serviceKey + ", dateFields=" + dateFields + ", patents=" + patents
        + ", utilityModels=" + utilityModels + ", numOfRows=" + numOfRows + "}";
  }
}
