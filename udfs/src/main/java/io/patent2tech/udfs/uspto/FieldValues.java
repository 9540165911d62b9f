package io.patent2tech.udfs.uspto;

import java.util.Locale;

/** Small conversions of attribute and element values shared by the section readers. */
final class FieldValues {

  private FieldValues() {}

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /** A non-negative decimal of at most 9 digits, else {@code fallback}. */
  static int parseIntOr(String s, int fallback) {
    if (s == null) {
      return fallback;
    }
    int v = 0;
    int n = s.length();
    if (n == 0 || n > 9) {
      return fallback;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return fallback;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** The first run of digits in s ({@code CLM-00012} -> 12), or -1. */
  static int firstNumber(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && !Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      return -1;
    }
    int j = i;
    while (j < n && Character.isDigit(s.charAt(j)) && j - i < 9) {
      j++;
    }
    return Integer.parseInt(s.substring(i, j));
  }

  static String stripLeadingZeros(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }
}
