package io.patent2tech.udfs.links;

import java.util.Arrays;

/**
 * Everything one publication is linked to, by kind, as {@link LinkedDocuments} has seen it: the
 * whole lists, not the one link that changed them, so that the document written from it is a
 * function of this value alone (see LinkDocuments in the connectors).
 *
 * <p>A Flink POJO (public fields, no-argument constructor, arrays of strings), so Flink serializes
 * it field by field and never falls back to Kryo. Lists are sorted and hold each key once.
 */
public class DocumentLinks {

  /** The publication these links belong to. */
  public String publicationKey;
  /** Publications of the same DOCDB family (strong same-family links). */
  public String[] familyMembers = new String[0];
  /** Publications of the same application (strong same-application links). */
  public String[] applicationMembers = new String[0];
  /** Publications with near-identical text (verified near-duplicate links). */
  public String[] nearDuplicates = new String[0];

  public DocumentLinks() {}

  public DocumentLinks(String publicationKey, String[] familyMembers, String[] applicationMembers,
      String[] nearDuplicates) {
    this.publicationKey = publicationKey;
    this.familyMembers = familyMembers;
    this.applicationMembers = applicationMembers;
    this.nearDuplicates = nearDuplicates;
  }

  /**
   * Whether this publication stands for its family when a view shows one document per family: its
   * key is the least (string order) of itself and its family and application members. Exact when
   * every member is linked to every other, which a shared family id or application key gives.
   */
  public boolean familyRepresentative() {
    return Arrays.stream(familyMembers).allMatch(other -> publicationKey.compareTo(other) < 0)
        && Arrays.stream(applicationMembers).allMatch(other -> publicationKey.compareTo(other) < 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DocumentLinks other
        && java.util.Objects.equals(publicationKey, other.publicationKey)
        && Arrays.equals(familyMembers, other.familyMembers)
        && Arrays.equals(applicationMembers, other.applicationMembers)
        && Arrays.equals(nearDuplicates, other.nearDuplicates);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(publicationKey, Arrays.hashCode(familyMembers),
        Arrays.hashCode(applicationMembers), Arrays.hashCode(nearDuplicates));
  }

  @Override
  public String toString() {
    return publicationKey + " family=" + Arrays.toString(familyMembers) + " application="
        + Arrays.toString(applicationMembers) + " near-duplicates=" + Arrays.toString(nearDuplicates);
  }
}
