package io.patent2tech.udfs.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ViewRegistrationTest {

  private static Silhouette full(View view, int width, int height) {
    return Silhouette.of(view, width, height, (c, r) -> true);
  }

  @Test
  void viewsAtDifferentScalesAgreeOnOneBoundingBox() {
    // a 2 x 0.8 x 1 object drawn at 100 px/unit (front), 50 (top) and 150 (right)
    RegisteredViews views = ViewRegistration.register(List.of(
        full(View.RIGHT, 120, 150), full(View.TOP, 100, 40), full(View.FRONT, 200, 100)));
    assertThat(views.extents().x()).isCloseTo(1.0, within(1e-9));
    assertThat(views.extents().y()).isCloseTo(0.4, within(1e-9));
    assertThat(views.extents().z()).isCloseTo(0.5, within(1e-9));
    assertThat(views.disagreement()).isCloseTo(0.0, within(1e-9));
    assertThat(views.extruded()).isFalse();
    assertThat(views.silhouettes()).extracting(Silhouette::view).containsExactly(View.FRONT, View.TOP, View.RIGHT);
  }

  @Test
  void slightDisagreementIsAveragedAndReported() {
    // in front-view pixels the top view says the depth is 80, the side view 84 at the scale that
    // matches its height to the front's 100; the side view shares depth and height with the views
    // scaled before it, so it takes the mean of the two ratios: (80/126 + 100/150) / 2
    RegisteredViews views = ViewRegistration.register(List.of(
        full(View.FRONT, 200, 100), full(View.TOP, 100, 40), full(View.RIGHT, 126, 150)));
    double sideScale = (80.0 / 126 + 100.0 / 150) / 2;
    double depth = (80 + 126 * sideScale) / 2;
    double height = (100 + 150 * sideScale) / 2;
    assertThat(views.extents().y()).isCloseTo(depth / 200, within(1e-9));
    assertThat(views.extents().z()).isCloseTo(height / 200, within(1e-9));
    double depthSpread = (126 * sideScale - 80) / depth;
    assertThat(views.disagreement()).isCloseTo(depthSpread, within(1e-9)).isBetween(0.02, 0.03);
  }

  @Test
  void twoViewsAlongDifferentAxesAreEnough() {
    RegisteredViews views = ViewRegistration.register(List.of(full(View.FRONT, 100, 50), full(View.LEFT, 30, 25)));
    // the left view's height (25 px) is scaled to the front's (50): depth 30 px becomes 60
    assertThat(views.extents()).isEqualTo(Extents.normalized(100, 60, 50));
  }

  @Test
  void viewsAlongOneAxisOnlyAreRejected() {
    assertThatThrownBy(() -> ViewRegistration.register(List.of(full(View.FRONT, 10, 10), full(View.REAR, 10, 10))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extrude");
  }

  @Test
  void uncroppedSilhouettesAreRejected() {
    Silhouette padded = Silhouette.of(View.FRONT, 10, 10, (c, r) -> c > 0 && c < 9 && r > 0 && r < 9);
    assertThatThrownBy(() -> ViewRegistration.register(List.of(padded, full(View.TOP, 8, 8))))
        .hasMessageContaining("not cropped");
    assertThat(padded.cropped()).isEqualTo(full(View.FRONT, 8, 8));
  }

  @Test
  void extrusionOfOneViewIsMarked() {
    RegisteredViews views = ViewRegistration.extrude(full(View.TOP, 200, 100), 0.25);
    assertThat(views.extruded()).isTrue();
    // the top view shows x and y; the extrusion's height is a quarter of its longer side
    assertThat(views.extents()).isEqualTo(Extents.normalized(200, 100, 50));
  }
}
