package io.patent2tech.udfs.links.family;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.RelatedDocument;
import io.patent2tech.udfs.normalize.PublicationKeys;

/**
 * The identifier groups one patent belongs to (level 3 of docs/design.md section 4; pure, no
 * state): a member of the groups of its application key, its DOCDB family id and its publication
 * number; a referrer of the group of each related document and priority claim, in the key form of
 * the document it names.
 *
 * <p>A related document names either an application or a publication, and the records do not say
 * which. It is read as a publication when the relation is {@code related-publication}, when it has
 * a kind code, or when it is a US number that no US application number can be (a letter series
 * such as RE or D, 11 digits of a pre-grant publication, or 7 digits and fewer: US application
 * numbers are a 2-digit series code and 6 digits); otherwise as an application. A number without a
 * country is read in the citing document's country, as the offices write them.
 */
public final class SharedIdentifiers {

  /** US publication series with a letter prefix (reissue, design, plant, SIR, defensive publication, X-patents). */
  private static final java.util.regex.Pattern US_LETTER_SERIES =
      java.util.regex.Pattern.compile("(RE|D|PP|P|H|T|X|RX|AI)\\d+");

  private SharedIdentifiers() {}

  /** The groups of {@code patent}, each once; empty without a publication key. */
  public static List<Membership> of(Patent patent) {
    String key = patent.getPublicationKey();
    if (key == null) {
      return List.of();
    }
    Set<Membership> out = new LinkedHashSet<>();
    Set<String> own = new LinkedHashSet<>();
    if (patent.getApplicationKey() != null) {
      own.add(member(out, Membership.APPLICATION, patent.getApplicationKey(), key));
    }
    if (patent.getFamilyId() != null && !patent.getFamilyId().isBlank()) {
      own.add(member(out, Membership.FAMILY, patent.getFamilyId().trim(), key));
    }
    DocumentId publication = patent.getPublication();
    String ownCountry = publication == null ? null : publication.getCountry();
    if (publication != null) {
      String number = PublicationKeys.publicationKey(publication.getCountry(), publication.getNumber(), null);
      if (number != null) {
        own.add(member(out, Membership.PUBLICATION, number, key));
      }
    }
    for (RelatedDocument related : patent.getRelatedDocuments()) {
      Membership reference = reference(related, ownCountry, key);
      // an office lists a first filing's own application as its priority (EPO does): not a link
      if (reference != null && !own.contains(reference.group)) {
        out.add(reference);
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The group a related document refers to, with the link kind of its relation; null when it
   * names no number.
   */
  static Membership reference(RelatedDocument related, String ownCountry, String publicationKey) {
    DocumentId d = related.getDocument();
    if (d == null || d.getNumber() == null) {
      return null;
    }
    String country = d.getCountry() != null && !d.getCountry().isBlank() ? d.getCountry() : ownCountry;
    String kind = LinkKinds.ofRelation(related.getRelation());
    if (namesPublication(related.getRelation(), country, d)) {
      String number = PublicationKeys.publicationKey(country, d.getNumber(), null);
      return number == null ? null : new Membership(Membership.PUBLICATION, number, publicationKey, kind);
    }
    String application = PublicationKeys.applicationKey(country, d.getNumber());
    return application == null ? null : new Membership(Membership.APPLICATION, application, publicationKey, kind);
  }

  /** See the class comment. */
  static boolean namesPublication(String relation, String country, DocumentId d) {
    if ("related-publication".equals(relation) || (d.getKind() != null && !d.getKind().isBlank())) {
      return true;
    }
    if (country != null && !"US".equalsIgnoreCase(country.trim())) {
      return false;
    }
    String n = d.getNumber().replaceAll("[\\s\u00a0/,\\-]", "").toUpperCase(java.util.Locale.ROOT);
    if (US_LETTER_SERIES.matcher(n).matches()) {
      return true;
    }
    // the length before any zero is stripped: 09/832,323 is an application of 8 digits
    return n.chars().allMatch(Character::isDigit) && !n.isEmpty() && (n.length() == 11 || n.length() <= 7);
  }

  private static String member(Set<Membership> out, String type, String id, String publicationKey) {
    Membership m = new Membership(type, id, publicationKey, null);
    out.add(m);
    return m.group;
  }
}
