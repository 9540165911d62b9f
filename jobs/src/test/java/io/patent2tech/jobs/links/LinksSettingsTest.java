package io.patent2tech.jobs.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.udfs.links.family.FamilyLinkSettings;

class LinksSettingsTest {

  private static Settings parse(String... args) {
    return Settings.parse(LinksSettings.SETTINGS, LinksSettings.FLAGS, args, Map.of());
  }

  @Test
  void level3DefaultsAreTheStagesOwn() {
    Settings s = parse();
    assertThat(LinksSettings.family(s)).isEqualTo(FamilyLinkSettings.defaults());
    assertThat(s.require(CommonSettings.TOPIC_LINKS.key())).isEqualTo("patents.links");
    assertThat(s.require(LinksSettings.GROUP_ID.key())).isEqualTo("patent2tech-links");
  }

  @Test
  void optionsAndEnvironmentReachLevel3() {
    Settings s = Settings.parse(LinksSettings.SETTINGS, LinksSettings.FLAGS,
        new String[] {"--links.family.state-ttl", "90 d", "--bounded"},
        Map.of("P2T_LINKS_FAMILY_MAX_GROUP_SIZE", "12"));
    assertThat(LinksSettings.family(s)).isEqualTo(new FamilyLinkSettings(Duration.ofDays(90), 12));
    assertThat(s.getBoolean("bounded")).isTrue();
  }

  @Test
  void aGroupSizeThatCannotLinkIsRefused() {
    assertThatThrownBy(() -> LinksSettings.family(parse("--links.family.max-group-size", "1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
  }
}
