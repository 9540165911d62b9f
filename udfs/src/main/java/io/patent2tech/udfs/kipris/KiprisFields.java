package io.patent2tech.udfs.kipris;

import java.util.ArrayList;
import java.util.List;

/**
 * Field names of KIPRIS records and small value clean-ups. The same fact has a PascalCase name in
 * the legacy {@code openapi/rest} rows ({@code OpeningNumber}, {@code RegistrationNumber},
 * {@code PublicDate}) and a camelCase one in {@code kipo-api/kipi} responses ({@code openNumber},
 * {@code registerNumber}, {@code publicationDate}); look-ups ignore case, so each list names the
 * spellings that differ by more than case.
 */
final class KiprisFields {

  static final String[] APPLICATION_NUMBER = {"ApplicationNumber"};
  static final String[] APPLICATION_DATE = {"ApplicationDate"};
  /** Unexamined publication (공개). */
  static final String[] OPEN_NUMBER = {"OpeningNumber", "openNumber"};
  static final String[] OPEN_DATE = {"OpeningDate", "openDate"};
  /** Registration announcement (등록공고): number rarely given, date is the B1/Y1 publication date. */
  static final String[] PUBLICATION_NUMBER = {"PublicNumber", "publicationNumber"};
  static final String[] PUBLICATION_DATE = {"PublicDate", "publicationDate"};
  /** Registration (등록). */
  static final String[] REGISTRATION_NUMBER = {"RegistrationNumber", "registerNumber"};
  static final String[] REGISTRATION_DATE = {"RegistrationDate", "registerDate"};
  static final String[] STATUS = {"RegistrationStatus", "registerStatus", "applicationStatus"};
  static final String[] TITLE = {"InventionName", "inventionTitle", "articleName"};
  static final String[] TITLE_EN = {"inventionTitleEng"};
  static final String[] ABSTRACT = {"Abstract", "astrtCont"};
  static final String[] IPC = {"InternationalpatentclassificationNumber", "ipcNumber"};
  static final String[] CPC = {"cpcNumber", "cooperativepatentclassificationNumber", "cpc"};
  static final String[] APPLICANTS = {"Applicant", "applicantName"};
  static final String[] INVENTORS = {"Inventor", "inventorName"};
  static final String[] AGENTS = {"Agent", "agentName"};
  static final String[] FAMILY_ID = {"docdbFamilyId", "docdbFamilyIdentifier"};

  private KiprisFields() {}

  /**
   * An office number without white space and, when what is left is digits and dashes only, without
   * the dashes ({@code 10-2023-0012345 -> 1020230012345}); null when blank.
   */
  static String number(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(raw.length());
    boolean digitsAndDashes = true;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        continue;
      }
      if (c != '-' && (c < '0' || c > '9')) {
        digitsAndDashes = false;
      }
      sb.append(c);
    }
    if (sb.length() == 0) {
      return null;
    }
    String s = sb.toString();
    return digitsAndDashes ? s.replace("-", "") : s;
  }

  /**
   * {@code yyyyMMdd} from the forms KIPRIS writes: {@code 20150729}, {@code 2019.08.19},
   * {@code (2006.01.01)}, {@code 2019-08-19}. Anything else is returned trimmed, for the
   * normalizer to judge; null when blank.
   */
  static String compactDate(String raw) {
    if (raw == null) {
      return null;
    }
    String t = raw.trim();
    if (t.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder(8);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append(c);
      } else if (c != '.' && c != '-' && c != '/' && c != '(' && c != ')' && c != ' ') {
        return t;
      }
    }
    return sb.length() == 8 ? sb.toString() : t;
  }

  /** The parts of a pipe-joined legacy list ({@code G06F 17/30|H04L 29/06}), trimmed, blanks left out. */
  static List<String> pipeList(String joined) {
    List<String> out = new ArrayList<>(2);
    if (joined == null) {
      return out;
    }
    for (String part : joined.split("\\|")) {
      String t = part.trim();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }
}
