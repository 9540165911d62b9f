package io.patent2tech.jobs.collect;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.connectors.collect.OfficeSchedule;
import io.patent2tech.connectors.collect.source.CollectSource;
import io.patent2tech.connectors.postgres.CollectionRunHistory;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.udfs.DeadLetters;

/**
 * Every option of the collect job, declared once: the job's own, and per office (uspto, epo,
 * kipris) the same set under {@code collect.<office>.}: schedule, time zone, look-back, backfill
 * start, filter, window length, endpoint. Credentials are not options: they come from the
 * environment or files (see each office's collector settings and docs/sources.md).
 */
public final class CollectSettings {

  /** Office names as used in options, and their codes in records. */
  public static final Map<String, String> OFFICES = Map.of("uspto", "USPTO", "epo", "EPO", "kipris", "KIPO");
  static final List<String> OFFICE_ORDER = List.of("uspto", "epo", "kipris");

  public static final Setting OFFICES_ENABLED = new Setting("collect.offices", "uspto,epo,kipris",
      "offices to collect, comma-separated (uspto, epo, kipris)");
  public static final Setting FROM = new Setting("from", null,
      "backfill: first publication day (YYYY-MM-DD); with --to the job collects those days once and ends");
  public static final Setting TO = new Setting("to", null, "backfill: last publication day (YYYY-MM-DD), inclusive");
  public static final Setting TICK = Setting.duration("collect.tick", Duration.ofSeconds(10), "how often schedules are checked");
  public static final Setting RETRY_DELAY = Setting.duration("collect.retry-delay", Duration.ofHours(1),
      "a failed run (office refused, retries spent) is tried again after this long");
  public static final Setting MAX_ATTEMPTS = Setting.wholeNumber("collect.max-attempts", 3L,
      "attempts of a run before its window is given up (a backfill makes one attempt)");
  public static final Setting DLQ_MAX_RAW_BYTES = Setting.wholeNumber("dlq-max-raw-bytes",
      (long) DeadLetters.DEFAULT_MAX_RAW_BYTES,
      "raw input up to this size is copied into the dead letter; larger inputs get a pointer");
  public static final Setting TRANSACTIONAL_ID_PREFIX = new Setting("transactional-id-prefix",
      "p2t-collect", "Kafka transactional id prefix; unique per running collect job");

  /** The per-office options, declared once for all offices. */
  public record OfficeOptions(String office, Setting schedule, Setting zone, Setting lookback,
      Setting backfillFrom, Setting filter, Setting maxWindowDays, Setting url) {

    static OfficeOptions of(String office, String zone, String url, String filterHelp) {
      String p = "collect." + office + ".";
      return new OfficeOptions(office,
          new Setting(p + "schedule", "daily 02:00",
              "when " + office + " is collected: 'daily HH:MM' (in the time zone below) or 'every DURATION'"),
          new Setting(p + "time-zone", zone, office + " schedule and publication days are in this time zone"),
          Setting.wholeNumber(p + "lookback", 7L,
              "days a first " + office + " run reaches back (when no backfill start is set)"),
          new Setting(p + "backfill-from", null,
              "first publication day of the first " + office + " run (YYYY-MM-DD); later runs continue from the last collected day"),
          new Setting(p + "filter", null, filterHelp),
          Setting.wholeNumber(p + "max-window-days", 7L, "longest window of one " + office + " run; a longer catch-up is split"),
          new Setting(p + "url", url, office + " API base URL"));
    }

    List<Setting> all() {
      return List.of(schedule, zone, lookback, backfillFrom, filter, maxWindowDays, url);
    }
  }

  public static final OfficeOptions USPTO = OfficeOptions.of("uspto", "America/New_York",
      "https://api.uspto.gov", "USPTO products, comma-separated (PTGRXML grants, APPXML applications)");
  public static final OfficeOptions EPO = OfficeOptions.of("epo", "Europe/Berlin", "https://ops.epo.org",
      "CQL added to the publication-date query with 'and', e.g. cpc=H04L");
  public static final OfficeOptions KIPRIS = OfficeOptions.of("kipris", "Asia/Seoul",
      "http://plus.kipris.or.kr",
      "KIPRIS date fields searched, comma-separated (openDate: publications, registerDate: registrations; default both)");

  public static final List<Setting> SETTINGS;
  public static final List<String> FLAGS = List.of();

