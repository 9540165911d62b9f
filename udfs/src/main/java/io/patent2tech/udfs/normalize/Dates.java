package io.patent2tech.udfs.normalize;

/**
 * Office dates to ISO-8601 {@code yyyy-MM-dd}.
 *
 * <p>Accepted input: {@code yyyyMMdd} (what every USPTO XML format writes) and {@code yyyy-MM-dd}
 * (already normalized; normalization is idempotent), surrounding whitespace ignored. Anything else,
 * and impossible dates ({@code 20101100}: day 00, as citations carry; {@code 20150230}), give null.
 * Years outside 1700..2199 are treated as invalid too. {@link #isoPartial} keeps year-month and year
 * of partial dates ({@code 20101100 -> 2010-11}).
 */
public final class Dates {

  private Dates() {}

  /** The ISO date, or null when the input is missing or not a valid calendar date. */
  public static String iso(String raw) {
    if (raw == null) {
      return null;
    }
    int start = 0;
    int end = raw.length();
    while (start < end && raw.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && raw.charAt(end - 1) <= ' ') {
      end--;
    }
    int n = end - start;
    int y;
    int m;
    int d;
    if (n == 8) {
      y = digits(raw, start, 4);
      m = digits(raw, start + 4, 2);
      d = digits(raw, start + 6, 2);
    } else if (n == 10 && raw.charAt(start + 4) == '-' && raw.charAt(start + 7) == '-') {
      y = digits(raw, start, 4);
      m = digits(raw, start + 5, 2);
      d = digits(raw, start + 8, 2);
    } else {
      return null;
    }
    if (y < 1700 || y > 2199 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
      return null;
    }
    if (n == 10 && start == 0 && end == raw.length()) {
      return raw;
    }
    char[] out = new char[10];
    out[0] = (char) ('0' + y / 1000);
    out[1] = (char) ('0' + (y / 100) % 10);
    out[2] = (char) ('0' + (y / 10) % 10);
    out[3] = (char) ('0' + y % 10);
    out[4] = '-';
    out[5] = (char) ('0' + m / 10);
    out[6] = (char) ('0' + m % 10);
    out[7] = '-';
    out[8] = (char) ('0' + d / 10);
    out[9] = (char) ('0' + d % 10);
    return new String(out);
  }

  /**
   * Like {@link #iso}, but a date the office gives only in part keeps the part it has:
   * {@code 20101100 -> 2010-11}, {@code 20100000 -> 2010} (citations carry such dates). Used for
   * cited and related documents; never for the publication or application date, which must be full.
   * Already partial ISO input ({@code 2010-11}, {@code 2010}) is returned as is.
   */
  public static String isoPartial(String raw) {
    String full = iso(raw);
    if (full != null || raw == null) {
      return full;
    }
    String t = raw.trim();
    int y;
    int m;
    int d;
    if (t.length() == 8) {
      y = digits(t, 0, 4);
      m = digits(t, 4, 2);
      d = digits(t, 6, 2);
    } else if (t.length() == 7 && t.charAt(4) == '-') {
      y = digits(t, 0, 4);
      m = digits(t, 5, 2);
      d = 0;
    } else if (t.length() == 4) {
      y = digits(t, 0, 4);
      m = 0;
      d = 0;
    } else {
      return null;
    }
    if (y < 1700 || y > 2199 || d != 0 || m < 0 || m > 12) {
      return null;
    }
    String year = t.substring(0, 4);
    if (m == 0) {
      return year;
    }
    return year + '-' + (m < 10 ? "0" : "") + m;
  }

  /** True when {@link #iso} would return a date. */
  public static boolean isValid(String raw) {
    return iso(raw) != null;
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int daysInMonth(int y, int m) {
    switch (m) {
      case 2:
        return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }
}
