package io.patent2tech.udfs.drawings;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a sentence of the brief description of the drawings says a figure is: its view label
 * ({@link #view}), its drawing type ({@link #drawingType}) and which embodiment it shows ({@link
 * #embodiment}), in English ("FIG. 2 is a top plan view thereof") and Korean ("도 2는 평면도이다").
 *
 * <p>English sentences name the view before the object ("a perspective view of a cheese showing
 * the new design"), so only their head is read: the words up to the first noun that ends a view's
 * name (view, diagram, chart, graph, plot, flowchart, ...), so the object's own words ("a front view
 * of a flow meter") do not count. Korean names the view last ("... 용기의 사시도이다"), as a compound
 * (사시도, 분해사시도), so the whole sentence is read.
 *
 * <p>Where a head names several views the most specific one wins: flowchart, graph, exploded,
 * section, enlarged (detail), perspective ("a front, top and right side perspective view" is a
 * perspective), then the first orthographic direction named, then schematic, else other.
 */
public final class ViewLabels {

  public static final String FRONT = "front";
  public static final String REAR = "rear";
  public static final String TOP = "top";
  public static final String BOTTOM = "bottom";
  public static final String LEFT = "left";
  public static final String RIGHT = "right";
  public static final String PERSPECTIVE = "perspective";
  public static final String SECTION = "section";
  public static final String EXPLODED = "exploded";
  public static final String ENLARGED = "enlarged";
  public static final String SCHEMATIC = "schematic";
  public static final String FLOWCHART = "flowchart";
  public static final String GRAPH = "graph";
  public static final String OTHER = "other";

  /** Every view label, in the order of docs/drawings.md. */
  public static final List<String> ALL = List.of(FRONT, REAR, TOP, BOTTOM, LEFT, RIGHT, PERSPECTIVE, SECTION,
      EXPLODED, ENLARGED, SCHEMATIC, FLOWCHART, GRAPH, OTHER);

  /** The six directions of an orthographic set. */
  public static final List<String> ORTHOGRAPHIC = List.of(FRONT, REAR, TOP, BOTTOM, LEFT, RIGHT);

  /** The nouns an English view name ends with; the head of a sentence ends after the first. */
  private static final Pattern HEAD_END = Pattern.compile(
      "\\b(views?|diagrams?|charts?|flow-?charts?|graphs?|plots?|drawings?|illustrations?"
          + "|representations?|elevations?|sections?|cross-sections?|layouts?)\\b");

  private static final Pattern EN_FLOWCHART = Pattern.compile("\\bflow\\s*-?\\s*(charts?|diagrams?)\\b");
  private static final Pattern EN_GRAPH = Pattern.compile(
      "\\b(graphs?|graphical representations?|plots?|charts?|timing diagrams?|histograms?|spectr(um|a))\\b");
  private static final Pattern EN_EXPLODED = Pattern.compile("\\bexploded\\b");
  private static final Pattern EN_SECTION = Pattern.compile("\\b(cross-?\\s?sectional|sectional|sections?|cross-?\\s?sections?|cutaway|cut-away)\\b");
  private static final Pattern EN_ENLARGED = Pattern.compile(
      "\\b(enlarged|magnified|close-up|detail|partial)\\b(?!\\s+scale)");
  private static final Pattern EN_PERSPECTIVE = Pattern.compile("\\b(perspective|isometric)\\b");
  private static final Pattern EN_SCHEMATIC = Pattern.compile(
      "\\b(schematic(ally)?|diagram(matic(ally)?)?s?|block diagrams?|circuit|wiring|conceptual)\\b");
  /** The orthographic directions; the first one named wins ("a left side view, the right being a mirror image"). */
  private static final Pattern EN_DIRECTION = Pattern.compile(
      "\\b(front|rear|back|top|plan|bottom|underside|left|right|side)\\b");

  private static final String[][] KO_BY_PRIORITY = {
      {FLOWCHART, "흐름도", "순서도", "플로우차트", "플로차트", "흐름 도"},
      {GRAPH, "그래프", "타이밍도", "차트"},
      {EXPLODED, "분해"},
      {SECTION, "단면도", "단면 도"},
      {ENLARGED, "확대도", "확대 도", "상세도", "부분도"},
      {PERSPECTIVE, "사시도"},
  };
  /** Korean directions, longest first (좌측면도 before 측면도, 저면도 before 평면도). */
  private static final String[][] KO_DIRECTIONS = {
      {LEFT, "좌측면도", "좌측 면도"}, {RIGHT, "우측면도", "우측 면도"}, {BOTTOM, "저면도", "하면도"},
      {REAR, "배면도", "후면도"}, {FRONT, "정면도"}, {TOP, "평면도", "상면도"}, {RIGHT, "측면도"},
  };
  private static final String[] KO_SCHEMATIC = {"블록도", "블럭도", "구성도", "회로도", "개략도", "개념도", "모식도", "블록 다이어그램"};

  private static final Pattern EN_ORDINAL_EMBODIMENT = Pattern.compile(
      "\\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\\s+(alternat(e|ive)\\s+|modified\\s+|preferred\\s+|exemplary\\s+)?(embodiment|version|variant)\\b");
  private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth",
      "seventh", "eighth", "ninth", "tenth");
  /** "another embodiment", "an alternate embodiment", but not "the another embodiment" (that one is the current). */
  private static final Pattern EN_NEW_EMBODIMENT = Pattern.compile(
      "(?<!\\bthe\\s)\\b(another|an?\\s+(alternat(e|ive)|modified|further|different|other|additional))\\s+"
          + "(embodiment|version|variant|configuration)\\b");
  private static final Pattern KO_ORDINAL_EMBODIMENT = Pattern.compile("제\\s*(\\d+)\\s*(실시\\s*예|실시\\s*형태|변형\\s*예)");
  /** "또 다른 실시예" (yet another): the next one. */
  private static final Pattern KO_NEXT_EMBODIMENT = Pattern.compile("또\\s*다른\\s*(실시\\s*예|실시\\s*형태)");
  /**
   * "다른 실시예" (an other embodiment, said again in each sentence about it), "변형예": the second,
   * or the current one when that is past the first.
   */
  private static final Pattern KO_OTHER_EMBODIMENT = Pattern.compile("(다른|변형된)\\s*(실시\\s*예|실시\\s*형태)|변형\\s*예");

  private ViewLabels() {}

  /** The view label of one sentence; {@link #OTHER} when it names none (null and blank included). */
  public static String view(String sentence) {
    if (sentence == null || sentence.isBlank()) {
      return OTHER;
    }
    if (isKorean(sentence)) {
      return koreanView(sentence);
    }
    String head = head(sentence);
    if (EN_FLOWCHART.matcher(head).find() || head.contains("flowchart")) {
      return FLOWCHART;
    }
    if (EN_GRAPH.matcher(head).find()) {
      return GRAPH;
    }
    if (EN_EXPLODED.matcher(head).find()) {
      return EXPLODED;
    }
    if (EN_SECTION.matcher(head).find()) {
      return SECTION;
    }
    if (EN_ENLARGED.matcher(head).find()) {
      return ENLARGED;
    }
    if (EN_PERSPECTIVE.matcher(head).find()) {
      return PERSPECTIVE;
    }
    Matcher direction = EN_DIRECTION.matcher(head);
    if (direction.find()) {
      return switch (direction.group(1)) {
        case "front" -> FRONT;
        case "rear", "back" -> REAR;
        case "top", "plan" -> bottomPlan(head, direction) ? BOTTOM : TOP;
        case "bottom", "underside" -> BOTTOM;
        case "left" -> LEFT;
        case "right" -> RIGHT;
        default -> RIGHT; // "side view": either side's outline (left mirrors right)
      };
    }
    if (EN_SCHEMATIC.matcher(head).find()) {
      return SCHEMATIC;
    }
    return OTHER;
  }

  /**
   * The drawing type the sentence gives, whatever the view: flowchart, graph, schematic ("a
   * schematic cross-sectional view" is a section and a schematic), or null for a drawing of an
   * object.
   */
  public static String drawingType(String sentence) {
    if (sentence == null || sentence.isBlank()) {
      return null;
    }
    String view = view(sentence);
    if (view.equals(FLOWCHART) || view.equals(GRAPH) || view.equals(SCHEMATIC)) {
      return view;
    }
    if (isKorean(sentence)) {
      for (String w : KO_SCHEMATIC) {
        if (sentence.contains(w)) {
          return SCHEMATIC;
        }
      }
      return null;
    }
    return EN_SCHEMATIC.matcher(head(sentence)).find() ? SCHEMATIC : null;
  }

  /**
   * The embodiment the sentence names: its ordinal ("a second embodiment", "제2 실시예" -> 2),
   * {@code current + 1} for a new one without an ordinal ("another embodiment", "an alternate
   * embodiment", "또 다른 실시예"); Korean repeats "다른 실시예" in each sentence about the other
   * embodiment, so that one is the second (or the current one past it); else {@code current} ("thereof", "of the another embodiment").
   */
  public static int embodiment(String sentence, int current) {
    if (sentence == null) {
      return current;
    }
    if (isKorean(sentence)) {
      Matcher m = KO_ORDINAL_EMBODIMENT.matcher(sentence);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (KO_NEXT_EMBODIMENT.matcher(sentence).find()) {
        return current + 1;
      }
      return KO_OTHER_EMBODIMENT.matcher(sentence).find() ? Math.max(current, 2) : current;
    }
    String s = sentence.toLowerCase(Locale.ROOT);
    Matcher m = EN_ORDINAL_EMBODIMENT.matcher(s);
    if (m.find()) {
      return ORDINALS.indexOf(m.group(1)) + 1;
    }
    return EN_NEW_EMBODIMENT.matcher(s).find() ? current + 1 : current;
  }

  /** The English head: lower case, without the FIG label, up to the first noun that ends a view's name. */
  static String head(String sentence) {
    String s = sentence.toLowerCase(Locale.ROOT).replace('\u2013', '-');
    // drop the leading label ("fig. 2a is"), so "fig" and "2a" never read as words of the view
    Matcher verb = Pattern.compile("^\\s*fig[a-z]*\\.?[^a-z]*(?:(?:and|or|to|through)\\b[^a-z]*(?:fig[a-z]*\\.?[^a-z]*)?)*")
        .matcher(s);
    if (verb.find()) {
      s = s.substring(verb.end());
    }
    Matcher end = HEAD_END.matcher(s);
    return end.find() ? s.substring(0, end.end()) : s;
  }

  /** "a bottom plan view": plan with bottom before it in the head. */
  private static boolean bottomPlan(String head, Matcher plan) {
    return head.substring(0, plan.start()).matches("(?s).*\\b(bottom|underside)\\b.*");
  }

  private static String koreanView(String s) {
    for (String[] label : KO_BY_PRIORITY) {
      for (int i = 1; i < label.length; i++) {
        if (s.contains(label[i])) {
          return label[0];
        }
      }
    }
    String first = null;
    int at = Integer.MAX_VALUE;
    for (String[] direction : KO_DIRECTIONS) {
      for (int i = 1; i < direction.length; i++) {
        int k = s.indexOf(direction[i]);
        // 좌측면도 contains 측면도 at k + 1: the longer, earlier match is kept
        if (k >= 0 && k < at) {
          at = k;
          first = direction[0];
        }
      }
    }
    if (first != null) {
      return first;
    }
    for (String w : KO_SCHEMATIC) {
      if (s.contains(w)) {
        return SCHEMATIC;
      }
    }
    return OTHER;
  }

  private static boolean isKorean(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\uAC00' && c <= '\uD7A3') {
        return true;
      }
    }
    return false;
  }
}
