package io.patent2tech.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.connectors.drawings.FigureImagesSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FigureImageSettingsTest {

  @Test
  void defaultsReadProductArchivesOnly() {
    FigureImagesSettings images = FigureImageSettings.of(parse());

    assertThat(images).isEqualTo(FigureImagesSettings.defaults());
    assertThat(images.ops()).isNull();
    assertThat(images.imageDirectory()).isNull();
  }

  @Test
  void optionsConfigureEverySource() {
    FigureImagesSettings images = FigureImageSettings.of(parse("--images.max-bytes", "1000",
        "--images.product-archives", "false", "--images.dir", "sheets", "--images.ops-url", "http://127.0.0.1:1"));

    assertThat(images.maxImageBytes()).isEqualTo(1000);
    assertThat(images.productArchives()).isFalse();
    assertThat(images.imageDirectory()).isEqualTo("sheets");
    assertThat(images.ops().baseUrl()).isEqualTo("http://127.0.0.1:1");
    assertThat(images.opsCredentials()).isNotNull();
  }

  private static Settings parse(String... args) {
    return Settings.parse(FigureImageSettings.SETTINGS, java.util.List.of(), args, Map.of());
  }
}
