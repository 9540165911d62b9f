package io.patent2tech.jobs.drawings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Settings;

class DrawingsSettingsTest {

  @Test
  void defaultsAreTheRegistrysTopicsAndTheJobsOwnGroup() {
    Settings s = Settings.parse(DrawingsSettings.SETTINGS, DrawingsSettings.FLAGS, new String[0], Map.of());
    assertThat(s.require(CommonSettings.TOPIC_NORMALIZED.key())).isEqualTo("patents.normalized");
    assertThat(s.require(CommonSettings.TOPIC_DRAWINGS.key())).isEqualTo("patents.drawings");
    assertThat(s.require(DrawingsSettings.GROUP_ID.key())).isEqualTo("patent2tech-drawings");
    assertThat(s.getBoolean(CommonSettings.BOUNDED.key())).isFalse();
  }

  @Test
  void optionsAndEnvironmentReachTheJob() {
    Settings s = Settings.parse(DrawingsSettings.SETTINGS, DrawingsSettings.FLAGS,
        new String[] {"--bounded", "--topic.drawings", "my.drawings"}, Map.of("P2T_GROUP_ID", "mine"));
    assertThat(s.require(CommonSettings.TOPIC_DRAWINGS.key())).isEqualTo("my.drawings");
    assertThat(s.require(DrawingsSettings.GROUP_ID.key())).isEqualTo("mine");
    assertThat(s.getBoolean(CommonSettings.BOUNDED.key())).isTrue();
  }

  @Test
  void setsAreBatchedEightAtATimeUnlessSaidOtherwise() {
    Settings defaults = Settings.parse(DrawingsSettings.SETTINGS, DrawingsSettings.FLAGS, new String[0], Map.of());
    assertThat(defaults.getInt(ModelSettings.BATCH_SETS.key())).isEqualTo(8);
    Settings alone = Settings.parse(DrawingsSettings.SETTINGS, DrawingsSettings.FLAGS,
        new String[] {"--models.batch-sets", "1"}, Map.of());
    assertThat(alone.getInt(ModelSettings.BATCH_SETS.key())).isEqualTo(1);
  }
}
