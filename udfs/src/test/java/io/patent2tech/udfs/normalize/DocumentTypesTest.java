package io.patent2tech.udfs.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentTypesTest {

  @Test
  void mapsIceApplicationTypesToSchemaValues() {
    assertThat(DocumentTypes.of("utility")).isEqualTo("utility");
    assertThat(DocumentTypes.of(" Design ")).isEqualTo("design");
    assertThat(DocumentTypes.of("PLANT")).isEqualTo("plant");
    assertThat(DocumentTypes.of("reissue")).isEqualTo("reissue");
    assertThat(DocumentTypes.of("statutory-invention-registration")).isEqualTo("other");
    assertThat(DocumentTypes.of(null)).isNull();
  }
}
