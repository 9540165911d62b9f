package io.patent2tech.udfs.drawings;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentDrawings;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.DeadLetters;

/**
 * {@link DrawingSets#of} as a Flink function: one {@link PatentDrawings} per patent. A patent it
 * cannot handle (a record the text readers throw on) goes to {@link #DEAD_LETTERS} with the
 * patent's encoded record, stage {@code drawings}. Stateless: the job's source offsets and its
 * transactional sink make it exactly once.
 *
 * <p>Counters: {@code drawingSetsBuilt}, {@code drawingSetsReconstructable} (records with a
 * reconstructable set), {@code drawingSetsWithoutFigures}, {@code drawingSetsFailed}.
 */
public final class BuildDrawingSets extends ProcessFunction<Patent, PatentDrawings>
    implements ResultTypeQueryable<PatentDrawings> {

  private static final long serialVersionUID = 1L;

  /** The stage name of its dead letters. */
  public static final String STAGE = "drawings";

  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("drawings-failed") {};

  private final String sourceName;
  private transient Counter built;
  private transient Counter reconstructable;
  private transient Counter withoutFigures;
  private transient Counter failed;
  private transient TopicCodec<Patent> codec;

  /** @param sourceName the topic the patents come from, the dead letters' source */
  public BuildDrawingSets(String sourceName) {
    this.sourceName = sourceName;
  }

  @Override
  public TypeInformation<PatentDrawings> getProducedType() {
    return TypeInformation.of(PatentDrawings.class);
  }

  @Override
  public void open(OpenContext openContext) {
    built = getRuntimeContext().getMetricGroup().counter("drawingSetsBuilt");
    reconstructable = getRuntimeContext().getMetricGroup().counter("drawingSetsReconstructable");
    withoutFigures = getRuntimeContext().getMetricGroup().counter("drawingSetsWithoutFigures");
    failed = getRuntimeContext().getMetricGroup().counter("drawingSetsFailed");
    codec = TopicCodec.patents();
  }

  @Override
  public void processElement(Patent patent, Context ctx, Collector<PatentDrawings> out) {
    PatentDrawings drawings;
    try {
      drawings = DrawingSets.of(patent);
    } catch (RuntimeException e) {
      failed.inc();
      ctx.output(DEAD_LETTERS, deadLetter(patent, e));
      return;
    }
    built.inc();
    if (drawings.getReconstructable()) {
      reconstructable.inc();
    }
    if (drawings.getFigures().isEmpty()) {
      withoutFigures.inc();
    }
    out.collect(drawings);
  }

  private DeadLetter deadLetter(Patent patent, RuntimeException e) {
    DeadLetters.Builder letter = DeadLetters.builder(sourceName, STAGE)
        .reason("cannot build the drawing set: " + e)
        .error(e)
        .publicationKey(patent.getPublicationKey());
    byte[] raw = encoded(patent);
    if (raw != null) {
      letter.rawPrefix(raw, DeadLetters.DEFAULT_MAX_RAW_BYTES);
    }
    return letter.build();
  }

  /** The patent as its topic holds it; null when even that fails (then the key and reason must do). */
  private byte[] encoded(Patent patent) {
    try {
      return codec.encode(patent);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
