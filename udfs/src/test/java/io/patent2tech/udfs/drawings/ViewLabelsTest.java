package io.patent2tech.udfs.drawings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * View labels, drawing types and embodiments of real sentences: the English ones are copied from
 * the brief descriptions of the USPTO fixtures (fixtures/uspto: ipgD0701016, USD435854S1,
 * ipg08672134, ipa20180000016, ipa20200022300, US08930553, US08926509), the Korean ones are written
 * as KIPRIS brief descriptions (도면의 간단한 설명) read.
 */
class ViewLabelsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // ipgD0701016 (design, ICE v4.4)
      "FIG. 1 is a perspective view of cheese in form of a triangular pyramid showing the new design;|perspective",
      "FIG. 4 is a front elevational view thereof;|front",
      "FIG. 5 is a rear elevational view thereof;|rear",
      "FIG. 6 is a top view thereof;|top",
      "FIG. 7 is another front view thereof; and,|front",
      "FIG. 8 is a right side view thereof.|right",
      // USD435854S1 (design, ST.32)
      "FIG. 1 is a front, top and right side perspective view of one embodiment of a disc cartridge showing our new design on an enlarged scale|perspective",
      "FIG. 3 is a top plan view of the one embodiment|top",
      "FIG. 4 is a bottom plan view of the one embodiment|bottom",
      "FIG. 5 is a rear view of the one embodiment|rear",
      "FIG. 6 is a left side elevational view of the one embodiment|left",
      "FIG. 7 is a right side elevational view of the one embodiment|right",
      // utility grants and applications
      "FIGS. 3 and 4 show in top view a sequence of operations required to open the child-resistant medication container|top",
      "FIG. 5 is a diagrammatic top view of the internal mechanism for opening/closing the container|top",
      "FIG. 9 is a bottom view of a child-resistant medication container according to a second embodiment|bottom",
      "FIG. 10 is a partial sectional view showing in an enlarged manner a detail of FIG. 9|section",
      "FIG. 1 is a schematic cross sectional view of a light emitting device according to an embodiment|section",
      "FIG. 2 illustrates a side view of one embodiment of a row unit suitable for use with a seed planting implement|right",
      "FIG. 3 illustrates a schematic view of one embodiment of a system for controlling the operation of an actuator|schematic",
      "FIG. 4 illustrates a cross-sectional view of one embodiment of a flow restrictor|section",
      "FIG. 2A is a simplified flowchart illustration of an exemplary method of operation of SIP container 102|flowchart",
      "FIG. 4 is a simplified block diagram illustration of an exemplary hardware implementation|schematic",
      "FIG. 1 is a simplified conceptual illustration of a system for managing mid-dialog SIP messages|schematic",
      "FIG. 1A is a block diagram of a first embodiment of a general architecture of wireless health monitoring system|schematic",
      "FIG. 2 illustrates examples of various sensors that can be included in a distributed sensor network.|other",
      // the brief's vocabulary, in the forms the offices write it
      "FIG. 4 is a cross-sectional view taken along line 4-4 of FIG. 3|section",
      "FIG. 5 is an exploded perspective view of the assembly|exploded",
      "FIG. 6 is an enlarged view of portion A of FIG. 5|enlarged",
      "FIG. 7 is a flow chart of the method|flowchart",
      "FIG. 8 is a graph of the measured voltage|graph",
      "FIG. 9 is a plot of signal strength over time|graph",
      "FIG. 2 is a front view of a flow meter|front",
      "FIG. 3 is a perspective view of a graph plotter|perspective",
      "FIG. 7 is a view similar to FIG. 6|other",
      // Korean (KIPRIS): the view is the compound at the end
      "도 1은 본 발명의 일 실시예에 따른 용기의 사시도이다.|perspective",
      "도 2는 도 1의 정면도이다.|front",
      "도 3은 배면도이다.|rear",
      "도 4는 평면도이다.|top",
      "도 5는 저면도이다.|bottom",
      "도 6은 좌측면도이다.|left",
      "도 7은 우측면도이다.|right",
      "도 8은 도 4의 A-A선 단면도이다.|section",
      "도 9는 본 발명의 일 실시예에 따른 용기의 분해사시도이다.|exploded",
      "도 10은 도 8의 B부분 확대도이다.|enlarged",
      "도 11은 본 발명에 따른 제어 장치의 블록도이다.|schematic",
      "도 12는 본 발명에 따른 제어 방법의 흐름도이다.|flowchart",
      "도 13은 본 발명에 따른 제어 방법의 순서도이다.|flowchart",
      "도 14는 온도에 따른 출력을 나타낸 그래프이다.|graph",
  })
  void readsTheViewOfASentence(String sentence, String view) {
    assertThat(ViewLabels.view(sentence)).isEqualTo(view);
    assertThat(ViewLabels.ALL).contains(view);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "FIG. 1 is a schematic cross sectional view of a light emitting device|schematic",
      "FIG. 5 is a diagrammatic top view of the internal mechanism|schematic",
      "FIG. 2A is a simplified flowchart illustration of an exemplary method|flowchart",
      "FIG. 8 is a graph of the measured voltage|graph",
      "FIG. 4 is a front elevational view thereof;|null",
      "FIG. 1 is a perspective view of cheese in form of a triangular pyramid showing the new design;|null",
      "도 11은 본 발명에 따른 제어 장치의 블록도이다.|schematic",
      "도 15는 본 발명에 따른 회로의 개략적인 구성도이다.|schematic",
      "도 2는 도 1의 정면도이다.|null",
  })
  void readsTheDrawingTypeWhateverTheView(String sentence, String type) {
    assertThat(ViewLabels.drawingType(sentence)).isEqualTo(type);
  }

  @ParameterizedTest(name = "{0} (current {1}) -> {2}")
  @CsvSource(delimiter = '|', value = {
      "FIG. 1 is a front, top and right side perspective view of one embodiment of a disc cartridge|1|1",
      "FIG. 8 is a front, top and right side perspective view of another embodiment of a disc cartridge|1|2",
      "FIG. 9 is a front elevational view of the another embodiment|2|2",
      "FIG. 8 is a perspective view of a second embodiment|1|2",
      "FIG. 9 is a front view thereof|2|2",
      "FIG. 17 is a bottom view of the internal mechanism according to a third embodiment of the invention|2|3",
      "FIG. 9 illustrates a cross-sectional view of a further embodiment of a system|3|4",
      "FIG. 2 is a top view of the container according to the first embodiment of the invention|1|1",
      "도 5는 본 발명의 다른 실시예에 따른 용기의 사시도이다.|1|2",
      "도 6은 본 발명의 다른 실시예에 따른 용기의 정면도이다.|2|2",
      "도 9는 본 발명의 또 다른 실시예에 따른 용기의 사시도이다.|2|3",
      "도 12는 본 발명의 제3 실시예에 따른 용기의 평면도이다.|1|3",
      "도 2는 도 1의 정면도이다.|1|1",
  })
  void followsTheEmbodiment(String sentence, int current, int embodiment) {
    assertThat(ViewLabels.embodiment(sentence, current)).isEqualTo(embodiment);
  }
}
