package io.patent2tech.udfs.links.family;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentLink;

/**
 * Level 3 of docs/design.md section 4 (docs/links.md): documents that share an application, a
 * DOCDB simple family, or that claim or continue one another are kept both and linked.
 *
 * <pre>
 *  patents -> family-identifiers -> keyBy(identifier) -> family-groups -> keyBy(from|to|kind) -> family-links
 *             (SharedIdentifiers:    one group per        (FamilyGroups:    once per pair and kind
 *              member / referrer     application, family,  link newcomers   (DistinctLinks)
 *              of each identifier)   publication number)   to the group)
 * </pre>
 */
public final class FamilyLinks {

  private FamilyLinks() {}

  /** The level-3 links of {@code patents}, each pair and kind once. */
  public static DataStream<PatentLink> links(DataStream<Patent> patents, FamilyLinkSettings settings) {
    TypeInformation<PatentLink> linkType = TypeInformation.of(PatentLink.class);
    return patents
        .flatMap(new Identifiers())
        .name("family-identifiers").uid("family-identifiers")
        .keyBy(m -> m.group)
        .process(new FamilyGroups(settings), linkType)
        .name("family-groups").uid("family-groups")
        .keyBy(FamilyLinks::key)
        .process(new DistinctLinks(settings.stateTtl()), linkType)
        .name("family-links").uid("family-links");
  }

  /** {@code from_key|to_key|kind}: a link's identity, and its record key on patents.links. */
  public static String key(PatentLink link) {
    return link.getFromKey() + '|' + link.getToKey() + '|' + link.getKind();
  }

  /** {@link SharedIdentifiers#of} as a Flink function. */
  static final class Identifiers implements FlatMapFunction<Patent, Membership> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(Patent patent, Collector<Membership> out) {
      SharedIdentifiers.of(patent).forEach(out::collect);
    }
  }
}
