package io.patent2tech.jobs.links;

import java.util.ArrayList;
import java.util.List;

import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.udfs.links.family.FamilyLinkSettings;
import io.patent2tech.udfs.links.near.NearDuplicateSettings;

/**
 * The links job's options, each declared once with its default and its --help line; the level-3
 * defaults are {@link FamilyLinkSettings}'s own, the level-4 ones {@link NearDuplicateSettings}'s.
 */
public final class LinksSettings {

  public static final Setting GROUP_ID = new Setting("group-id", "patent2tech-links",
      "Kafka consumer group (offsets committed on checkpoint); also the transactional id prefix");
  public static final Setting FAMILY_STATE_TTL = Setting.duration("links.family.state-ttl",
      FamilyLinkSettings.DEFAULT_STATE_TTL,
      "how long level 3 remembers a document of an application, family or claimed document without "
          + "hearing of it again; a member arriving later starts its group afresh");
  public static final Setting FAMILY_MAX_GROUP_SIZE = Setting.wholeNumber("links.family.max-group-size",
      (long) FamilyLinkSettings.DEFAULT_MAX_GROUP_SIZE,
      "documents one application, family or claimed document keeps at most; the ones beyond are "
          + "linked through it to nothing and counted (familyLinksCapped)");

  private static final NearDuplicateSettings NEAR = NearDuplicateSettings.DEFAULTS;
  public static final Setting NEAR_ENABLED = Setting.bool("links.near.enabled", true,
      "level 4: link near-duplicate texts without a shared identifier (MinHash/LSH, docs/links.md)");
  public static final Setting NEAR_THRESHOLD = Setting.number("links.near.threshold", NEAR.threshold(),
      "least word ratio of two texts for a near-duplicate link: difflib's ratio over the words of title, "
          + "abstract and claims (the seed's measure; 0.9 = about 90% of the text the same)");
  public static final Setting NEAR_SHINGLE_SIZE = Setting.wholeNumber("links.near.shingle-size",
      (long) NEAR.shingleSize(), "words per shingle (shingles only choose the candidate pairs)");
  public static final Setting NEAR_BANDS = Setting.wholeNumber("links.near.bands", (long) NEAR.bands(),
      "LSH bands; bands x rows MinHash values per document (pick them for the threshold: docs/links.md)");
  public static final Setting NEAR_ROWS = Setting.wholeNumber("links.near.rows", (long) NEAR.rows(),
      "MinHash values per LSH band");
  public static final Setting NEAR_MIN_SHINGLES = Setting.wholeNumber("links.near.min-shingles",
      (long) NEAR.minShingles(), "texts with fewer distinct shingles are not compared");
  public static final Setting NEAR_BUCKET_CAP = Setting.wholeNumber("links.near.bucket-cap",
      (long) NEAR.bucketCap(), "documents one LSH bucket keeps at most; the ones beyond are compared "
          + "but not kept, and counted (nearDuplicateBucketCapped)");
  public static final Setting NEAR_STATE_TTL = Setting.duration("links.near.state-ttl", NEAR.stateTtl(),
      "how long a document's words and bucket entries stay without a write");
  public static final Setting NEAR_CANDIDATE_TIMEOUT = Setting.duration("links.near.candidate-timeout",
      NEAR.candidateTimeout(), "how long a candidate pair waits for a document that has not arrived yet");

  public static final List<Setting> SETTINGS = settings();
  public static final List<String> FLAGS = List.of(CommonSettings.BOUNDED.key());

  private LinksSettings() {}

  private static List<Setting> settings() {
    List<Setting> all = new ArrayList<>(List.of(
        CommonSettings.KAFKA_BOOTSTRAP, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_LINKS, CommonSettings.TOPIC_DLQ,
        GROUP_ID, CommonSettings.BOUNDED, FAMILY_STATE_TTL, FAMILY_MAX_GROUP_SIZE, NEAR_ENABLED,
        NEAR_THRESHOLD, NEAR_SHINGLE_SIZE, NEAR_BANDS, NEAR_ROWS, NEAR_MIN_SHINGLES, NEAR_BUCKET_CAP,
        NEAR_STATE_TTL, NEAR_CANDIDATE_TIMEOUT));
    all.addAll(CommonSettings.RUNTIME);
    return CommonSettings.secured(all);
  }

  /** Level 4's settings; a bad combination (bands x rows, threshold) fails at start, naming it. */
  public static NearDuplicateSettings nearDuplicates(Settings s) {
    int bands = s.getInt(NEAR_BANDS.key());
    int rows = s.getInt(NEAR_ROWS.key());
    return new NearDuplicateSettings(s.getInt(NEAR_SHINGLE_SIZE.key()), bands * rows, bands, rows,
        s.getDouble(NEAR_THRESHOLD.key()), s.getInt(NEAR_MIN_SHINGLES.key()),
        s.getInt(NEAR_BUCKET_CAP.key()), s.getDuration(NEAR_STATE_TTL.key()),
        s.getDuration(NEAR_CANDIDATE_TIMEOUT.key()));
  }

  /** Level 3's state settings. */
  public static FamilyLinkSettings family(Settings s) {
    return new FamilyLinkSettings(s.getDuration(FAMILY_STATE_TTL.key()), s.getInt(FAMILY_MAX_GROUP_SIZE.key()));
  }
}
