package io.patent2tech.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Elasticsearch client against a local HTTPS server whose certificate a test CA signed
 * (tls/README.md): with the CA file it connects and sends the configured credentials, with
 * another CA it refuses the server, and its description never shows a secret.
 */
class ElasticsearchAuthTest {

  private HttpsServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = getClass().getResourceAsStream("tls/server.p12")) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", exchange -> {
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      // the client checks that it talks to Elasticsearch
      exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private String url() {
    return "https://localhost:" + server.getAddress().getPort();
  }

  private static String resource(String name) throws URISyntaxException {
    return Path.of(ElasticsearchAuthTest.class.getResource(name).toURI()).toString();
  }

  private boolean ping(ElasticsearchAuth auth) throws Exception {
    try (ElasticsearchClient client = ElasticsearchClients.open(ElasticsearchSettings.defaults(url(), "patents")
        .withAuth(auth))) {
      return client.ping().value();
    }
  }

  @Test
  void basicAuthOverTlsWithTheCaFile() throws Exception {
    assertThat(ping(new ElasticsearchAuth("elastic", "s3cret-pw", null, resource("tls/ca.pem")))).isTrue();
    assertThat(authorizations).containsExactly("Basic "
        + Base64.getEncoder().encodeToString("elastic:s3cret-pw".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anApiKeyIsSentAsApiKeyAndWinsOverAUser() throws Exception {
    assertThat(ping(new ElasticsearchAuth("elastic", "pw", "a2V5aWQ6c2VjcmV0", resource("tls/ca.pem")))).isTrue();
    assertThat(authorizations).containsExactly("ApiKey a2V5aWQ6c2VjcmV0");
  }

  @Test
  void aServerSignedByAnotherCaIsRefused() throws Exception {
    assertThatThrownBy(() -> ping(new ElasticsearchAuth("elastic", "pw", null, resource("tls/other-ca.pem"))))
        .hasStackTraceContaining("PKIX path");
    assertThat(authorizations).isEmpty();
  }

  @Test
  void noCredentialsSendNoHeader() throws Exception {
    assertThat(ping(new ElasticsearchAuth(null, null, null, resource("tls/ca.pem")))).isTrue();
    assertThat(authorizations).containsExactly("null");
  }

  @Test
  void theDescriptionShowsNoSecret() {
    assertThat(new ElasticsearchAuth("elastic", "s3cret-pw", null, null).toString())
        .contains("elastic").doesNotContain("s3cret-pw");
    assertThat(ElasticsearchSettings.defaults("https://es:9200", "patents")
        .withAuth(new ElasticsearchAuth(null, null, "the-api-key", "/ca.pem")).toString())
        .doesNotContain("the-api-key");
  }
}
