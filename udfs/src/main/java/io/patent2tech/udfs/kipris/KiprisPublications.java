package io.patent2tech.udfs.kipris;

import io.patent2tech.schema.DocumentId;

/**
 * Which publication a KIPRIS record stands for, and its kind code. KIPRIS gives no kind codes;
 * they are derived here.
 *
 * <h2>Right, from the 13-digit application number</h2>
 * Prefix {@code 10} patent, {@code 20} utility model, {@code 30} design (out of scope: rejected by
 * the mapper). When the application number is missing, the prefix of the opening or registration
 * number is used (they share it).
 *
 * <h2>Registration first</h2>
 * A record with a registration number is mapped as the <b>registration</b>: kind {@code B1}
 * (patent) or {@code Y1} (utility model), number = the registration number without KIPO's
 * {@code 0000} suffix ({@code 1014769820000 -> 101476982}, i.e. KR 10-1476982, DOCDB
 * {@code KR101476982B1}), date = the registration announcement date ({@code PublicDate} /
 * {@code publicationDate}, 등록공고일), else the registration date. Its unexamined publication, if
 * any, is kept as a {@code related-publication}. Why: a KIPRIS row or detail response describes the
 * application as it stands now; once granted, its claims and status are the granted ones, and one
 * record per application (not one per stage) keeps the search rows and detail responses of the same
 * application on the same key.
 *
 * <p>Otherwise a record with an opening number is the <b>unexamined publication</b>: kind {@code A}
 * (patent) or {@code U} (utility model), number = the 13-digit opening number as KIPO writes it
 * ({@code 1020220148723}; key {@code KR-1020220148723-A}), date = the opening date. A record with
 * neither (refused or withdrawn before publication) has no publication and is rejected.
 */
final class KiprisPublications {

  /** patent, utility model, design, or something else (trademark numbers start with 40). */
  enum Right {
    PATENT, UTILITY_MODEL, DESIGN, OTHER
  }

  /** The chosen publication, and the earlier unexamined publication when the registration was chosen. */
  record Choice(DocumentId publication, DocumentId earlierPublication) {}

  private KiprisPublications() {}

  static Right right(String applicationNumber, String openNumber, String registrationNumber) {
    String n = applicationNumber != null ? applicationNumber : openNumber != null ? openNumber : registrationNumber;
    if (n == null || n.length() < 2) {
      return Right.OTHER;
    }
    switch (n.substring(0, 2)) {
      case "10":
        return Right.PATENT;
      case "20":
        return Right.UTILITY_MODEL;
      case "30":
        return Right.DESIGN;
      default:
        return Right.OTHER;
    }
  }

  /**
   * @return the choice, or null when the record has neither a registration nor an opening number
   */
  static Choice choose(Right right, String openNumber, String openDate, String registrationNumber,
                       String registrationPublicationDate, String registrationDate) {
    boolean utility = right == Right.UTILITY_MODEL;
    DocumentId opening = openNumber == null ? null
        : new DocumentId("KR", openNumber, utility ? "U" : "A", openDate);
    if (registrationNumber != null) {
      String date = registrationPublicationDate != null ? registrationPublicationDate : registrationDate;
      DocumentId reg = new DocumentId("KR", registrationNumber(registrationNumber), utility ? "Y1" : "B1", date);
      return new Choice(reg, opening);
    }
    return opening == null ? null : new Choice(opening, null);
  }

  /** {@code 1014769820000 -> 101476982}: KIPO pads registration numbers with four zeros. */
  static String registrationNumber(String n) {
    if (n.length() == 13 && n.endsWith("0000") && isDigits(n)) {
      return n.substring(0, 9);
    }
    return n;
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
