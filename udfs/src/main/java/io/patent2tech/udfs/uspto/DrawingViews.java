package io.patent2tech.udfs.uspto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.patent2tech.schema.Figure;

/**
 * Reads the brief description of the drawings ("FIG. 2 is a top plan view ...") and attaches FIG
 * numbers and view sentences to the drawing sheets ({@code <figure>} elements).
 *
 * <p>In ICE a {@code <figure>} is one TIFF image: {@code D00000} is the front-page (representative)
 * drawing, {@code D00001..} are the drawing sheets, each of which may show several FIGs. The XML
 * never says which FIG is on which sheet, so the mapping is only made where it is unambiguous:
 * <ol>
 *   <li>one sheet: it shows every described FIG;</li>
 *   <li>as many sheets as described FIG labels: sheet i shows label i (document order);</li>
 *   <li>as many sheets as FIG numbers (labels grouped by number: 2A, 2B -> 2): sheet i shows group i;</li>
 *   <li>as many sheets as view paragraphs ("FIGS. 3 and 4 show ..."): sheet i shows paragraph i's FIGs;</li>
 *   <li>otherwise nothing is guessed: figure_numbers stays empty and view_text null.</li>
 * </ol>
 * The front-page image gets the label only when the patent describes exactly one FIG (it is then
 * necessarily that FIG); otherwise it stays empty.
 */
public final class DrawingViews {

  private DrawingViews() {}

  /** One view paragraph: the FIG labels it describes and its text. */
  public static final class View {
    public final List<String> labels;
    public final String text;

    View(List<String> labels, String text) {
      this.labels = labels;
      this.text = text;
    }

    @Override
    public String toString() {
      return labels + ": " + text;
    }
  }

  /**
   * A view that follows another in the same paragraph: "...; FIG. 2 is ..." or "...; and, FIG. 14
   * is ..." (ST.32 design grants list all their views in one paragraph).
   */
  private static final Pattern NEXT_VIEW = Pattern.compile(";\\s+(?:and,?\\s+)?(?=FIG(?:URE|S)?\\b)");

  /**
   * The view paragraphs among the brief-description paragraphs, in order; a paragraph that lists
   * several views separated by semicolons counts as one paragraph per view.
   */
  public static List<View> views(List<String> paragraphs) {
    List<View> out = new ArrayList<>(paragraphs.size());
    for (String paragraph : paragraphs) {
      for (String p : NEXT_VIEW.split(paragraph)) {
        List<String> labels = leadingLabels(p);
        if (!labels.isEmpty()) {
          out.add(new View(labels, viewText(p)));
        }
      }
    }
    return out;
  }

  /** Fills figure_numbers and view_text of the figures in place (see the class comment). */
  public static void assign(List<Figure> figures, List<String> bdodParagraphs) {
    if (figures.isEmpty() || bdodParagraphs.isEmpty()) {
      return;
    }
    List<View> views = views(bdodParagraphs);
    if (views.isEmpty()) {
      return;
    }
    // distinct labels in order, each with the text of the first paragraph that describes it
    Map<String, String> labelText = new LinkedHashMap<>();
    for (View v : views) {
      for (String l : v.labels) {
        labelText.putIfAbsent(l, v.text);
      }
    }
    List<String> labels = new ArrayList<>(labelText.keySet());

    Figure front = null;
    List<Figure> sheets = new ArrayList<>(figures.size());
    for (Figure f : figures) {
      if (front == null && figures.size() > 1 && isFrontPage(f)) {
        front = f;
      } else {
        sheets.add(f);
      }
    }
    if (front != null && labels.size() == 1) {
      set(front, labels, labelText);
    }
    if (sheets.isEmpty()) {
      return;
    }
    if (sheets.size() == 1) {
      set(sheets.get(0), labels, labelText);
      return;
    }
    if (sheets.size() == labels.size()) {
      for (int i = 0; i < sheets.size(); i++) {
        set(sheets.get(i), Collections.singletonList(labels.get(i)), labelText);
      }
      return;
    }
    List<List<String>> groups = groupByNumber(labels);
    if (sheets.size() == groups.size()) {
      for (int i = 0; i < sheets.size(); i++) {
        set(sheets.get(i), groups.get(i), labelText);
      }
      return;
    }
    if (sheets.size() == views.size()) {
      for (int i = 0; i < sheets.size(); i++) {
        set(sheets.get(i), views.get(i).labels, labelText);
      }
    }
    // otherwise ambiguous: leave the sheets without labels
  }

