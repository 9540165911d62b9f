package io.patent2tech.connectors.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Opens elasticsearch-java clients for {@link ElasticsearchSettings}. */
public final class ElasticsearchClients {

  /** A bulk of several MiB on a busy node can take a while; the default 30 s is too tight. */
  private static final int SOCKET_TIMEOUT_MS = 120_000;

  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private ElasticsearchClients() {}

  /** A client the caller closes; closing it closes its HTTP connections. */
  public static ElasticsearchClient open(ElasticsearchSettings settings) {
    HttpHost[] hosts = Arrays.stream(settings.url().split(","))
        .map(String::trim)
        .filter(url -> !url.isEmpty())
        .map(HttpHost::create)
        .toArray(HttpHost[]::new);
    RestClientBuilder builder = RestClient.builder(hosts)
        .setRequestConfigCallback(config -> config
            .setConnectTimeout(CONNECT_TIMEOUT_MS)
            .setSocketTimeout(SOCKET_TIMEOUT_MS));
    Header authorization = settings.auth().authorization();
    if (authorization != null) {
      builder.setDefaultHeaders(new Header[] {authorization});
    }
    SSLContext ssl = settings.auth().sslContext();
    if (ssl != null) {
      builder.setHttpClientConfigCallback(http -> http.setSSLContext(ssl));
    }
    RestClient restClient = builder.build();
    return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
  }
}
