package io.patent2tech.udfs.models3d;

import io.patent2tech.schema.Model3d;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Collects, per publication, the outcome of each of its figure sets (topic patents.models3d), so
 * that the publication's search document can say in a few fields whether it has a model, which,
 * and why not: a patent may show two embodiments, two sets, and one partial update must carry what
 * all of them say (the search server runs without painless, as for the links).
 *
 * <p>State: one small map per publication, set id to its outcome; no TTL, since a summary that
 * forgot a set would change the document. A record that changes no outcome emits nothing, so
 * replays write nothing again.
 */
public final class PatentModels extends KeyedProcessFunction<String, Model3d, ModelSummary> {

  private static final long serialVersionUID = 1L;

  private transient MapState<String, ModelSummary.SetOutcome> sets;

  /** The key of the keyed stage: the publication. */
  public static final class ByPublication implements KeySelector<Model3d, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(Model3d model) {
      return model.getPublicationKey();
    }
  }

  @Override
  public void open(OpenContext openContext) {
    sets = getRuntimeContext().getMapState(new MapStateDescriptor<>("model-sets", Types.STRING,
        TypeInformation.of(ModelSummary.SetOutcome.class)));
  }

  @Override
  public void processElement(Model3d model, Context context, Collector<ModelSummary> out) throws Exception {
    ModelSummary.SetOutcome outcome = ModelSummary.SetOutcome.of(model);
    if (Objects.equals(sets.get(model.getFigureSet()), outcome)) {
      return; // known: nothing to write again
    }
    sets.put(model.getFigureSet(), outcome);
    Map<String, ModelSummary.SetOutcome> all = new TreeMap<>();
    for (Map.Entry<String, ModelSummary.SetOutcome> e : sets.entries()) {
      all.put(e.getKey(), e.getValue());
    }
    out.collect(ModelSummary.of(model.getPublicationKey(), new ArrayList<>(all.entrySet())));
  }

  /** For tests: the summary of {@code models} of one publication, as the operator ends up writing it. */
  public static ModelSummary summarize(String publicationKey, List<Model3d> models) {
    Map<String, ModelSummary.SetOutcome> all = new TreeMap<>();
    models.forEach(m -> all.put(m.getFigureSet(), ModelSummary.SetOutcome.of(m)));
    return ModelSummary.of(publicationKey, new ArrayList<>(all.entrySet()));
  }
}
