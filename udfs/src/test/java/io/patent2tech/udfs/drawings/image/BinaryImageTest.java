package io.patent2tech.udfs.drawings.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BinaryImageTest {

  @Test
  void runsAcrossWordBoundariesAreFilledAndFound() {
    BinaryImage b = new BinaryImage(200, 3);
    b.fillRun(1, 60, 130);
    assertThat(b.inkCount()).isEqualTo(70);
    assertThat(b.get(59, 1)).isFalse();
    assertThat(b.get(60, 1)).isTrue();
    assertThat(b.get(129, 1)).isTrue();
    assertThat(b.get(130, 1)).isFalse();
    assertThat(b.nextInk(1, 0)).isEqualTo(60);
    assertThat(b.nextBackground(1, 60)).isEqualTo(130);
    assertThat(b.nextInk(1, 130)).isEqualTo(-1);
    assertThat(b.nextInk(0, 0)).isEqualTo(-1);
  }

  @Test
  void invertingKeepsThePaddingBitsClear() {
    BinaryImage b = new BinaryImage(70, 2);
    b.set(3, 0, true);
    BinaryImage inv = b.inverted();
    assertThat(inv.inkCount()).isEqualTo(139);
    assertThat(inv.nextBackground(1, 0)).isEqualTo(70);
    assertThat(inv.inverted()).isEqualTo(b);
  }

  @Test
  void cropTransposeAndInkBox() {
    BinaryImage b = new BinaryImage(100, 80);
    b.fillRect(10, 20, 40, 25);
    assertThat(b.inkBox()).isEqualTo(new Box(10, 20, 39, 24));
    BinaryImage t = b.transposed();
    assertThat(t.width()).isEqualTo(80);
    assertThat(t.inkBox()).isEqualTo(new Box(20, 10, 24, 39));
    BinaryImage c = b.crop(new Box(30, 22, 49, 30));
    assertThat(c.inkBox()).isEqualTo(new Box(0, 0, 9, 2));
    assertThat(c.inkCount()).isEqualTo(30);
  }

  @Test
  void diagonalStepsJoinInkButNotBackground() {
    // two squares touching at one corner: one ink component (8-connected); the background on
    // either side of the corner stays apart (4-connected)
    BinaryImage b = new BinaryImage(10, 10);
    b.fillRect(2, 2, 5, 5);
    b.fillRect(5, 5, 8, 8);
    ConnectedComponents ink = ConnectedComponents.of(b);
    assertThat(ink.components()).singleElement().satisfies(c -> {
      assertThat(c.pixels()).isEqualTo(18);
      assertThat(c.box()).isEqualTo(new Box(2, 2, 7, 7));
    });
    assertThat(ink.labelAt(6, 6)).isZero();
    assertThat(ink.labelAt(6, 2)).isEqualTo(-1);
    // a ring: its hole is a background region of its own
    BinaryImage ring = new BinaryImage(10, 10);
    ring.fillRect(1, 1, 9, 9);
    ring.set(4, 4, false);
    ring.set(5, 5, false);
    assertThat(ConnectedComponents.of4(ring.inverted()).components()).hasSize(3);
  }

  @Test
  void aStraightBarHasItsLengthThicknessAndDirection() {
    BinaryImage b = new BinaryImage(200, 50);
    b.fillRect(20, 10, 140, 14);
    Component c = ConnectedComponents.of(b).components().get(0);
    assertThat(c.length()).isBetween(119.0, 121.0);
    assertThat(c.thickness()).isBetween(3.9, 4.1);
    assertThat(c.angle()).isBetween(-0.01, 0.01);
  }

  @Test
  void fillingHolesAndOpeningKeepTheBodyAndDropThinStrokes() {
    BinaryImage b = new BinaryImage(120, 120);
    b.fillRect(20, 20, 80, 24);
    b.fillRect(20, 76, 80, 80);
    b.fillRect(20, 20, 24, 80);
    b.fillRect(76, 20, 80, 80);
    b.fillRect(80, 50, 110, 53);        // a 3 px stroke sticking out to the right
    BinaryImage filled = Morphology.fillHoles(b);
    assertThat(filled.inkCount()).isEqualTo(60 * 60 + 30 * 3);
    BinaryImage opened = Morphology.open(filled, 3);
    assertThat(opened.inkBox()).isEqualTo(new Box(20, 20, 79, 79));
    assertThat(opened.inkCount()).isEqualTo(60 * 60);
  }
}