  static {
    List<Setting> all = new ArrayList<>(List.of(CommonSettings.KAFKA_BOOTSTRAP, CommonSettings.TOPIC_NORMALIZED,
        CommonSettings.TOPIC_DLQ, CommonSettings.PG_URL, CommonSettings.PG_USER, CommonSettings.PG_PASSWORD,
        CommonSettings.PG_BATCH_INTERVAL, CommonSettings.PG_RECONNECT_TIMEOUT,
        CommonSettings.ES_URL, CommonSettings.ES_COLLECTION_RUNS_ALIAS, CommonSettings.ES_BULK_MAX_ACTIONS,
        CommonSettings.ES_BULK_MAX_BYTES, CommonSettings.ES_MAX_RETRIES, CommonSettings.ES_INITIAL_BACKOFF,
        CommonSettings.ES_UNAVAILABLE_TIMEOUT, OFFICES_ENABLED, FROM, TO,
        TICK, RETRY_DELAY, MAX_ATTEMPTS, CommonSettings.DEDUPE_TTL, CommonSettings.DEDUPE_FROM_TOPIC,
        DLQ_MAX_RAW_BYTES, TRANSACTIONAL_ID_PREFIX));
    for (OfficeOptions o : List.of(USPTO, EPO, KIPRIS)) {
      all.addAll(o.all());
      all.addAll(OfficeCollectors.settingsOf(o.office()));
    }
    all.addAll(CommonSettings.RUNTIME);
    SETTINGS = CommonSettings.secured(all);
  }

  private CollectSettings() {}

  static OfficeOptions options(String office) {
    return switch (office) {
      case "uspto" -> USPTO;
      case "epo" -> EPO;
      case "kipris" -> KIPRIS;
      default -> throw new IllegalArgumentException("unknown office '" + office + "' in "
          + OFFICES_ENABLED.key() + "; known: " + OFFICE_ORDER);
    };
  }

  /** The enabled offices, in a stable order. */
  public static List<String> enabled(Settings s) {
    List<String> given = Arrays.stream(s.require(OFFICES_ENABLED.key()).split(","))
        .map(x -> x.strip().toLowerCase(Locale.ROOT)).filter(x -> !x.isEmpty()).toList();
    given.forEach(CollectSettings::options);
    return OFFICE_ORDER.stream().filter(given::contains).toList();
  }

  /** The schedule of one office from its options. */
  public static OfficeSchedule schedule(Settings s, String office) {
    OfficeOptions o = options(office);
    return new OfficeSchedule(OFFICES.get(office), s.require(o.schedule.key()),
        ZoneId.of(s.require(o.zone.key())), s.getInt(o.lookback.key()), date(s, o.backfillFrom),
        s.get(o.filter.key()), s.getInt(o.maxWindowDays.key()));
  }

  /**
   * The source over the enabled offices, with collectors made by {@code collectors} (office name ->
   * factory), skipping the days {@code finished} says earlier jobs collected under the same filter.
   */
  public static CollectSource source(Settings s, Function<String, OfficeCollector.Factory> collectors,
      List<CollectionRunHistory.FinishedWindow> finished) {
    CollectSource.Builder b = CollectSource.builder()
        .tick(s.getDuration(TICK.key()))
        .retries(s.getDuration(RETRY_DELAY.key()), s.getInt(MAX_ATTEMPTS.key()));
    for (String office : enabled(s)) {
      OfficeSchedule schedule = schedule(s, office);
      b.office(schedule, collectors.apply(office));
      finished.stream().filter(w -> w.covers(schedule.office, schedule.filter))
          .forEach(w -> b.alreadyCollected(schedule.office, w.from(), w.to()));
    }
    LocalDate from = date(s, FROM);
    LocalDate to = date(s, TO);
    if (from != null || to != null) {
      if (from == null || to == null) {
        throw new IllegalArgumentException("a backfill needs both --from and --to");
      }
      b.bounded(from, to);
    }
    return b.build();
  }

  /** The source with the offices' real collectors, configured from the options and credentials. */
  public static CollectSource source(Settings s, List<CollectionRunHistory.FinishedWindow> finished) {
    return source(s, office -> OfficeCollectors.create(s, office, options(office)), finished);
  }

  private static LocalDate date(Settings s, Setting setting) {
    String v = s.get(setting.key());
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--" + setting.key() + " '" + v + "' is not a date (YYYY-MM-DD)");
    }
  }
}
