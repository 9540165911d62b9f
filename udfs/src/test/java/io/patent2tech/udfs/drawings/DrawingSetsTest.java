package io.patent2tech.udfs.drawings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.DescriptionSection;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.DrawingFigure;
import io.patent2tech.schema.Figure;
import io.patent2tech.schema.OrthographicSet;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentDrawings;
import io.patent2tech.schema.SetView;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.Fixtures;
import io.patent2tech.udfs.UsptoDocumentProcessor;

/** Drawing sets of real USPTO documents (fixtures/uspto) and of KIPRIS-style Korean descriptions. */
class DrawingSetsTest {

  private static Patent fixture(String file) throws Exception {
    return new UsptoDocumentProcessor().process(Fixtures.bytes(file), Fixtures.source(file, 0), 1_700_000_000_000L);
  }

  /**
   * US D701016 S1: 8 FIGs on 4 sheets, which the XML does not pair up, so each FIG's image is one
   * of the 4 sheets (not the front page); front, rear, top and right views: reconstructable.
   */
  @Test
  void theDesignPatentsEightViewsFormOneReconstructableSet() throws Exception {
    PatentDrawings d = DrawingSets.of(fixture("grant/ipgD0701016.xml"));

    assertThat(d.getPublicationKey()).isEqualTo("US-D701016-S1");
    assertThat(d.getOffice()).isEqualTo("USPTO");
    assertThat(d.getKind()).isEqualTo("S1");
    assertThat(d.getIsDesign()).isTrue();
    assertThat(d.getFigures()).extracting(DrawingFigure::getId, DrawingFigure::getView, DrawingFigure::getEmbodiment)
        .containsExactly(
            tuple("FIG-1", "perspective", 1), tuple("FIG-2", "perspective", 1), tuple("FIG-3", "perspective", 1),
            tuple("FIG-4", "front", 1), tuple("FIG-5", "rear", 1), tuple("FIG-6", "top", 1),
            tuple("FIG-7", "front", 1), tuple("FIG-8", "right", 1));
    DrawingFigure top = d.getFigures().get(5);
    assertThat(top.getFigureNumber()).isEqualTo("6");
    assertThat(top.getViewText()).isEqualTo("FIG. 6 is a top view thereof");
    assertThat(top.getDrawingType()).isNull();
    assertThat(top.getFile()).isNull();
    assertThat(top.getCandidateFiles()).containsExactly("USD0701016-20140318-D00001.TIF",
        "USD0701016-20140318-D00002.TIF", "USD0701016-20140318-D00003.TIF", "USD0701016-20140318-D00004.TIF");

    assertThat(d.getSets()).hasSize(1);
    OrthographicSet set = d.getSets().get(0);
    assertThat(set.getId()).isEqualTo("set-1");
    assertThat(set.getViews()).extracting(SetView::getFigureId).containsExactly(
        "FIG-1", "FIG-2", "FIG-3", "FIG-4", "FIG-5", "FIG-6", "FIG-7", "FIG-8");
    assertThat(set.getReconstructable()).isTrue();
    assertThat(set.getReason()).isNull();
    assertThat(d.getReconstructable()).isTrue();
    assertThat(d.getReason()).isNull();
  }

  /** US D435854 S (ST.32): 14 views in one paragraph, "one embodiment" and "another embodiment": two full sets. */
  @Test
  void twoEmbodimentsOfADesignPatentAreTwoSets() throws Exception {
    PatentDrawings d = DrawingSets.of(fixture("legacy/USD435854S1.xml"));

    assertThat(d.getIsDesign()).isTrue();
    assertThat(d.getFigures()).hasSize(14);
    assertThat(d.getSets()).extracting(OrthographicSet::getId, OrthographicSet::getReconstructable)
        .containsExactly(tuple("set-1", true), tuple("set-2", true));
    for (OrthographicSet set : d.getSets()) {
      assertThat(set.getViews()).extracting(SetView::getView)
          .containsExactly("perspective", "front", "top", "bottom", "rear", "left", "right");
    }
    assertThat(d.getSets().get(1).getViews()).extracting(SetView::getFigureId)
        .containsExactly("FIG-8", "FIG-9", "FIG-10", "FIG-11", "FIG-12", "FIG-13", "FIG-14");
    assertThat(d.getReconstructable()).isTrue();
  }

  /** US 8930553 B2: a conceptual illustration, flowcharts and a block diagram. */
  @Test
  void flowchartsAndBlockDiagramsAreSchematicOnly() throws Exception {
    PatentDrawings d = DrawingSets.of(fixture("grant/US08930553.xml"));

    assertThat(d.getIsDesign()).isFalse();
    assertThat(d.getFigures()).extracting(DrawingFigure::getFigureNumber, DrawingFigure::getView)
        .containsExactly(tuple("1", "schematic"), tuple("2A", "flowchart"), tuple("2B", "flowchart"),
            tuple("3", "flowchart"), tuple("4", "schematic"));
    assertThat(d.getSets()).isEmpty();
    assertThat(d.getReconstructable()).isFalse();
    assertThat(d.getReason()).isEqualTo("schematic-only");
  }

