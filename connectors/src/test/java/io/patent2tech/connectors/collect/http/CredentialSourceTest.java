package io.patent2tech.connectors.collect.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.patent2tech.connectors.collect.CollectionFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialSourceTest {

  private static final String SECRET = "s3cr3t+/=";

  @Test
  void readsAFileAndAPropertyOfAPropertiesFile(@TempDir Path dir) throws Exception {
    Path plain = dir.resolve("key.txt");
    Files.writeString(plain, "  " + SECRET + "  \nsecond line\n");
    Path props = dir.resolve("ops.properties");
    Files.writeString(props, "# comment\nEPO_OPS_KEY=" + SECRET + "\nsecret = other\n");

    assertThat(CredentialSource.file(plain.toString()).resolve()).isEqualTo(SECRET);
    assertThat(CredentialSource.property(props.toString(), "key", "EPO_OPS_KEY").resolve()).isEqualTo(SECRET);
    assertThat(CredentialSource.property(props.toString(), "secret").resolve()).isEqualTo("other");
    assertThat(CredentialSource.value(SECRET).resolve()).isEqualTo(SECRET);
    assertThat(CredentialSource.none().resolve()).isEmpty();
  }

  @Test
  void aMissingCredentialFailsNamingTheSourceOnly(@TempDir Path dir) throws Exception {
    Path props = dir.resolve("ops.properties");
    Files.writeString(props, "other=" + SECRET + "\n");

    Throwable noProperty = catchThrowable(() -> CredentialSource.property(props.toString(), "key").resolve());
    Throwable noFile = catchThrowable(() -> CredentialSource.file(dir.resolve("absent").toString()).resolve());
    Throwable noVariable = catchThrowable(() -> CredentialSource.environment("P2T_TEST_NO_SUCH_VARIABLE").resolve());

    assertThat(noProperty).isInstanceOf(CollectionFailedException.class).hasMessageContaining("property key of file")
        .hasMessageNotContaining(SECRET);
    assertThat(noFile).isInstanceOf(CollectionFailedException.class).hasMessageContaining("absent");
    assertThat(noVariable).hasMessageContaining("P2T_TEST_NO_SUCH_VARIABLE");
  }

  @Test
  void toStringNamesTheSourceNeverTheValue() {
    assertThat(CredentialSource.value(SECRET).toString()).doesNotContain(SECRET).isEqualTo("credential given as a value");
    assertThat(CredentialSource.environment("K").toString()).isEqualTo("environment variable K");
    assertThat(CredentialSource.file("/run/k").toString()).isEqualTo("file /run/k");
    assertThat(CredentialSource.property("/run/ops", "key", "EPO_OPS_KEY").toString())
        .isEqualTo("property key or EPO_OPS_KEY of file /run/ops");
    assertThat(CredentialSource.none().toString()).isEqualTo("no credential");
  }
}
