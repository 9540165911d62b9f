package io.patent2tech.udfs.uspto.aps;

import io.patent2tech.udfs.normalize.ClassificationSymbols;

/**
 * What APS Green Book codes and fixed-width values mean, mapped to the schema's forms. Pure
 * functions; the field-by-field reading is {@link ApsPatentReader}'s.
 */
final class ApsCodes {

  /** Issue date from which US grants carry the kind codes of WIPO ST.16 2001 (B1, P2 ...). */
  static final String KIND_CODES_2001 = "20010102";

  private ApsCodes() {}

  /**
   * The patent number of a WKU: the office's zero-padded number without its last character, the
   * check digit ({@code 039327094 -> 03932709}, {@code D02987651 -> D0298765}); the normalizer then
   * drops the padding. A value that is not the 9-character form is kept as written.
   */
  static String patentNumber(String wku) {
    if (wku == null) {
      return null;
    }
    String w = wku.trim();
    if (w.length() == 9 && isDigit(w.charAt(8))) {
      return w.substring(0, 8);
    }
    return w.isEmpty() ? null : w;
  }

  /** The letters a patent number starts with: "" for a utility patent, D, PP, RE, H, T ... */
  static String series(String number) {
    if (number == null) {
      return "";
    }
    int i = 0;
    while (i < number.length() && Character.isLetter(number.charAt(i))) {
      i++;
    }
    return number.substring(0, i);
  }

  /**
   * document_type from APT (1 utility, 2 reissue, 4 design, 6 plant; 5 defensive publication, 7
   * statutory invention registration and any other code "other"); without an APT from the number's
   * series.
   */
  static String documentType(String apt, String series) {
    if (apt != null) {
      switch (apt.trim()) {
        case "1":
          return "utility";
        case "2":
          return "reissue";
        case "4":
          return "design";
        case "6":
          return "plant";
        default:
          return "other";
      }
    }
    switch (series) {
      case "":
        return "utility";
      case "D":
        return "design";
      case "PP":
      case "P":
        return "plant";
      case "RE":
        return "reissue";
      default:
        return "other";
    }
  }

  /**
   * The kind code APS does not write, from the type and the issue date: utility A (B1 from
   * 2001-01-02), design S, plant P (P2 from 2001-01-02), reissue E, statutory invention registration
   * H, defensive publication I4. A 2001 grant that followed a pre-grant publication (B2, P3) cannot be
   * told from the text and gets B1/P2.
   */
  static String kind(String documentType, String series, String issueDate) {
    boolean since2001 = issueDate != null && issueDate.trim().compareTo(KIND_CODES_2001) >= 0;
    if ("H".equals(series)) {
      return "H";
    }
    if ("T".equals(series)) {
      return "I4";
    }
    switch (documentType) {
      case "design":
        return "S";
      case "plant":
        return since2001 ? "P2" : "P";
      case "reissue":
        return "E";
      default:
        return since2001 ? "B1" : "A";
    }
  }

  /**
   * The application number as ICE writes it, series code and serial number: SRC {@code 5} and APN
   * {@code 4491556} (six digits and a check digit) give {@code 05449155}. An APN that is not seven
   * digits is kept as written, without a series code (a trailing {@code &}, which some files have,
   * dropped).
   */
  static String applicationNumber(String src, String apn) {
    if (apn == null) {
      return null;
    }
    String a = apn.trim();
    if (a.endsWith("&")) {
      a = a.substring(0, a.length() - 1).trim();
    }
    if (a.length() != 7 || !allDigits(a)) {
      return a.isEmpty() ? null : a;
    }
    String serial = a.substring(0, 6);
    String s = src == null ? "" : src.trim();
    if (s.isEmpty() || s.length() > 2 || !allDigits(s)) {
      return serial;
    }
    return (s.length() == 1 ? "0" + s : s) + serial;
  }

  /** APS country codes are ISO-3166 letters plus X ({@code JPX}, {@code DEX}): the two letters; other values as given. */
  static String country(String cnt) {
    if (cnt == null) {
      return null;
    }
    String c = cnt.trim();
    if (c.length() == 3 && c.charAt(2) == 'X') {
      return c.substring(0, 2);
    }
    return c.isEmpty() ? null : c;
  }

  /**
   * An ICL in APS's fixed width, subclass in 4 positions, main group right-aligned in 3, subgroup
   * after: {@code "H04M 1100" -> "H04M 11/00"}, {@code "B60R  900" -> "B60R 9/00"},
   * {@code "C12Q  168" -> "C12Q 1/68"}. A value that does not start with a subclass is returned as
   * written (the normalizer keeps it, white space collapsed).
   */
  static String ipc(String icl) {
    if (icl == null || icl.length() < 4) {
      return icl;
    }
    char section = icl.charAt(0);
    if (section < 'A' || section > 'H' || !isDigit(icl.charAt(1)) || !isDigit(icl.charAt(2))
        || !Character.isUpperCase(icl.charAt(3))) {
      return icl;
    }
    String main = icl.length() > 4 ? icl.substring(4, Math.min(7, icl.length())) : null;
    String sub = icl.length() > 7 ? icl.substring(7) : null;
    String symbol = ClassificationSymbols.cpcFromParts(icl.substring(0, 1), icl.substring(1, 3), icl.substring(3, 4),
        main, sub);
    return symbol != null ? symbol : icl;
  }

  /** {@code "Daniels; Everette E."} -> {last, first}; a name without {@code ;} -> {name, null}. */
  static String[] lastAndFirst(String nam) {
    int semi = nam.indexOf(';');
    if (semi < 0) {
      return new String[] {nam.trim(), null};
    }
    String last = nam.substring(0, semi).trim();
    String first = nam.substring(semi + 1).trim();
    return new String[] {last.isEmpty() ? null : last, first.isEmpty() ? null : first};
  }

  /** RLAP COD: 71 continuation, 72 continuation-in-part, 74 division; anything else "other". */
  static String relation(String cod) {
    if (cod == null) {
      return "other";
    }
    switch (cod.trim()) {
      case "71":
        return "continuation";
      case "72":
        return "continuation-in-part";
      case "74":
        return "division";
      default:
        return "other";
    }
  }

  /** The leading number of {@code "12."}, or -1. */
  static int leadingNumber(String s) {
    if (s == null) {
      return -1;
    }
    int v = 0;
    int i = 0;
    while (i < s.length() && i < 5 && isDigit(s.charAt(i))) {
      v = v * 10 + (s.charAt(i) - '0');
      i++;
    }
    return i == 0 ? -1 : v;
  }

  static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
