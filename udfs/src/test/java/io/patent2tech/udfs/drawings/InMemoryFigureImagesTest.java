package io.patent2tech.udfs.drawings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.schema.Figure;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.drawings.FigureImageException.Reason;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class InMemoryFigureImagesTest {

  @Test
  void aSerializedFactoryOpensTheStoreTheTestFilled() throws Exception {
    InMemoryFigureImages.store("t1").put("US-D701016-S1", "A.TIF", new byte[] {1, 2})
        .fail("US-D701016-S1", "B.TIF", Reason.TOO_LARGE, "B.TIF has 99 bytes");
    Patent patent = new Patent();
    patent.setPublicationKey("US-D701016-S1");

    try (FigureImages images = InstantiationUtil.clone(InMemoryFigureImages.factory("t1")).open()) {
      assertThat(images.read(patent, figure("A.TIF"))).containsExactly(1, 2);
      assertThatThrownBy(() -> images.read(patent, figure("B.TIF")))
          .isInstanceOfSatisfying(FigureImageException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(e.transientFailure()).isFalse();
          })
          .hasMessage("TOO_LARGE: B.TIF has 99 bytes");
      assertThatThrownBy(() -> images.read(patent, figure("C.TIF")))
          .isInstanceOfSatisfying(FigureImageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING));
    }
    assertThat(InMemoryFigureImages.store("t1").reads())
        .containsExactly("US-D701016-S1/A.TIF", "US-D701016-S1/B.TIF", "US-D701016-S1/C.TIF");
  }

  private static Figure figure(String file) {
    return Figure.newBuilder().setId(file).setFile(file).build();
  }
}
