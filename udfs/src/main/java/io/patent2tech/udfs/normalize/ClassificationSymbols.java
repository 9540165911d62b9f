package io.patent2tech.udfs.normalize;

/**
 * One canonical spelling per classification scheme.
 *
 * <h2>CPC and IPC: {@code H04L 65/1069}</h2>
 * Section letter, two-digit class, subclass letter, one space, main group without leading zeros,
 * {@code /}, subgroup. Subgroup digits are positional (EPO's fixed form pads them on the right:
 * {@code 106900}), so trailing zeros beyond the second digit are dropped and a one-digit subgroup is
 * padded to two: {@code 00 -> 00}, {@code 0205 -> 0205}, {@code 045 -> 045}, {@code 100000 -> 10},
 * {@code 5 -> 50}. Accepted inputs: the ICE parts (section/class/subclass/main-group/subgroup), the
 * IPC-7 strings of {@code classification-ipc} ({@code G06F015/00}, {@code G06F 15/00},
 * {@code G06F  15/00}), EPO's fixed 14-character form ({@code H04L0065106900}); a version or date
 * after the symbol ({@code H04L 29/06 (2006.01)}) is ignored.
 *
 * <h2>USPC: {@code 370/352}</h2>
 * ICE writes {@code CCCSSSddd}: class in 3 positions (right-aligned, space padded), subclass in 3
 * positions, then up to 3 decimals. Class and subclass lose padding and leading zeros, decimals lose
 * trailing zeros: {@code 709228 -> 709/228}, {@code 714  4 -> 714/4}, {@code 600300000 -> 600/300},
 * {@code 34053912 -> 340/539.12}, {@code 2291982 -> 229/198.2}, {@code D 1101 -> D1/101},
 * {@code " 53169" -> 53/169}. Alphanumeric subclasses ({@code DIG. 1}, {@code E11.007}) are kept as
 * written. An input that already has a slash is only trimmed. {@code None} gives null.
 *
 * <h2>Locarno: {@code 01-01}</h2>
 * class-subclass, two digits each: {@code 0101 -> 01-01}.
 *
 * <p>Every method returns null when the input is blank, and otherwise falls back to the input with
 * whitespace collapsed when it cannot be read (nothing is dropped silently).
 */
public final class ClassificationSymbols {

  private ClassificationSymbols() {}