  /**
   * US 8672134 B2: perspective, top and bottom views of three embodiments, no front or side view:
   * one axis each, so extrusion candidates.
   */
  @Test
  void topAndBottomViewsAloneAreASingleView() throws Exception {
    PatentDrawings d = DrawingSets.of(fixture("grant/ipg08672134.xml"));

    assertThat(d.getSets()).extracting(OrthographicSet::getId, OrthographicSet::getReason)
        .containsExactly(tuple("set-1", "single-view"), tuple("set-2", "single-view"), tuple("set-3", "single-view"));
    assertThat(d.getReconstructable()).isFalse();
    assertThat(d.getReason()).isEqualTo("single-view");
    // FIG. 10 and 11 are sections, not part of a set
    assertThat(d.getFigures()).filteredOn(f -> f.getView().equals("section"))
        .extracting(DrawingFigure::getFigureNumber).containsExactly("10", "11");
  }

  /** US 8927118 B2 has no drawings section: a record all the same. */
  @Test
  void aPatentWithoutDrawingsHasNoFigures() throws Exception {
    PatentDrawings d = DrawingSets.of(fixture("grant/US08927118.xml"));

    assertThat(d.getFigures()).isEmpty();
    assertThat(d.getSets()).isEmpty();
    assertThat(d.getReconstructable()).isFalse();
    assertThat(d.getReason()).isEqualTo("no-figures");
  }

  /** One sheet per FIG (US 2018/0000016 A1): the parser paired them up, so each FIG has its file. */
  @Test
  void aFigOnAKnownSheetHasItsFile() throws Exception {
    PatentDrawings d = DrawingSets.of(fixture("application/ipa20180000016.xml"));

    DrawingFigure first = d.getFigures().get(0);
    assertThat(first.getId()).isEqualTo("FIG-1");
    assertThat(first.getSheetId()).isEqualTo("Fig-EMI-D00001");
    assertThat(first.getFile()).isNotNull().endsWith("-D00001.TIF");
    assertThat(first.getCandidateFiles()).isEmpty();
    assertThat(first.getView()).isEqualTo("section");
    assertThat(first.getDrawingType()).isEqualTo("schematic");
  }

  /** A KIPRIS-style design registration: 7 views of one embodiment, 3 of another, one sheet per FIG. */
  @Test
  void koreanViewsFormSetsPerEmbodiment() {
    Patent p = korean(List.of(
        "도 1은 본 발명의 일 실시예에 따른 용기의 사시도이다.",
        "도 2는 정면도이다.",
        "도 3은 배면도이다.",
        "도 4는 평면도이다.",
        "도 5는 저면도이다.",
        "도 6은 좌측면도이다.",
        "도 7은 우측면도이다.",
        "도 8은 본 발명의 다른 실시예에 따른 용기의 사시도이다.",
        "도 9는 본 발명의 다른 실시예에 따른 용기의 정면도이다.",
        "도 10은 도 9의 A-A선 단면도이다."), 10);

    PatentDrawings d = DrawingSets.of(p);

    assertThat(d.getFigures()).extracting(DrawingFigure::getView).containsExactly("perspective", "front", "rear",
        "top", "bottom", "left", "right", "perspective", "front", "section");
    assertThat(d.getFigures().get(1).getFile()).isEqualTo("KR-D2.TIF");
    assertThat(d.getSets()).extracting(OrthographicSet::getId, OrthographicSet::getReconstructable,
        OrthographicSet::getReason).containsExactly(tuple("set-1", true, null), tuple("set-2", false, "single-view"));
    assertThat(d.getReconstructable()).isTrue();
  }

  /** Views that cover two axes but no image at all (a text-only record): missing-images. */
  @Test
  void viewsWithoutImagesAreMissingImages() {
    Patent p = korean(List.of("도 1은 정면도이다.", "도 2는 평면도이다.", "도 3은 우측면도이다."), 0);

    PatentDrawings d = DrawingSets.of(p);

    assertThat(d.getFigures()).allSatisfy(f -> {
      assertThat(f.getFile()).isNull();
      assertThat(f.getCandidateFiles()).isEmpty();
    });
    assertThat(d.getSets().get(0).getReason()).isEqualTo("missing-images");
    assertThat(d.getReason()).isEqualTo("missing-images");
  }

  @Test
  void perspectivesAloneAreNoOrthographicSet() {
    PatentDrawings d = DrawingSets.of(korean(List.of("도 1은 사시도이다.", "도 2는 분해사시도이다."), 2));

    assertThat(d.getSets()).extracting(OrthographicSet::getReason).containsExactly("no-orthographic-set");
    assertThat(d.getReason()).isEqualTo("no-orthographic-set");
  }

  /** A Korean publication with its brief description and, when {@code sheets} > 0, one sheet per FIG. */
  private static Patent korean(List<String> paragraphs, int sheets) {
    List<Figure> figures = new ArrayList<>();
    for (int i = 1; i <= sheets; i++) {
      figures.add(Figure.newBuilder().setId("D" + i).setFile("KR-D" + i + ".TIF")
          .setFigureNumbers(List.of(Integer.toString(i))).build());
    }
    return Patent.newBuilder()
        .setPublicationKey("KR-3012345670000-S")
        .setPublication(DocumentId.newBuilder().setCountry("KR").setNumber("3012345670000").setKind("S").build())
        .setDocumentType("design")
        .setDescription(List.of(new DescriptionSection("brief-description-of-drawings", "도면의 간단한 설명",
            String.join("\n", paragraphs))))
        .setFigures(figures)
        .setSource(Source.newBuilder().setOffice("KIPO").setFile("kipris").setPosition(0).build())
        .setContentHash("h")
        .setIngestTime(1L)
        .build();
  }
}
