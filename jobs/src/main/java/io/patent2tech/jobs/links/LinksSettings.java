package io.patent2tech.jobs.links;

import java.util.ArrayList;
import java.util.List;

import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.udfs.links.family.FamilyLinkSettings;

/**
 * The links job's options, each declared once with its default and its --help line; the level-3
 * defaults are {@link FamilyLinkSettings}'s own.
 */
public final class LinksSettings {

  public static final Setting GROUP_ID = new Setting("group-id", "patent2tech-links",
      "Kafka consumer group (offsets committed on checkpoint); also the transactional id prefix");
  public static final Setting TOPIC_LINKS = new Setting("topic.links", Topics.LINKS,
      "topic of links between publications (Avro PatentLink, key from_key|to_key|kind)");
  public static final Setting FAMILY_STATE_TTL = Setting.duration("links.family.state-ttl",
      FamilyLinkSettings.DEFAULT_STATE_TTL,
      "how long level 3 remembers a document of an application, family or claimed document without "
          + "hearing of it again; a member arriving later starts its group afresh");
  public static final Setting FAMILY_MAX_GROUP_SIZE = Setting.wholeNumber("links.family.max-group-size",
      (long) FamilyLinkSettings.DEFAULT_MAX_GROUP_SIZE,
      "documents one application, family or claimed document keeps at most; the ones beyond are "
          + "linked through it to nothing and counted (familyLinksCapped)");

  public static final List<Setting> SETTINGS = settings();
  public static final List<String> FLAGS = List.of(CommonSettings.BOUNDED.key());

  private LinksSettings() {}

  private static List<Setting> settings() {
    List<Setting> all = new ArrayList<>(List.of(
        CommonSettings.KAFKA_BOOTSTRAP, CommonSettings.TOPIC_NORMALIZED, TOPIC_LINKS, CommonSettings.TOPIC_DLQ,
        GROUP_ID, CommonSettings.BOUNDED, FAMILY_STATE_TTL, FAMILY_MAX_GROUP_SIZE));
    all.addAll(CommonSettings.RUNTIME);
    return List.copyOf(all);
  }

  /** Level 3's state settings. */
  public static FamilyLinkSettings family(Settings s) {
    return new FamilyLinkSettings(s.getDuration(FAMILY_STATE_TTL.key()), s.getInt(FAMILY_MAX_GROUP_SIZE.key()));
  }
}