  /** CPC/IPC symbol from the ICE parts; null when section, class or subclass is missing. */
  public static String cpcFromParts(String section, String clazz, String subclass, String mainGroup,
                                    String subgroup) {
    String s = Texts.collapse(section);
    String c = digitsOnly(clazz);
    String sc = Texts.collapse(subclass);
    if (s == null || c == null || sc == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(16);
    sb.append(s.toUpperCase(java.util.Locale.ROOT));
    if (c.length() == 1) {
      sb.append('0');
    }
    sb.append(c).append(sc.toUpperCase(java.util.Locale.ROOT));
    String mg = digitsOnly(mainGroup);
    if (mg == null) {
      return sb.toString();
    }
    sb.append(' ').append(stripLeadingZeros(mg)).append('/');
    String sg = digitsOnly(subgroup);
    sb.append(subgroup(sg == null ? "00" : sg));
    return sb.toString();
  }

  /**
   * CPC/IPC symbol from a string form; null for blank input; the collapsed input when it is not a
   * recognisable symbol.
   */
  public static String cpc(String raw) {
    String in = Texts.collapse(raw);
    if (in == null) {
      return null;
    }
    String parsed = parseCpc(in);
    return parsed != null ? parsed : in;
  }

  private static String parseCpc(String in) {
    // strip all whitespace, upper case
    StringBuilder t = new StringBuilder(in.length());
    for (int i = 0; i < in.length(); i++) {
      char c = in.charAt(i);
      if (c == '(') {
        break; // "(2006.01)" version suffix
      }
      if (c != ' ') {
        t.append(Character.toUpperCase(c));
      }
    }
    int n = t.length();
    if (n < 4) {
      return null;
    }
    char section = t.charAt(0);
    if (section < 'A' || section > 'Z' || !isDigit(t.charAt(1)) || !isDigit(t.charAt(2))) {
      return null;
    }
    char subclass = t.charAt(3);
    if (subclass < 'A' || subclass > 'Z') {
      return null;
    }
    String head = t.substring(0, 4);
    if (n == 4) {
      return head;
    }
    int slash = t.indexOf("/", 4);
    String main;
    String sub;
    if (slash >= 0) {
      main = t.substring(4, slash);
      int e = slash + 1;
      while (e < n && isDigit(t.charAt(e))) {
        e++;
      }
      sub = t.substring(slash + 1, e);
    } else {
      int e = 4;
      while (e < n && isDigit(t.charAt(e))) {
        e++;
      }
      String digits = t.substring(4, e);
      if (digits.length() != 10) {
        return null;
      }
      main = digits.substring(0, 4);
      sub = digits.substring(4);
    }
    if (main.isEmpty() || !allDigits(main) || sub.isEmpty()) {
      return null;
    }
    return head + ' ' + stripLeadingZeros(main) + '/' + subgroup(sub);
  }

  /** USPC {@code class/subclass}; null for blank input or {@code None}. */
  public static String uspc(String raw) {
    if (raw == null) {
      return null;
    }
    String trimmed = raw.trim();
    if (trimmed.isEmpty() || "None".equalsIgnoreCase(trimmed)) {
      return null;
    }
    int slash = trimmed.indexOf('/');
    if (slash >= 0) {
      String cls = uspcClass(trimmed.substring(0, slash));
      String sub = Texts.collapse(trimmed.substring(slash + 1));
      return (cls == null ? "" : cls) + '/' + (sub == null ? "" : sub);
    }
    // positional CCCSSSddd on the raw (untrimmed-left) value; a leading space is class padding
    String s = stripTrailing(raw);
    if (s.length() <= 3) {
      String cls = uspcClass(s);
      return cls == null ? Texts.collapse(raw) : cls;
    }
    String cls = uspcClass(s.substring(0, 3));
    String rest = s.substring(3);
    String sub;
    int intEnd = Math.min(3, rest.length());
    String intPart = rest.substring(0, intEnd).trim();
    String decPart = rest.substring(intEnd).trim();
    if (allDigits(intPart) && (decPart.isEmpty() || allDigits(decPart))) {
      String i = stripLeadingZeros(intPart.isEmpty() ? "0" : intPart);
      String d = stripTrailingZeros(decPart);
      sub = d.isEmpty() ? i : i + '.' + d;
    } else {
      sub = Texts.collapse(rest); // alphanumeric subclass such as "DIG. 1"
    }
    if (cls == null) {
      return Texts.collapse(raw);
    }
    return sub == null ? cls : cls + '/' + sub;
  }

  private static String uspcClass(String raw) {
    String c = raw.trim();
    if (c.isEmpty()) {
      return null;
    }
    String compact = c.replace(" ", "");
    if (allDigits(compact)) {
      return stripLeadingZeros(compact);
    }
    if (compact.length() > 1 && compact.charAt(0) == 'D' && allDigits(compact.substring(1))) {
      return "D" + stripLeadingZeros(compact.substring(1));
    }
    return compact.toUpperCase(java.util.Locale.ROOT); // PLT, G9B, ...
  }

  /** Locarno {@code CC-SS}; null for blank input. */
  public static String locarno(String raw) {
    String in = Texts.collapse(raw);
    if (in == null) {
      return null;
    }
    String compact = in.replace(" ", "").replace("-", "").replace("/", "");
    if (compact.length() == 4 && allDigits(compact)) {
      return compact.substring(0, 2) + '-' + compact.substring(2);
    }
    if (compact.length() == 3 && allDigits(compact)) {
      return '0' + compact.substring(0, 1) + '-' + compact.substring(1);
    }
    return in;
  }

  static String subgroup(String digits) {
    int end = digits.length();
    while (end > 2 && digits.charAt(end - 1) == '0') {
      end--;
    }
    String s = digits.substring(0, end);
    if (s.length() == 1) {
      s = s + '0';
    } else if (s.isEmpty()) {
      s = "00";
    }
    return s;
  }

  private static String digitsOnly(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder sb = null;
    String t = raw.trim();
    for (int i = 0; i < t.length(); i++) {
      if (!isDigit(t.charAt(i))) {
        sb = new StringBuilder(t.length());
        break;
      }
    }
    if (sb == null) {
      return t.isEmpty() ? null : t;
    }
    for (int i = 0; i < t.length(); i++) {
      if (isDigit(t.charAt(i))) {
        sb.append(t.charAt(i));
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  private static String stripLeadingZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return i == 0 ? digits : digits.substring(i);
  }

  private static String stripTrailingZeros(String digits) {
    int e = digits.length();
    while (e > 0 && digits.charAt(e - 1) == '0') {
      e--;
    }
    return digits.substring(0, e);
  }

  private static String stripTrailing(String s) {
    int e = s.length();
    while (e > 0 && s.charAt(e - 1) <= ' ') {
      e--;
    }
    return s.substring(0, e);
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
