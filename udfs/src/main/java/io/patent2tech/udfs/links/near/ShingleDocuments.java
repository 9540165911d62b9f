package io.patent2tech.udfs.links.near;

import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import io.patent2tech.schema.Patent;

/**
 * First step of level 4, keyed by publication key: a patent's normalized words become int tokens
 * (main output, to {@link ShingleSets}, for the verification) and the MinHash signature of their
 * shingle set one {@link BandEntry} per band (side output {@link #BAND_ENTRIES}, to {@link
 * LshBuckets}).
 *
 * <p>Its keyed state is the fingerprint of the word sequence last signed for the key: a document whose text
 * did not change (a replay, or a new version that changed only bibliographic data) is not signed
 * again, so it makes no candidates and no repeated links. Documents with fewer than {@code
 * minShingles} shingles (designs, records without text) are skipped and counted.
 */
public class ShingleDocuments extends KeyedProcessFunction<String, Patent, ShingledDocument> {

  private static final long serialVersionUID = 1L;

  /** The side output of band entries. */
  public static final OutputTag<BandEntry> BAND_ENTRIES = new OutputTag<>("near-duplicate-bands",
      Types.POJO(BandEntry.class));

  private final NearDuplicateSettings settings;

  private transient MinHash minHash;
  private transient ValueState<Long> signedText;
  private transient Counter signed;
  private transient Counter unchanged;
  private transient Counter tooShort;

  public ShingleDocuments(NearDuplicateSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext openContext) {
    minHash = new MinHash(settings.signatureLength());
    ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("signed-text", Types.LONG);
    descriptor.enableTimeToLive(settings.documentTtl());
    signedText = getRuntimeContext().getState(descriptor);
    signed = getRuntimeContext().getMetricGroup().counter("nearDuplicateDocumentsSigned");
    unchanged = getRuntimeContext().getMetricGroup().counter("nearDuplicateDocumentsUnchanged");
    tooShort = getRuntimeContext().getMetricGroup().counter("nearDuplicateDocumentsTooShort");
  }

  @Override
  public void processElement(Patent patent, Context ctx, Collector<ShingledDocument> out) throws Exception {
    List<String> words = ShingleText.words(ShingleText.of(patent));
    long[] shingles = WordShingles.of(words, settings.shingleSize());
    if (shingles.length < settings.minShingles()) {
      tooShort.inc();
      return;
    }
    int[] tokens = WordShingles.tokens(words);
    long fingerprint = WordShingles.fingerprint(tokens);
    Long previous = signedText.value();
    if (previous != null && previous == fingerprint) {
      unchanged.inc();
      return;
    }
    signedText.update(fingerprint);
    signed.inc();
    String key = patent.getPublicationKey();
    out.collect(new ShingledDocument(key, fingerprint, tokens));
    long[] buckets = LshBands.buckets(minHash.signature(shingles), settings.bands(), settings.rows(),
        language(patent));
    for (long bucket : buckets) {
      ctx.output(BAND_ENTRIES, new BandEntry(bucket, key, fingerprint));
    }
  }

  /** The language buckets are separated by; records without one share the bucket space "und". */
  static String language(Patent patent) {
    String language = patent.getLanguage();
    return language == null || language.isBlank() ? "und" : language.strip().toLowerCase(java.util.Locale.ROOT);
  }
}
