package io.patent2tech.connectors.kafka;

import java.io.Serializable;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Where Kafka is and how a client of ours proves who it is: the bootstrap servers, the security
 * protocol, SASL credentials and the CA to trust. Every Kafka client the project makes (Flink
 * sources and sinks, admin clients, dead-letter producers, the consumers of counts, tail and drill)
 * takes its connection properties from {@link #properties()}, so a setting made once applies to
 * all of them (docs/security.md). Serializable, so operators carry it to the task managers.
 *
 * @param securityProtocol PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
 * @param saslMechanism SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN; used with the SASL protocols
 * @param truststore a PEM file of the CA certificates to trust; null for the JVM's own trust store
 * @param registryUrl the schema registry's Confluent-compatible API (registry.url) that the topics'
 *     Confluent-framed values are written and read with ({@link Topics#writerCodec}); null: none,
 *     so such values can be neither written nor read (the way Confluent's clients carry
 *     schema.registry.url beside the bootstrap servers)
 */
public record KafkaClientSettings(String bootstrapServers, String securityProtocol,
    String saslMechanism, String username, String password, String truststore, String registryUrl)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String PLAINTEXT = "PLAINTEXT";
  public static final String DEFAULT_SASL_MECHANISM = "SCRAM-SHA-512";
  private static final Set<String> PROTOCOLS = Set.of(PLAINTEXT, "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  private static final Set<String> MECHANISMS = Set.of("SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN");

  public KafkaClientSettings {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("Kafka bootstrap servers are empty");
    }
    securityProtocol = securityProtocol == null || securityProtocol.isBlank() ? PLAINTEXT
        : securityProtocol.strip().toUpperCase(Locale.ROOT);
    if (!PROTOCOLS.contains(securityProtocol)) {
      throw new IllegalArgumentException("Kafka security protocol must be one of " + PROTOCOLS
          + ", got '" + securityProtocol + "'");
    }
    saslMechanism = saslMechanism == null || saslMechanism.isBlank() ? DEFAULT_SASL_MECHANISM
        : saslMechanism.strip().toUpperCase(Locale.ROOT);
    if (!MECHANISMS.contains(saslMechanism)) {
      throw new IllegalArgumentException("Kafka SASL mechanism must be one of " + MECHANISMS
          + ", got '" + saslMechanism + "'");
    }
    if (isSasl(securityProtocol) && (username == null || username.isBlank() || password == null)) {
      // names the settings, never a value
      throw new IllegalArgumentException("Kafka security protocol " + securityProtocol
          + " needs a SASL user name and password");
    }
    if (truststore != null && truststore.isBlank()) {
      truststore = null;
    }
    if (registryUrl != null && registryUrl.isBlank()) {
      registryUrl = null;
    }
  }

  /** Settings without a schema registry. */
  public KafkaClientSettings(String bootstrapServers, String securityProtocol, String saslMechanism,
      String username, String password, String truststore) {
    this(bootstrapServers, securityProtocol, saslMechanism, username, password, truststore, null);
  }

  /** These settings with the schema registry at {@code url}. */
  public KafkaClientSettings withRegistry(String url) {
    return new KafkaClientSettings(bootstrapServers, securityProtocol, saslMechanism, username, password,
        truststore, url);
  }

  /** The local stack's way: no authentication, no encryption. */
  public static KafkaClientSettings plaintext(String bootstrapServers) {
    return new KafkaClientSettings(bootstrapServers, PLAINTEXT, null, null, null, null);
  }

  private static boolean isSasl(String protocol) {
    return protocol.startsWith("SASL_");
  }

  private static boolean isTls(String protocol) {
    return protocol.equals("SSL") || protocol.equals("SASL_SSL");
  }

  /**
   * The client properties for these settings: bootstrap servers and, where set, the security
   * protocol, the SASL login and the PEM trust store. Kafka logs its client configuration with
   * sasl.jaas.config as [hidden], as it does every password-typed key.
   */
  public Properties properties() {
    Properties props = new Properties();
    props.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.setProperty(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
    if (isSasl(securityProtocol)) {
      props.setProperty(SaslConfigs.SASL_MECHANISM, saslMechanism);
      String module = saslMechanism.equals("PLAIN")
          ? "org.apache.kafka.common.security.plain.PlainLoginModule"
          : "org.apache.kafka.common.security.scram.ScramLoginModule";
      props.setProperty(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + quote(username)
          + "\" password=\"" + quote(password) + "\";");
    }
    if (isTls(securityProtocol) && truststore != null) {
      props.setProperty(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
      props.setProperty(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststore);
    }
    return props;
  }

  /** {@code props} with these settings' properties added (they win over what it held). */
  public Properties with(Properties props) {
    Properties all = new Properties();
    all.putAll(props);
    all.putAll(properties());
    return all;
  }

  /** JAAS quotes: a backslash and a double quote are escaped. */
  private static String quote(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** Never shows the password, so the settings can be logged and put in messages. */
  @Override
  public String toString() {
    return "KafkaClientSettings[bootstrapServers=" + bootstrapServers + ", securityProtocol="
        + securityProtocol + (isSasl(securityProtocol) ? ", saslMechanism=" + saslMechanism
        + ", username=" + username + ", password=***" : "")
        + (truststore == null ? "" : ", truststore=" + truststore)
        + (registryUrl == null ? "" : ", registryUrl=" + registryUrl) + "]";
  }
}
