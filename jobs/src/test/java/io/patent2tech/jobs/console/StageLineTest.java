package io.patent2tech.jobs.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StageLineTest {

  private static JobCounts ingestCounts() {
    return new JobCounts(Map.of(
        "Source: uspto-bulk-files", Map.of("numRecordsOut", 23L),
        "parse-normalize-validate", Map.of("documentsParsed", 20L, "documentsRejected", 3L, "filesRead", 14L),
        "dedupe", Map.of("numRecordsIn", 20L, "numRecordsOut", 10L, "dedupeDuplicatesDropped", 10L,
            "dedupeNewVersions", 0L)));
  }

  @Test
  void ingestLineReadsLikeItsDiagram() {
    assertThat(StageLines.of("ingest").orElseThrow().format(ingestCounts()))
        .isEqualTo("ingest: parsed 20, rejected 3, duplicates 10, published 10");
  }

  @Test
  void optionalCountsShowOnlyWhenThereAreAny() {
    JobCounts counts = new JobCounts(Map.of(
        "dedupe", Map.of("numRecordsOut", 12L, "dedupeDuplicatesDropped", 0L, "dedupeNewVersions", 2L),
        "parse-normalize-validate", Map.of("documentsParsed", 12L, "documentsRejected", 0L)));
    assertThat(StageLines.of("ingest").orElseThrow().format(counts))
        .isEqualTo("ingest: parsed 12, rejected 0, duplicates 0, published 12, of them new versions 2");
  }

  @Test
  void countsOfSeveralSubtasksAndDifferencesOfOperators() {
    JobCounts counts = new JobCounts(Map.of(
        "Source: patents.normalized", Map.of("numRecordsOut", 30L, "pendingRecords", 0L),
        "decode", Map.of("undecodableRecords", 1L),
        "skip-evaluated", Map.of("numRecordsIn", 29L, "numRecordsOut", 9L),
        "combine", Map.of("numRecordsOut", 9L)));
    assertThat(StageLines.of("enrich").orElseThrow().format(counts))
        .isEqualTo("enrich: read 30, undecodable 1, already evaluated 20, enriched 9");
    assertThat(counts.pendingRecords()).isZero();
    assertThat(counts.sourceRecords()).isEqualTo(30);
  }

  @Test
  void collectLineIsWhatItFetchedThenWhatIngestCounts() {
    JobCounts counts = new JobCounts(Map.of(
        "Source: office-collectors", Map.of("numRecordsOut", 21L),
        "parse-normalize-validate", Map.of("documentsParsed", 19L, "documentsRejected", 2L),
        "dedupe", Map.of("numRecordsOut", 19L, "dedupeDuplicatesDropped", 0L)));
    assertThat(StageLines.of("collect").orElseThrow().format(counts))
        .isEqualTo("collect: fetched 21, parsed 19, rejected 2, duplicates 0, published 19");
  }

  @Test
  void landCountsTheSinksAndWhatElasticsearchRejected() {
    JobCounts counts = new JobCounts(Map.of(
        "Source: patents.normalized", Map.of("numRecordsOut", 5L),
        "decode", Map.of("undecodableRecords", 0L),
        "postgres: Writer", Map.of("numRecordsIn", 5L),
        "elasticsearch: Writer", Map.of("numRecordsIn", 5L, "failed", 1L)));
    assertThat(StageLines.of("land").orElseThrow().format(counts))
        .isEqualTo("land: read 5, undecodable 0, PostgreSQL 5, Elasticsearch 5, rejected by Elasticsearch 1");
  }

  @Test
  void linksCountsFamilyLinksNearDuplicatesAndWhatWasPublished() {
    JobCounts counts = new JobCounts(Map.of(
        "Source: patents.normalized", Map.of("numRecordsOut", 12L),
        "decode", Map.of("undecodableRecords", 0L),
        "family-groups", Map.of("familyLinksCapped", 2L),
        "family-links", Map.of("numRecordsOut", 39L, "familyLinksRepeated", 0L),
        "near-duplicates: LSH buckets", Map.of("nearDuplicateCandidates", 3L, "nearDuplicateBucketCapped", 0L),
        "near-duplicates: verify (word ratio)", Map.of("nearDuplicateLinks", 1L),
        "links: Writer", Map.of("numRecordsIn", 40L)));
    assertThat(StageLines.of("links").orElseThrow().format(counts))
        .isEqualTo("links: read 12, undecodable 0, family links 39, capped by group size 2, "
            + "near-duplicate candidates 3, near-duplicates 1, published 40");
  }

  @Test
  void drawingsCountsTheSetsAndWhatWasPublished() {
    JobCounts counts = new JobCounts(Map.of(
        "Source: patents.normalized", Map.of("numRecordsOut", 10L),
        "decode", Map.of("undecodableRecords", 0L),
        "drawing-sets", Map.of("drawingSetsBuilt", 10L, "drawingSetsReconstructable", 1L,
            "drawingSetsWithoutFigures", 1L, "drawingSetsFailed", 0L),
        "drawings: Writer", Map.of("numRecordsIn", 10L)));
    assertThat(StageLines.of("drawings").orElseThrow().format(counts))
        .isEqualTo("drawings: read 10, undecodable 0, drawing sets 10, reconstructable 1, without figures 1, "
            + "published 10");
  }

  @Test
  void landCountsTheLinksApartFromThePatents() {
    JobCounts counts = new JobCounts(Map.of(
        "Source: patents.normalized", Map.of("numRecordsOut", 5L),
        "Source: patents.links", Map.of("numRecordsOut", 3L),
        "decode", Map.of("undecodableRecords", 0L, "numRecordsIn", 5L),
        "decode-links", Map.of("undecodableRecords", 1L, "numRecordsIn", 3L),
        "postgres: Writer", Map.of("numRecordsIn", 5L),
        "elasticsearch: Writer", Map.of("numRecordsIn", 5L),
        "postgres-links: Writer", Map.of("numRecordsIn", 2L),
        "elasticsearch-links: Writer", Map.of("numRecordsIn", 4L, "failed", 0L)));
    assertThat(StageLines.of("land").orElseThrow().format(counts))
        .isEqualTo("land: read 5, undecodable 0, PostgreSQL 5, Elasticsearch 5, links 3, undecodable links 1, "
            + "links in PostgreSQL 2, documents updated with links 4");
  }

  @Test
  void aCountTheJobNeverReportedReadsAsUnknown() {
    assertThat(StageLines.of("land").orElseThrow().format(JobCounts.NONE))
        .isEqualTo("land: read 0, undecodable ?, PostgreSQL ?, Elasticsearch ?");
    assertThat(JobCounts.NONE.pendingRecords()).as("no source says what is left").isNull();
  }

  @Test
  void commandsWithoutAJobHaveNoLine() {
    assertThat(StageLines.of("parse")).isEmpty();
    assertThat(StageLines.of("counts")).isEmpty();
  }
}
