package io.patent2tech.udfs.uspto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Figure;

class DrawingViewsTest {

  @Test
  void labelsAViewParagraphStartsWith() {
    assertThat(DrawingViews.leadingLabels("FIG. 1 is a perspective view of cheese")).containsExactly("1");
    assertThat(DrawingViews.leadingLabels("FIG. 2A is a simplified flowchart of FIG. 1")).containsExactly("2A");
    assertThat(DrawingViews.leadingLabels("FIG. 2a is a schematic representation")).containsExactly("2A");
    assertThat(DrawingViews.leadingLabels("FIGS. 3 and 4 show in top view a sequence")).containsExactly("3", "4");
    assertThat(DrawingViews.leadingLabels("FIGS. 6 to 8 diagrammatically show")).containsExactly("6", "7", "8");
    assertThat(DrawingViews.leadingLabels("FIGS. 5A-5C are views")).containsExactly("5A", "5B", "5C");
    assertThat(DrawingViews.leadingLabels("FIGS. 5A-C are views")).containsExactly("5A", "5B", "5C");
    assertThat(DrawingViews.leadingLabels("FIGS. 1(a) and 1(b) are")).containsExactly("1A", "1B");
    assertThat(DrawingViews.leadingLabels("FIG. 1, FIG. 2 and FIG. 3 are")).containsExactly("1", "2", "3");
    assertThat(DrawingViews.leadingLabels("Figure 10 shows")).containsExactly("10");
    assertThat(DrawingViews.leadingLabels("The broken lines shown in the drawings")).isEmpty();
    assertThat(DrawingViews.leadingLabels("Figurative language")).isEmpty();
  }

  /** KIPO's brief descriptions (도면의 간단한 설명) name a FIG. "도 N" and end the label with a particle. */
  @Test
  void labelsAKoreanViewParagraphStartsWith() {
    assertThat(DrawingViews.leadingLabels("도 1은 본 발명의 일 실시예에 따른 용기의 사시도이다.")).containsExactly("1");
    assertThat(DrawingViews.leadingLabels("도 2는 도 1의 정면도이다.")).containsExactly("2");
    assertThat(DrawingViews.leadingLabels("도 3 및 도 4는 각각 좌측면도 및 우측면도이다.")).containsExactly("3", "4");
    assertThat(DrawingViews.leadingLabels("도 3과 도 4는 단면도이다.")).containsExactly("3", "4");
    assertThat(DrawingViews.leadingLabels("도 5a 내지 도 5c는 확대도이다.")).containsExactly("5A", "5B", "5C");
    assertThat(DrawingViews.leadingLabels("도 10은 흐름도이다.")).containsExactly("10");
    assertThat(DrawingViews.leadingLabels("도면에 도시된 바와 같이")).isEmpty();
    assertThat(DrawingViews.leadingLabels("도시된 바와 같이 1은")).isEmpty();
  }

  @Test
  void viewTextDropsListPunctuation() {
    assertThat(DrawingViews.viewText("FIG. 7 is another front view thereof; and,")).isEqualTo("FIG. 7 is another front view thereof");
    assertThat(DrawingViews.viewText("FIG. 2 is a view;")).isEqualTo("FIG. 2 is a view");
    assertThat(DrawingViews.viewText("FIG. 8 is a right side view thereof.")).isEqualTo("FIG. 8 is a right side view thereof.");
  }

  private static List<Figure> sheets(int n, boolean frontPage) {
    List<Figure> l = new ArrayList<>();
    for (int i = frontPage ? 0 : 1; i <= n; i++) {
      l.add(new Figure(String.format("Fig-EMI-D%05d", i), null, new ArrayList<>(), null));
    }
    return l;
  }

  @Test
  void oneToOneWhenSheetsAndFigsPairUp() {
    List<Figure> f = sheets(3, true);
    DrawingViews.assign(f, List.of("The drawings:", "FIG. 1 is a top view;", "FIG. 2 is a side view; and", "FIG. 3 is a bottom view."));
    assertThat(f.get(0).getFigureNumbers()).isEmpty(); // front page: which FIG it reproduces is not stated
    assertThat(f.get(1).getFigureNumbers()).containsExactly("1");
    assertThat(f.get(2).getViewText()).isEqualTo("FIG. 2 is a side view");
    assertThat(f.get(3).getFigureNumbers()).containsExactly("3");
  }

  @Test
  void byFigNumberWhenLetteredFigsShareASheet() {
    List<Figure> f = sheets(2, false);
    DrawingViews.assign(f, List.of("FIG. 1A is a view.", "FIG. 1B is a detail.", "FIG. 2 is a section."));
    assertThat(f.get(0).getFigureNumbers()).containsExactly("1A", "1B");
    assertThat(f.get(0).getViewText()).isEqualTo("FIG. 1A is a view. FIG. 1B is a detail.");
    assertThat(f.get(1).getFigureNumbers()).containsExactly("2");
  }

  @Test
  void byParagraphWhenParagraphsGroupTheFigs() {
    List<Figure> f = sheets(2, false);
    DrawingViews.assign(f, List.of("FIGS. 1 and 2 are views.", "FIGS. 3 to 5 are sections."));
    assertThat(f.get(0).getFigureNumbers()).containsExactly("1", "2");
    assertThat(f.get(1).getFigureNumbers()).containsExactly("3", "4", "5");
    assertThat(f.get(1).getViewText()).isEqualTo("FIGS. 3 to 5 are sections.");
  }

  @Test
  void singleSheetShowsEverythingAndAmbiguousCasesAreLeftEmpty() {
    List<Figure> one = sheets(1, true);
    DrawingViews.assign(one, List.of("FIG. 1 is a view.", "FIG. 2 is another view."));
    assertThat(one.get(1).getFigureNumbers()).containsExactly("1", "2");
    assertThat(one.get(0).getFigureNumbers()).isEmpty();

    List<Figure> amb = sheets(4, true); // 4 sheets, 8 FIGs: which FIG is on which sheet is not stated
    List<String> paras = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      paras.add("FIG. " + i + " is a view thereof;");
    }
    DrawingViews.assign(amb, paras);
    assertThat(amb).allSatisfy(x -> {
      assertThat(x.getFigureNumbers()).isEmpty();
      assertThat(x.getViewText()).isNull();
    });

    List<Figure> single = sheets(1, true); // exactly one FIG: the front page is that FIG too
    DrawingViews.assign(single, List.of("FIG. 1 is a perspective view."));
    assertThat(single.get(0).getFigureNumbers()).containsExactly("1");
  }
}
