package io.patent2tech.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

  @Test
  void plaintextSetsOnlyTheBootstrapServersAndProtocol() {
    Properties p = KafkaClientSettings.plaintext("localhost:9092").properties();
    assertThat(p).containsOnlyKeys("bootstrap.servers", "security.protocol");
    assertThat(p.getProperty("security.protocol")).isEqualTo("PLAINTEXT");
  }

  @Test
  void saslSslCarriesTheScramLoginAndThePemTrustStore() {
    Properties p = new KafkaClientSettings("b:9094", "sasl_ssl", null, "app", "pa\"ss", "/etc/ca.pem").properties();
    assertThat(p.getProperty("security.protocol")).isEqualTo("SASL_SSL");
    assertThat(p.getProperty("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
    assertThat(p.getProperty("sasl.jaas.config")).isEqualTo(
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"app\" password=\"pa\\\"ss\";");
    assertThat(p.getProperty("ssl.truststore.type")).isEqualTo("PEM");
    assertThat(p.getProperty("ssl.truststore.location")).isEqualTo("/etc/ca.pem");
  }

  @Test
  void saslWithoutCredentialsIsRefusedWithoutShowingAValue() {
    assertThatThrownBy(() -> new KafkaClientSettings("b:9094", "SASL_SSL", null, "app", null, null))
        .hasMessageContaining("needs a SASL user name and password");
    assertThatThrownBy(() -> new KafkaClientSettings("b:9094", "TLS", null, null, null, null))
        .hasMessageContaining("security protocol must be one of");
  }

  @Test
  void theDescriptionShowsNoPassword() {
    String shown = new KafkaClientSettings("b:9094", "SASL_SSL", "SCRAM-SHA-256", "app", "hunter2-x", null).toString();
    assertThat(shown).contains("SCRAM-SHA-256", "app", "password=***").doesNotContain("hunter2-x");
  }
}
