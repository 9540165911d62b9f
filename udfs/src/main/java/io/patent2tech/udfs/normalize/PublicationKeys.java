package io.patent2tech.udfs.normalize;

/**
 * DOCDB-style document keys (docs/design.md section 4).
 *
 * <ul>
 *   <li>publication key {@code CC-NUMBER-KIND}: {@code US,08930553,B2 -> US-8930553-B2},
 *       {@code US,D0701016,S1 -> US-D701016-S1}, {@code US,20050004437,A1 -> US-20050004437-A1};</li>
 *   <li>application key {@code CC-NUMBER}: {@code US,13/648,029 -> US-13648029}.</li>
 * </ul>
 *
 * <p>US publication numbers lose the office's zero padding but keep their letter prefix (D design,
 * PP plant, RE reissue, H statutory invention registration, T defensive publication, X/RX/AI
 * historical series); 11-digit pre-grant publication numbers (YYYY + 7 digits) are kept whole.
 * Separators ({@code / , space}) are removed: {@code 2007/0140112 -> 20070140112}. Numbers of other
 * offices are only stripped of whitespace: their own normalization belongs to their connectors.
 */
public final class PublicationKeys {

  /** Letter series of US publication numbers (design, plant, reissue, SIR, defensive publication, X-patents, ...). */
  private static final java.util.Set<String> US_PREFIXES =
      java.util.Set.of("D", "PP", "P", "RE", "H", "T", "X", "RX", "AI");

  private PublicationKeys() {}

  /**
   * {@code CC-NUMBER-KIND}, or {@code CC-NUMBER} when the kind is unknown. Returns null when the
   * country or the number is missing.
   */
  public static String publicationKey(String country, String number, String kind) {
    String cc = country(country);
    String n = normalizeNumber(cc, number);
    if (cc == null || n == null) {
      return null;
    }
    String k = kind(kind);
    StringBuilder sb = new StringBuilder(cc.length() + n.length() + 4);
    sb.append(cc).append('-').append(n);
    if (k != null) {
      sb.append('-').append(k);
    }
    return sb.toString();
  }

  /**
   * The publication number without the office's padding (see the class comment). Null or blank
   * input gives null; a number the rules do not recognise is returned without whitespace.
   */
  public static String normalizeNumber(String country, String number) {
    if (number == null) {
      return null;
    }
    String compact = stripped(number, "", false);
    if (!isUsOffice(country)) {
      return compact.isEmpty() ? null : compact;
    }
    String plain = stripped(number, "/,", true);
    if (plain.isEmpty()) {
      return null;
    }
    int len = plain.length();
    int letters = 0;
    while (letters < len && plain.charAt(letters) >= 'A' && plain.charAt(letters) <= 'Z') {
      letters++;
    }
    if (letters == len || (letters > 0 && !US_PREFIXES.contains(plain.substring(0, letters)))) {
      return compact; // not a [prefix]digits US publication number: keep as given
    }
    if (!isDigits(plain, letters)) {
      return compact; // e.g. PCT/CH02/00573, 1974-01
    }
    if (letters == 0 && len == 11 && plain.charAt(0) != '0') {
      return plain; // pre-grant publication YYYY+7 digits keeps all 11 digits
    }
    if (letters == 0 && len == 10 && startsWithYear(plain)) {
      // DOCDB pre-grant publication YYYY+6 digits (no US grant number has 10 digits)
      return plain.substring(0, 4) + '0' + plain.substring(4);
    }
    int firstSignificant = letters;
    while (firstSignificant < len - 1 && plain.charAt(firstSignificant) == '0') {
      firstSignificant++;
    }
    if (firstSignificant == letters) {
      return plain;
    }
    return plain.substring(0, letters) + plain.substring(firstSignificant);
  }

  /**
   * {@code CC-NUMBER} for an application: the number without whitespace and, for US, without
   * {@code / , -} separators (US application numbers keep their 2-digit series code, so no zero
   * stripping: {@code 09/832,323 -> US-09832323}). Null when country or number is missing.
   */
  public static String applicationKey(String country, String number) {
    String cc = country(country);
    String n = normalizeApplicationNumber(cc, number);
    if (cc == null || n == null) {
      return null;
    }
    return cc + '-' + n;
  }

  /** The application number as {@link #applicationKey} uses it, without the country. */
  public static String normalizeApplicationNumber(String country, String number) {
    if (number == null) {
      return null;
    }
    boolean us = isUsOffice(country);
    String n = stripped(number, us ? "/,-" : "", false);
    if (n.isEmpty()) {
      return null;
    }
    if (us && !isDigits(n, 0)) {
      return number.trim(); // only plain digit strings lose separators, not PCT/CH02/00573
    }
    if (us && n.length() == 12 && startsWithYear(n)) {
      return n.substring(4); // DOCDB: filing year + the USPTO's series code and serial
    }
    return n;
  }

  /** US, or no country at all (read as US). */
  private static boolean isUsOffice(String country) {
    String cc = country(country);
    return cc == null || "US".equals(cc);
  }

  /** number without white space (NBSP included) and without the given separators. */
  private static String stripped(String number, String separators, boolean upperCase) {
    StringBuilder sb = new StringBuilder(number.length());
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u00a0' && separators.indexOf(c) < 0) {
        sb.append(upperCase ? Character.toUpperCase(c) : c);
      }
    }
    return sb.toString();
  }

  /** 19xx or 20xx: the year DOCDB puts in front of US numbers. */
  private static boolean startsWithYear(String digits) {
    return digits.startsWith("19") || digits.startsWith("20");
  }

  private static boolean isDigits(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Upper-case two-letter (or longer, as given) office code; null when blank. */
  static String country(String country) {
    if (country == null) {
      return null;
    }
    String c = country.trim();
    if (c.isEmpty()) {
      return null;
    }
    return c.toUpperCase(java.util.Locale.ROOT);
  }

  /** Kind code upper case without whitespace; null when blank. */
  public static String kind(String kind) {
    if (kind == null) {
      return null;
    }
    String k = kind.trim();
    if (k.isEmpty()) {
      return null;
    }
    boolean clean = true;
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      if (Character.isWhitespace(c) || (c >= 'a' && c <= 'z')) {
        clean = false;
        break;
      }
    }
    if (clean) {
      return k;
    }
    StringBuilder sb = new StringBuilder(k.length());
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      if (!Character.isWhitespace(c)) {
        sb.append(Character.toUpperCase(c));
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }
}
