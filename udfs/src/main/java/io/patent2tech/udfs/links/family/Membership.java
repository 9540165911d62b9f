package io.patent2tech.udfs.links.family;

import java.util.Objects;

/**
 * One document in one identifier group: the unit {@link FamilyGroups} is keyed by ({@link #group}).
 * A member carries the identifier itself (its application, its family, its publication number); a
 * referrer claims or cites it ({@link #referenceKind} says how). A Flink POJO.
 */
public class Membership {

  /** Group of the documents whose application key is the identifier. */
  public static final String APPLICATION = "application";
  /** Group of the documents whose DOCDB simple family id is the identifier. */
  public static final String FAMILY = "family";
  /** Group of the documents whose publication number (CC-NUMBER, any kind) is the identifier. */
  public static final String PUBLICATION = "publication";

  /** {@code type|identifier}, e.g. {@code application|US-13648029}, {@code family|43088294}. */
  public String group;
  /** The identifier alone, written to {@code PatentLink.shared_id}. */
  public String sharedId;
  /** The publication key of the document. */
  public String publicationKey;
  /** Null for a member; the link kind ({@link LinkKinds}) for a document referring to the identifier. */
  public String referenceKind;

  public Membership() {}

  public Membership(String type, String sharedId, String publicationKey, String referenceKind) {
    this.group = type + '|' + sharedId;
    this.sharedId = sharedId;
    this.publicationKey = publicationKey;
    this.referenceKind = referenceKind;
  }

  /** The group's type: {@link #APPLICATION}, {@link #FAMILY} or {@link #PUBLICATION}. */
  public String type() {
    return group.substring(0, group.indexOf('|'));
  }

  public boolean isMember() {
    return referenceKind == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Membership m && Objects.equals(group, m.group) && Objects.equals(sharedId, m.sharedId)
        && Objects.equals(publicationKey, m.publicationKey) && Objects.equals(referenceKind, m.referenceKind);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, publicationKey, referenceKind);
  }

  @Override
  public String toString() {
    return (isMember() ? "member " : referenceKind + " ") + publicationKey + " of " + group;
  }
}
