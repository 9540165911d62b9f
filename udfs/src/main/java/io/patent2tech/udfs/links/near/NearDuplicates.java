package io.patent2tech.udfs.links.near;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentLink;

/**
 * Level 4 of docs/design.md section 4 as one piece of a job: near-duplicates without a shared
 * identifier (docs/links.md).
 *
 * <pre>
 * patents -> keyBy(publication key) -> ShingleDocuments   -- words, shingle set, MinHash signature
 *      | main: word tokens -------------------------------------------------+
 *      | side: one BandEntry per band -> keyBy(bucket) -> LshBuckets        |  -- capped members -> candidates
 *              -> keyBy(pair) -> CandidatePairs  -- once per pair of texts  |
 *              -> one Probe per side -> keyBy(side) ---------> ShingleSets <-+  -- word tokens, by publication key
 *              -> keyBy(pair version) -> PairVerification  -- word ratio >= threshold -> PatentLink
 * </pre>
 *
 * Every operator is keyed and keeps only keyed state with a TTL, so the RocksDB backend holds it.
 */
public final class NearDuplicates {

  /** Prefix of the operators' uids; a savepoint restores them by these. */
  public static final String UID_PREFIX = "near-duplicates-";

  private NearDuplicates() {}

  /** The verified near-duplicate links among {@code patents}, each pair of texts once, low key first. */
  public static DataStream<PatentLink> links(DataStream<Patent> patents, NearDuplicateSettings settings) {
    SingleOutputStreamOperator<ShingledDocument> documents = patents
        .keyBy(Patent::getPublicationKey, Types.STRING)
        .process(new ShingleDocuments(settings), Types.POJO(ShingledDocument.class))
        .uid(UID_PREFIX + "shingle").name("near-duplicates: shingle + sign");

    DataStream<Probe> probes = documents.getSideOutput(ShingleDocuments.BAND_ENTRIES)
        .keyBy(entry -> entry.bucket, Types.LONG)
        .process(new LshBuckets(settings), Types.POJO(CandidatePair.class))
        .uid(UID_PREFIX + "buckets").name("near-duplicates: LSH buckets")
        .keyBy(CandidatePair::documents, Types.STRING)
        .process(new CandidatePairs(settings), Types.POJO(Probe.class))
        .uid(UID_PREFIX + "candidates").name("near-duplicates: candidate pairs");

    DataStream<ShingleHalf> halves = documents.keyBy(doc -> doc.key, Types.STRING)
        .connect(probes.keyBy(probe -> probe.target, Types.STRING))
        .process(new ShingleSets(settings), Types.POJO(ShingleHalf.class))
        .uid(UID_PREFIX + "shingle-sets").name("near-duplicates: shingle sets");

    return halves
        .keyBy(half -> half.pair.version(), Types.STRING)
        .process(new PairVerification(settings), new AvroTypeInfo<>(PatentLink.class))
        .uid(UID_PREFIX + "verify").name("near-duplicates: verify (word ratio)");
  }
}
