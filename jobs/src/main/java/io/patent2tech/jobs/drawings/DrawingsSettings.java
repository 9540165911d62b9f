package io.patent2tech.jobs.drawings;

import java.util.ArrayList;
import java.util.List;

import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.FigureImageSettings;
import io.patent2tech.jobs.config.Setting;

/** The drawings job's options, each declared once with its default and its --help line. */
public final class DrawingsSettings {

  public static final Setting GROUP_ID = new Setting("group-id", "patent2tech-drawings",
      "Kafka consumer group (offsets committed on checkpoint); also the transactional id prefix");

  public static final List<Setting> SETTINGS = settings();
  public static final List<String> FLAGS = List.of(CommonSettings.BOUNDED.key());

  private DrawingsSettings() {}

  private static List<Setting> settings() {
    List<Setting> all = new ArrayList<>(List.of(
        CommonSettings.KAFKA_BOOTSTRAP, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_DRAWINGS,
        CommonSettings.TOPIC_MODELS3D, CommonSettings.TOPIC_DLQ, GROUP_ID, CommonSettings.BOUNDED));
    all.addAll(ModelSettings.SETTINGS);
    all.addAll(FigureImageSettings.SETTINGS);
    all.addAll(CommonSettings.RUNTIME);
    return CommonSettings.secured(all);
  }
}
