package io.patent2tech.jobs.collect;

import java.util.List;

import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;

/** Builds each office's collector factory from the options and the credentials. */
final class OfficeCollectors {

  static final List<Setting> SETTINGS = List.of();

  private OfficeCollectors() {}

  static OfficeCollector.Factory create(Settings s, String office, CollectSettings.OfficeOptions o) {
    throw new IllegalArgumentException("no collector for office " + office + " yet");
  }
}
