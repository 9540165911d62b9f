package io.patent2tech.connectors.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.message.BasicHeader;

/**
 * How a client proves who it is to Elasticsearch and which CA it trusts: an API key (sent as
 * {@code Authorization: ApiKey ...}) or a user and password (HTTP basic), and a PEM file of CA
 * certificates for an https URL signed by a CA the JVM does not know (Elasticsearch's own
 * http_ca.crt). All empty: no header, the JVM's trust store (the local stack).
 *
 * @param apiKey the encoded API key as Elasticsearch returns it ({@code encoded}); wins over a user
 */
public record ElasticsearchAuth(String username, String password, String apiKey, String caFile)
    implements Serializable {

  public static final ElasticsearchAuth NONE = new ElasticsearchAuth(null, null, null, null);

  public ElasticsearchAuth {
    username = blankToNull(username);
    apiKey = blankToNull(apiKey);
    caFile = blankToNull(caFile);
    if (username == null) {
      password = null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The Authorization header these credentials send, or null for none. */
  public Header authorization() {
    if (apiKey != null) {
      return new BasicHeader("Authorization", "ApiKey " + apiKey);
    }
    if (username != null) {
      String pair = username + ":" + (password == null ? "" : password);
      return new BasicHeader("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return null;
  }

  /** A TLS context that trusts the certificates of {@link #caFile()}, or null to use the JVM's. */
  public SSLContext sslContext() {
    if (caFile == null) {
      return null;
    }
    try (InputStream in = Files.newInputStream(Path.of(caFile))) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + i++, c);
      }
      if (i == 0) {
        throw new IllegalArgumentException("Elasticsearch CA file " + caFile + " holds no certificate");
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the Elasticsearch CA file " + caFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * A JDK HTTP client for these settings (the commands that talk to Elasticsearch's REST API
   * directly, counts and drill): the CA's TLS context where one is given. Send each request
   * through {@link #authorize}.
   */
  public java.net.http.HttpClient.Builder httpClient() {
    java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder();
    SSLContext ssl = sslContext();
    return ssl == null ? builder : builder.sslContext(ssl);
  }

  /** {@code request} with the Authorization header of these credentials, if any. */
  public java.net.http.HttpRequest.Builder authorize(java.net.http.HttpRequest.Builder request) {
    Header header = authorization();
    return header == null ? request : request.header(header.getName(), header.getValue());
  }

  /** Never shows the password or the key. */
  @Override
  public String toString() {
    return "ElasticsearchAuth[" + (apiKey != null ? "apiKey=***" : username != null
        ? "username=" + username + ", password=***" : "none") + (caFile == null ? "" : ", caFile=" + caFile) + "]";
  }
}
