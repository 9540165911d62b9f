package io.patent2tech.udfs.links.family;

/**
 * The kinds and strengths of level-3 links (the values of {@code PatentLink.kind} and {@code
 * strength}, schemas/src/main/avro/PatentLink.avsc), and which relation of a {@code
 * RelatedDocument} gives which kind.
 */
public final class LinkKinds {

  public static final String SAME_APPLICATION = "same-application";
  public static final String SAME_FAMILY = "same-family";
  public static final String PRIORITY = "priority";
  public static final String CONTINUATION = "continuation";
  public static final String CONTINUATION_IN_PART = "continuation-in-part";
  public static final String DIVISION = "division";
  public static final String REISSUE = "reissue";
  public static final String RELATED = "related";

  /** Every kind above: the label values of the {@code linksMade} metric. */
  public static final java.util.Set<String> ALL = java.util.Set.of(SAME_APPLICATION, SAME_FAMILY, PRIORITY,
      CONTINUATION, CONTINUATION_IN_PART, DIVISION, REISSUE, RELATED);

  /** A shared identifier: both documents are publications of one application or one simple family. */
  public static final String STRONG = "strong";
  /** A claim or reference: the documents are related inventions, not the same one. */
  public static final String WEAK = "weak";

  private LinkKinds() {}

  /**
   * The link kind of a related document's relation ({@code RelatedDocument.relation}): a provisional
   * application is claimed as a priority like any other; related publications and unknown
   * relations are {@code related}.
   */
  public static String ofRelation(String relation) {
    if (relation == null) {
      return RELATED;
    }
    return switch (relation) {
      case "priority", "provisional" -> PRIORITY;
      case "continuation" -> CONTINUATION;
      case "continuation-in-part" -> CONTINUATION_IN_PART;
      case "division" -> DIVISION;
      case "reissue" -> REISSUE;
      default -> RELATED;
    };
  }

  /** Same application or family: strong; every claim or reference: weak. */
  public static String strength(String kind) {
    return SAME_APPLICATION.equals(kind) || SAME_FAMILY.equals(kind) ? STRONG : WEAK;
  }

  /** Symmetric kinds are written once per pair, from the smaller key to the larger. */
  public static boolean symmetric(String kind) {
    return SAME_APPLICATION.equals(kind) || SAME_FAMILY.equals(kind);
  }
}
