package io.patent2tech.connectors.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A throw-away alias (and its index and template) in the Elasticsearch the integration tests run
 * against, so tests neither see nor disturb the {@code patents} alias of a stack that is in use.
 * The server comes from the system property p2t.es.url or the environment variable P2T_ES_URL
 * (default: the local stack).
 */
public final class ElasticsearchTestIndex implements AutoCloseable {

  private final String url;
  private final String alias;
  private final ElasticsearchClient client;

  public ElasticsearchTestIndex() {
    this.url = setting("P2T_ES_URL", "http://localhost:9200");
    this.alias = "p2t-it-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    this.client = ElasticsearchClients.open(settings());
  }

  public String url() {
    return url;
  }

  public String alias() {
    return alias;
  }

  public ElasticsearchClient client() {
    return client;
  }

  /** Settings for the test alias with small bulks and short backoffs. */
  public ElasticsearchSettings settings() {
    return new ElasticsearchSettings(url, alias, 10, 1024 * 1024, 3, 50,
        ElasticsearchSettings.DEFAULT_UNAVAILABLE_TIMEOUT);
  }

  public long count() throws IOException {
    client.indices().refresh(request -> request.index(alias));
    return client.count(request -> request.index(alias)).count();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public GetResponse<Map<String, Object>> get(String id) throws IOException {
    return client.get(request -> request.index(alias).id(id), (Class<Map<String, Object>>) (Class) Map.class);
  }

  @Override
  public void close() throws IOException {
    try {
      // deleting needs concrete names (action.destructive_requires_name)
      List<String> indices = List.copyOf(client.indices()
          .get(request -> request.index(alias + "-v*").allowNoIndices(true)).result().keySet());
      if (!indices.isEmpty()) {
        client.indices().delete(request -> request.index(indices));
      }
      if (client.indices().existsIndexTemplate(request -> request.name(alias)).value()) {
        client.indices().deleteIndexTemplate(request -> request.name(alias));
      }
    } finally {
      client.close();
    }
  }

  private static String setting(String name, String fallback) {
    String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
    if (property != null && !property.isBlank()) {
      return property;
    }
    String env = System.getenv(name);
    return env == null || env.isBlank() ? fallback : env;
  }
}