  private static void set(Figure f, List<String> labels, Map<String, String> labelText) {
    f.setFigureNumbers(new ArrayList<>(labels));
    StringBuilder sb = new StringBuilder();
    String last = null;
    for (String l : labels) {
      String t = labelText.get(l);
      if (t != null && !t.equals(last) && (sb.indexOf(t) < 0)) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(t);
      }
      last = t;
    }
    f.setViewText(sb.length() == 0 ? null : sb.toString());
  }

  /** The front-page image: num 0 or an id ending in D00000. */
  public static boolean isFrontPage(Figure f) {
    String id = f.getId();
    if (id != null && id.endsWith("D00000")) {
      return true;
    }
    String file = f.getFile();
    return file != null && file.toUpperCase(Locale.ROOT).contains("-D00000.");
  }

  private static List<List<String>> groupByNumber(List<String> labels) {
    List<List<String>> groups = new ArrayList<>();
    String lastNumber = null;
    for (String l : labels) {
      int e = 0;
      while (e < l.length() && Character.isDigit(l.charAt(e))) {
        e++;
      }
      String number = l.substring(0, e);
      if (groups.isEmpty() || !number.equals(lastNumber)) {
        groups.add(new ArrayList<>(2));
      }
      groups.get(groups.size() - 1).add(l);
      lastNumber = number;
    }
    return groups;
  }

  /** The paragraph without trailing list punctuation ("...thereof; and," becomes "...thereof"). */
  static String viewText(String p) {
    String t = p.trim();
    boolean changed = true;
    while (changed && !t.isEmpty()) {
      changed = false;
      char last = t.charAt(t.length() - 1);
      if (last == ',' || last == ';' || last == ':') {
        t = t.substring(0, t.length() - 1).trim();
        changed = true;
        continue;
      }
      for (String w : new String[] {" and", " or"}) {
        if (t.endsWith(w)) {
          String before = t.substring(0, t.length() - w.length()).trim();
          if (!before.isEmpty() && (before.endsWith(";") || before.endsWith(","))) {
            t = before;
            changed = true;
            break;
          }
        }
      }
    }
    return t;
  }

  /**
   * The FIG labels a view paragraph starts with: "FIG. 1 is" -> [1]; "FIGS. 3 and 4 show" -> [3, 4];
   * "FIGS. 6 to 8" -> [6, 7, 8]; "FIGS. 5A-5C" -> [5A, 5B, 5C]; "FIG. 2a is" -> [2A];
   * "FIGS. 1(a) and 1(b)" -> [1A, 1B]; Korean "도 1은" -> [1], "도 3 및 도 4는" -> [3, 4], "도 5a 내지
   * 도 5c는" -> [5A, 5B, 5C]. Empty when the paragraph does not start with FIG/FIGURE/도.
   */
  public static List<String> leadingLabels(String paragraph) {
    String s = paragraph;
    int n = s.length();
    int i = 0;
    while (i < n && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    int k = keyword(s, i);
    if (k < 0) {
      return Collections.emptyList();
    }
    i = k;
    List<String> labels = new ArrayList<>(2);
    boolean range = false;
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '.' || c == ',' || c == '\u00a0') {
        i++;
        continue;
      }
      if (Character.isDigit(c)) {
        int e = i;
        while (e < n && Character.isDigit(s.charAt(e))) {
          e++;
        }
        StringBuilder label = new StringBuilder(s.substring(i, e));
        // suffix letters directly attached ("2A", "2a", "10B") or in parentheses ("1(a)")
        int f = e;
        if (f < n && s.charAt(f) == '(') {
          int close = s.indexOf(')', f);
          if (close > f + 1 && close - f <= 4 && isAlnum(s, f + 1, close)) {
            label.append(s, f + 1, close);
            f = close + 1;
          }
        } else {
          int g = f;
          while (g < n && g - f < 2 && isAsciiLetter(s.charAt(g))) {
            g++;
          }
          // only a suffix when the letters end the token ("2A is", not "2nd"); Latin letters only,
          // so a Korean particle is not one ("도 1은", "도 3과") and may follow one ("도 5c는")
          if (g > f && (g == n || !isAsciiLetter(s.charAt(g)))) {
            label.append(s, f, g);
            f = g;
          }
        }
        while (f < n && (s.charAt(f) == '\'' || s.charAt(f) == '\u2032')) {
          label.append('\'');
          f++;
        }
        String l = label.toString().toUpperCase(Locale.ROOT);
        if (range && !labels.isEmpty()) {
          expandRange(labels, labels.get(labels.size() - 1), l);
        } else {
          add(labels, l);
        }
        range = false;
        i = f;
        continue;
      }
      if (c == '-' || c == '\u2013' || c == '\u2014' || c == '~') {
        range = true;
        i++;
        continue;
      }
      if (c == '&') {
        i++;
        continue;
      }
      // words: connectors, a repeated FIG keyword, or a bare suffix letter after a range ("5A-C")
      int e = i;
      while (e < n && Character.isLetter(s.charAt(e))) {
        e++;
      }
      if (e == i) {
        break;
      }
      String w = s.substring(i, e).toLowerCase(Locale.ROOT);
      if (w.equals("and") || w.equals("or") || w.equals("및") || w.equals("과") || w.equals("와")
          || w.equals("또는")) {
        range = false;
        i = e;
        continue;
      }
      if (w.equals("to") || w.equals("through") || w.equals("thru") || w.equals("내지")) {
        range = true;
        i = e;
        continue;
      }
      int kk = keyword(s, i);
      if (kk > 0) {
        i = kk;
        continue;
      }
      if (range && e - i == 1 && !labels.isEmpty()) {
        String prev = labels.get(labels.size() - 1);
        String number = prev.replaceAll("[^0-9].*$", "");
        expandRange(labels, prev, number + w.toUpperCase(Locale.ROOT));
        range = false;
        i = e;
        continue;
      }
      break;
    }
    return labels;
  }

  /**
   * Index after FIG/FIGS/FIGURE/FIGURES (any case, optional dot), or after the Korean 도 of
   * "도 1은" (KIPO's FIG., followed by a space or a digit, unlike 도면 or 도시), or -1.
   */
  private static int keyword(String s, int i) {
    int n = s.length();
    if (i < n && s.charAt(i) == '\uB3C4' && i + 1 < n
        && (Character.isWhitespace(s.charAt(i + 1)) || Character.isDigit(s.charAt(i + 1)))) {
      return i + 1;
    }
    if (i + 3 > n || !s.regionMatches(true, i, "FIG", 0, 3)) {
      return -1;
    }
    int j = i + 3;
    if (j + 3 <= n && s.regionMatches(true, j, "URE", 0, 3)) {
      j += 3;
    }
    if (j < n && (s.charAt(j) == 'S' || s.charAt(j) == 's')) {
      j++;
    }
    if (j < n && Character.isLetter(s.charAt(j))) {
      return -1; // "Figurine", "Figs" is fine but "Fight" is not a keyword
    }
    if (j < n && s.charAt(j) == '.') {
      j++;
    }
    return j;
  }

  private static void expandRange(List<String> labels, String from, String to) {
    int[] a = split(from);
    int[] b = split(to);
    String sa = suffix(from);
    String sb = suffix(to);
    if (a != null && b != null) {
      if (sa.isEmpty() && sb.isEmpty() && b[0] > a[0] && b[0] - a[0] <= 100) {
        for (int x = a[0] + 1; x <= b[0]; x++) {
          add(labels, Integer.toString(x));
        }
        return;
      }
      if (a[0] == b[0] && sa.length() == 1 && sb.length() == 1 && sb.charAt(0) > sa.charAt(0)
          && sb.charAt(0) - sa.charAt(0) <= 26) {
        for (char ch = (char) (sa.charAt(0) + 1); ch <= sb.charAt(0); ch++) {
          add(labels, a[0] + String.valueOf(ch));
        }
        return;
      }
    }
    add(labels, to);
  }

  private static int[] split(String label) {
    int e = 0;
    while (e < label.length() && Character.isDigit(label.charAt(e))) {
      e++;
    }
    if (e == 0 || e > 6) {
      return null;
    }
    return new int[] {Integer.parseInt(label.substring(0, e))};
  }

  private static String suffix(String label) {
    int e = 0;
    while (e < label.length() && Character.isDigit(label.charAt(e))) {
      e++;
    }
    return label.substring(e);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isAlnum(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isLetterOrDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static void add(List<String> labels, String l) {
    if (!labels.contains(l)) {
      labels.add(l);
    }
  }
}
