package io.patent2tech.udfs.eval.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

class SynonymDictionaryTest {

  private final SynonymDictionary dict = SynonymDictionary.defaults();

  @Test
  void theSeedsThreeGroupsWithTheirEnglishCounterparts() {
    for (String t : new String[] {"표시_장치", "디스플레이", "화면", "모니터", "LCD", "LED", "OLED", "display", "Screen", "monitor"}) {
      assertThat(dict.canonical(t)).as(t).isEqualTo("display device");
    }
    for (String t : new String[] {"저장_장치", "메모리", "스토리지", "저장부", "HDD", "SSD", "memory", "storage", "hard disk drive"}) {
      assertThat(dict.canonical(t)).as(t).isEqualTo("storage device");
    }
    for (String t : new String[] {"처리_장치", "프로세서", "CPU", "처리부", "processor", "microprocessor"}) {
      assertThat(dict.canonical(t)).as(t).isEqualTo("processing unit");
    }
  }

  @Test
  void controllerIsItsOwnGroupNotAProcessor() {
    assertThat(dict.canonical("controller")).isEqualTo("control unit");
    assertThat(dict.canonical("제어부")).isEqualTo("control unit");
  }

  @Test
  void spellingVariantsMeetOnOneKey() {
    assertThat(dict.canonical("  저장 장치 ")).isEqualTo("storage device");
    assertThat(dict.canonical("저장장치")).isEqualTo("storage device");
    assertThat(dict.canonical("Display_Device")).isEqualTo("display device");
    assertThat(dict.canonical("Liquid   Crystal\tDisplay")).isEqualTo("display device");
  }

  @Test
  void unknownTermIsReturnedInKeySpelling() {
    assertThat(dict.canonical(" Flow  Restrictor ")).isEqualTo("flow restrictor");
    assertThat(dict.canonical("원반형 바퀴부")).isEqualTo("원반형바퀴부");
    assertThat(dict.canonical("")).isEmpty();
  }

  @Test
  void defaultsHaveSeveralDozenGroupsAndAreShared() {
    assertThat(dict.size()).isGreaterThan(300);
    assertThat(SynonymDictionary.defaults()).isSameAs(dict);
  }

  @Test
  void readsTheFormat() {
    SynonymDictionary d = SynonymDictionary.read(new StringReader(
        "# comment\n\nwidget\tgizmo|Gadget|위젯\n"), "test.tsv");
    assertThat(d.canonical("GADGET")).isEqualTo("widget");
    assertThat(d.canonical("위젯")).isEqualTo("widget");
    assertThat(d.canonical("widget")).isEqualTo("widget");
    assertThat(d.size()).isEqualTo(4);
  }

  @Test
  void malformedLinesAreClearErrors() {
    assertThatThrownBy(() -> SynonymDictionary.read(new StringReader("widget gizmo\n"), "test.tsv"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("test.tsv:1: expected canonical<TAB>variant|variant|...");
    assertThatThrownBy(() -> SynonymDictionary.read(new StringReader("widget\tgizmo||gadget\n"), "test.tsv"))
        .isInstanceOf(IllegalStateException.class).hasMessage("test.tsv:1: empty variant");
  }

  @Test
  void aTermInTwoGroupsIsAnError() {
    assertThatThrownBy(() -> SynonymDictionary.read(new StringReader("widget\tgizmo\ngadget\tGizmo\n"), "test.tsv"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("test.tsv:2: 'gizmo' is already a variant of 'widget'");
  }

  @Test
  void nullTermIsAClearError() {
    assertThatThrownBy(() -> dict.canonical(null)).isInstanceOf(NullPointerException.class).hasMessage("term");
  }
}
