package io.patent2tech.udfs.normalize;

/**
 * Whitespace clean-up shared by the parser and the normalizer.
 *
 * <ul>
 *   <li>{@link #collapse}: one line; every run of whitespace (XML white space, NBSP, Unicode
 *       spaces, line and paragraph separators, control characters) becomes one space; trimmed;
 *       blank gives null.</li>
 *   <li>{@link #collapseParagraphs}: the same inside each paragraph; paragraphs are separated by a
 *       single {@code '\n'}, empty paragraphs are dropped.</li>
 * </ul>
 * Both return their argument unchanged (same instance) when it is already clean, so normalizing
 * parser output costs one scan and no allocation.
 */
public final class Texts {

  private Texts() {}

  /** True for characters the clean-up treats as white space (not counting '\n' in paragraphs). */
  public static boolean isSpace(char c) {
    if (c <= ' ') {
      return true; // XML white space and C0 controls (only \t \n \r are legal in XML 1.0 anyway)
    }
    if (c < 0x80) {
      return false;
    }
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028
        || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000 || (c >= 0x7f && c <= 0x9f);
  }

  /** Single-line form; null when null or blank. */
  public static String collapse(String s) {
    if (s == null || isClean(s, false)) {
      return s;
    }
    int n = s.length();
    StringBuilder sb = new StringBuilder(n);
    appendCollapsed(sb, s, 0, n);
    int len = sb.length();
    if (len > 0 && sb.charAt(len - 1) == ' ') {
      sb.setLength(len - 1);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  /** Paragraph form: paragraphs split on '\n', each collapsed, joined by '\n'; null when blank. */
  public static String collapseParagraphs(String s) {
    if (s == null || isClean(s, true)) {
      return s;
    }
    int n = s.length();
    StringBuilder sb = new StringBuilder(n);
    int start = 0;
    while (start <= n) {
      int nl = s.indexOf('\n', start);
      int end = nl < 0 ? n : nl;
      int before = sb.length();
      if (before > 0) {
        sb.append('\n');
      }
      int mark = sb.length();
      appendCollapsed(sb, s, start, end);
      int len = sb.length();
      if (len > mark && sb.charAt(len - 1) == ' ') {
        sb.setLength(len - 1);
      }
      if (sb.length() == mark) {
        sb.setLength(before); // empty paragraph
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  /** Whether collapse (with {@code paragraphs}: collapseParagraphs) would give s back unchanged. */
  private static boolean isClean(String s, boolean paragraphs) {
    int n = s.length();
    if (n == 0 || isSpace(s.charAt(0)) || isSpace(s.charAt(n - 1))) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = s.charAt(i);
      if (paragraphs && c == '\n') {
        if (isSpace(s.charAt(i - 1)) || isSpace(s.charAt(i + 1))) {
          return false;
        }
      } else if (isSpace(c) && (c != ' ' || isSpace(s.charAt(i + 1)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Appends s[from,to) to sb, turning white space runs into one space and never starting with a
   * space when sb is empty or already ends in a space or newline.
   */
  public static void appendCollapsed(StringBuilder sb, CharSequence s, int from, int to) {
    boolean pendingSpace = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        pendingSpace = true;
      } else {
        if (pendingSpace) {
          appendSeparator(sb);
          pendingSpace = false;
        }
        sb.append(c);
      }
    }
    if (pendingSpace) {
      appendSeparator(sb);
    }
  }

  /** A space unless sb is empty or already ends in a space or newline. */
  private static void appendSeparator(StringBuilder sb) {
    int len = sb.length();
    if (len > 0) {
      char last = sb.charAt(len - 1);
      if (last != ' ' && last != '\n') {
        sb.append(' ');
      }
    }
  }
}
