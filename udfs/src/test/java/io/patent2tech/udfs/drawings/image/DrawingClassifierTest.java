package io.patent2tech.udfs.drawings.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The decision rules on measured features, each at the edge of its threshold. */
class DrawingClassifierTest {

  private static final Box CONTENT = new Box(0, 0, 999, 999);

  private static DrawingFeatures features(double density, int circles, int lines, int boxes, int textBoxes,
                                          int joined, boolean axes, boolean curve) {
    return new DrawingFeatures(CONTENT, density, circles, lines, 0, boxes, textBoxes, joined, axes, 0, curve);
  }

  private static DrawingType type(DrawingFeatures f) {
    return DrawingClassifier.classify(f, null).type();
  }

  @Test
  void theSeedsDensityRules() {
    assertThat(type(features(0.11, 1, 0, 0, 0, 0, false, false))).isEqualTo(DrawingType.MECHANICAL);
    assertThat(type(features(0.11, 0, 0, 0, 0, 0, false, false))).isEqualTo(DrawingType.GENERAL);
    assertThat(type(features(0.06, 0, 11, 0, 0, 0, false, false))).isEqualTo(DrawingType.ARCHITECTURAL);
    assertThat(type(features(0.06, 0, 10, 0, 0, 0, false, false))).isEqualTo(DrawingType.GENERAL);
    assertThat(type(features(0.029, 0, 0, 0, 0, 0, false, false))).isEqualTo(DrawingType.SCHEMATIC);
    assertThat(type(features(0.04, 0, 0, 0, 0, 0, false, false))).isEqualTo(DrawingType.GENERAL);
  }

  @Test
  void boxesAndAxesComeBeforeDensity() {
    assertThat(type(features(0.2, 3, 30, 4, 3, 2, false, false))).isEqualTo(DrawingType.FLOWCHART);
    // too few text boxes, or boxes not joined to anything
    assertThat(type(features(0.2, 3, 30, 4, 2, 2, false, false))).isEqualTo(DrawingType.MECHANICAL);
    assertThat(type(features(0.2, 3, 30, 4, 3, 1, false, false))).isEqualTo(DrawingType.MECHANICAL);
    assertThat(type(features(0.01, 0, 2, 0, 0, 0, true, true))).isEqualTo(DrawingType.GRAPH);
    assertThat(type(features(0.01, 0, 2, 0, 0, 0, true, false))).isEqualTo(DrawingType.SCHEMATIC);
  }

  @Test
  void theViewTextWinsWhenItNamesAType() {
    DrawingFeatures mechanical = features(0.11, 1, 0, 0, 0, 0, false, false);
    assertThat(DrawingClassifier.classify(mechanical, "FIG. 4 is a flow chart of the method").type())
        .isEqualTo(DrawingType.FLOWCHART);
    assertThat(DrawingClassifier.classify(mechanical, "FIG. 5 is a graph of torque versus speed").type())
        .isEqualTo(DrawingType.GRAPH);
    assertThat(DrawingClassifier.classify(mechanical, "FIG. 6 is a circuit diagram").type())
        .isEqualTo(DrawingType.SCHEMATIC);
    assertThat(DrawingClassifier.classify(mechanical, "FIG. 7 is a floor plan of the building").type())
        .isEqualTo(DrawingType.ARCHITECTURAL);
    assertThat(DrawingClassifier.classify(mechanical, "FIG. 1 is a perspective view of the pump").type())
        .isEqualTo(DrawingType.MECHANICAL);
    assertThat(DrawingClassifier.classify(mechanical, "FIG. 1 is a perspective view").reason())
        .contains("1 circles").contains("0.110");
  }
}
