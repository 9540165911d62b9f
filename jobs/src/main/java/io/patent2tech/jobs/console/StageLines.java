package io.patent2tech.jobs.console;

import static io.patent2tech.jobs.console.StageLine.count;
import static io.patent2tech.jobs.console.StageLine.ifAny;
import static io.patent2tech.jobs.console.StageLine.in;
import static io.patent2tech.jobs.console.StageLine.metric;
import static io.patent2tech.jobs.console.StageLine.metricOf;
import static io.patent2tech.jobs.console.StageLine.out;
import static io.patent2tech.jobs.console.StageLine.sinkMetric;
import static io.patent2tech.jobs.console.StageLine.sourceRecords;
import static io.patent2tech.jobs.console.StageLine.sunk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What each job command reports, in the order of its diagram in docs/architecture.md. The names
 * are the job wiring's operator names ({@code dedupe}, {@code skip-evaluated}, {@code combine},
 * the {@code postgres} and {@code elasticsearch} sinks) and the counters the operators declare
 * ({@code documentsParsed}, {@code undecodableRecords}, ...).
 */
public final class StageLines {

  /**
   * parse -> normalize -> validate -> dedupe -> patents.normalized (+ patents.dlq): the end ingest
   * and collect share ({@code NormalizedOutput}).
   */
  private static final List<StageLine.Count> PUBLISHING = List.of(
      count("parsed", metric("documentsParsed")),
      count("rejected", metric("documentsRejected")),
      count("duplicates", metric("dedupeDuplicatesDropped")),
      count("published", out("dedupe")),
      ifAny("of them new versions", metric("dedupeNewVersions")));

  private static final Map<String, StageLine> BY_COMMAND = Map.of(
      // files -> PUBLISHING
      "ingest", new StageLine("ingest", "documents", PUBLISHING),
      // offices -> PUBLISHING
      "collect", new StageLine("collect", "documents", Stream.concat(
          Stream.of(count("fetched", sourceRecords())), PUBLISHING.stream()).toList()),
      // patents.normalized -> decode -> PostgreSQL + Elasticsearch;
      // patents.links -> decode-links -> PostgreSQL + link lists -> Elasticsearch (shown once there are links)
      // patents.models3d -> decode-models -> PostgreSQL + model summaries -> Elasticsearch (likewise)
      // patents.dlq -> decode-dead-letters -> Elasticsearch dead-letters (likewise)
      "land", new StageLine("land", "records", List.of(
          count("read", patentsRead()),
          count("undecodable", metricOf("decode", "undecodableRecords")),
          count("PostgreSQL", sunk("postgres")),
          count("Elasticsearch", sunk("elasticsearch")),
          ifAny("rejected by Elasticsearch", sinkMetric("elasticsearch", "failed")),
          ifAny("links", in("decode-links")),
          ifAny("undecodable links", metricOf("decode-links", "undecodableRecords")),
          ifAny("links in PostgreSQL", sunk("postgres-links")),
          ifAny("documents updated with links", sunk("elasticsearch-links")),
          ifAny("link updates rejected by Elasticsearch", sinkMetric("elasticsearch-links", "failed")),
          ifAny("3D outcomes", in("decode-models")),
          ifAny("undecodable 3D outcomes", metricOf("decode-models", "undecodableRecords")),
          ifAny("3D outcomes in PostgreSQL", sunk("postgres-models")),
          ifAny("documents updated with 3D models", sunk("elasticsearch-models")),
          ifAny("3D updates rejected by Elasticsearch", sinkMetric("elasticsearch-models", "failed")),
          ifAny("dead letters", in("decode-dead-letters")),
          ifAny("dead letters searchable", sunk("elasticsearch-dead-letters")),
          ifAny("dead letters rejected by Elasticsearch", sinkMetric("elasticsearch-dead-letters", "failed")))),
      // patents.normalized -> decode -> level 3 (family-groups -> family-links)
      //                                 + level 4 (shingle -> buckets -> candidates -> verify) -> patents.links
      "links", new StageLine("links", "patents", List.of(
          count("read", sourceRecords()),
          count("undecodable", metric("undecodableRecords")),
          count("family links", out("family-links")),
          ifAny("repeated links dropped", metric("familyLinksRepeated")),
          ifAny("capped by group size", metric("familyLinksCapped")),
          ifAny("near-duplicate candidates", metric("nearDuplicateCandidates")),
          ifAny("near-duplicates", metric("nearDuplicateLinks")),
          ifAny("capped by bucket size", metric("nearDuplicateBucketCapped")),
          count("published", sunk("links")))),
      // patents.normalized -> decode -> drawing-sets -> patents.drawings (+ patents.dlq)
      "drawings", new StageLine("drawings", "patents", List.of(
          count("read", sourceRecords()),
          count("undecodable", metric("undecodableRecords")),
          count("drawing sets", metric("drawingSetsBuilt")),
          count("reconstructable", metric("drawingSetsReconstructable")),
          ifAny("without figures", metric("drawingSetsWithoutFigures")),
          ifAny("failed", metric("drawingSetsFailed")),
          count("published", sunk("drawings")),
          // the models path (--models.enabled): one outcome per figure set
          ifAny("3D models made", metric("modelsMade")),
          ifAny("3D reused", metric("modelsReused")),
          ifAny("3D not made", metric("modelsNotMade")),
          ifAny("3D failed", metric("modelsFailed")))),
      // patents.normalized -> decode -> skip evaluated -> embed -> ... -> combine -> sinks
      "enrich", new StageLine("enrich", "patents", List.of(
          count("read", sourceRecords()),
          count("undecodable", metric("undecodableRecords")),
          count("already evaluated", in("skip-evaluated").minus(out("skip-evaluated"))),
          count("enriched", out("combine")),
          ifAny("retrieval failures", metric("enrichRetrievalFailures")),
          ifAny("rejected by Elasticsearch", sinkMetric("elasticsearch", "failed")))));

  private StageLines() {}

  /**
   * What the landing job read from patents.normalized: its sources' records less the links, 3D
   * outcomes and dead letters.
   */
  private static StageLine.Value patentsRead() {
    return c -> {
      Long links = in("decode-links").apply(c);
      Long models = in("decode-models").apply(c);
      Long deadLetters = in("decode-dead-letters").apply(c);
      return c.sourceRecords() - (links == null ? 0 : links) - (models == null ? 0 : models)
          - (deadLetters == null ? 0 : deadLetters);
    };
  }

  /** The line of a job command; empty for commands that run no Flink job (parse, counts, ...). */
  public static Optional<StageLine> of(String command) {
    return Optional.ofNullable(BY_COMMAND.get(command));
  }
}
