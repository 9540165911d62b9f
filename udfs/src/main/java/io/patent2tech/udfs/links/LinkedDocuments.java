package io.patent2tech.udfs.links;

import io.patent2tech.schema.PatentLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Collects, per publication, the documents it is linked to, so that the publication's search
 * document can carry the whole lists (family members, application members, near-duplicates).
 *
 * <p>Why state here rather than in Elasticsearch: adding one key to a stored array needs a scripted
 * update, and the project's Elasticsearch runs without painless. A partial update replaces an
 * array, so each update must carry the whole list; this operator is where the whole list is known.
 * It sees each link twice, once from each end ({@link #ends}), keyed by the end's publication key.
 *
 * <p>State: one map per publication, other key to the kinds linking them (bit flags), a few entries
 * per publication and no TTL: a list that forgot members would remove them from the document.
 * A link it already holds emits nothing, so replays after a restart write nothing again. Kinds
 * other than same-family, same-application and near-duplicate (the weak priority and continuation
 * links) are not kept: they are in PostgreSQL ({@code patent_links}) and the patent's own
 * {@code related_documents}.
 */
public final class LinkedDocuments extends KeyedProcessFunction<String, PatentLink, DocumentLinks> {

  private static final long serialVersionUID = 1L;

  public static final String SAME_FAMILY = "same-family";
  public static final String SAME_APPLICATION = "same-application";
  public static final String NEAR_DUPLICATE = "near-duplicate";
  public static final String STRONG = "strong";

  private static final int FAMILY = 1;
  private static final int APPLICATION = 2;
  private static final int DUPLICATE = 4;

  private transient MapState<String, Integer> linked;

  /** The flat map in front of the keyed stage: each link from both its ends ({@link #ends}). */
  public static final class Ends implements FlatMapFunction<PatentLink, PatentLink> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(PatentLink link, Collector<PatentLink> out) {
      ends(link).forEach(out::collect);
    }
  }

  /** The key of the keyed stage: the end the link is seen from. */
  public static final class ByFromKey implements KeySelector<PatentLink, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(PatentLink link) {
      return link.getFromKey();
    }
  }

  /**
   * The link as seen from each of its ends: itself (keyed by from_key) and the same link with its
   * keys swapped (keyed by to_key). Key the result by {@link PatentLink#getFromKey()}.
   */
  public static List<PatentLink> ends(PatentLink link) {
    PatentLink reversed = PatentLink.newBuilder(link).setFromKey(link.getToKey()).setToKey(link.getFromKey()).build();
    return List.of(link, reversed);
  }

  @Override
  public void open(OpenContext openContext) {
    linked = getRuntimeContext().getMapState(new MapStateDescriptor<>("linked", Types.STRING, Types.INT));
  }

  @Override
  public void processElement(PatentLink link, Context context, Collector<DocumentLinks> out) throws Exception {
    int flag = flag(link);
    String other = link.getToKey();
    if (flag == 0 || other.equals(link.getFromKey())) {
      return;
    }
    Integer held = linked.get(other);
    int flags = held == null ? 0 : held;
    if ((flags & flag) != 0) {
      return; // known: nothing to write again
    }
    linked.put(other, flags | flag);
    out.collect(links(link.getFromKey()));
  }

  private DocumentLinks links(String key) throws Exception {
    TreeSet<String> family = new TreeSet<>();
    TreeSet<String> application = new TreeSet<>();
    TreeSet<String> duplicates = new TreeSet<>();
    for (Map.Entry<String, Integer> entry : linked.entries()) {
      int flags = entry.getValue();
      if ((flags & FAMILY) != 0) {
        family.add(entry.getKey());
      }
      if ((flags & APPLICATION) != 0) {
        application.add(entry.getKey());
      }
      if ((flags & DUPLICATE) != 0) {
        duplicates.add(entry.getKey());
      }
    }
    return new DocumentLinks(key, array(family), array(application), array(duplicates));
  }

  /** The list a link belongs in, 0 for none: only strong links go to a document's lists. */
  private static int flag(PatentLink link) {
    if (!STRONG.equals(link.getStrength())) {
      return 0;
    }
    return switch (link.getKind()) {
      case SAME_FAMILY -> FAMILY;
      case SAME_APPLICATION -> APPLICATION;
      case NEAR_DUPLICATE -> DUPLICATE;
      default -> 0;
    };
  }

  private static String[] array(TreeSet<String> keys) {
    return new ArrayList<>(keys).toArray(String[]::new);
  }
}
