package io.patent2tech.udfs.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class PreviewRendererTest {

  private static final int WHITE = 0xFFFFFF;

  @Test
  void boxPreviewIsACentredShadedIsometricBox() throws IOException {
    Mesh cube = new CpuMarchingCubes().extract(TestSolids.box(16, 16, 16, 0));
    byte[] png = PreviewRenderer.png(cube, 256);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(256);
    assertThat(image.getHeight()).isEqualTo(256);
    int minX = 256, maxX = -1, minY = 256, maxY = -1;
    long painted = 0;
    Set<Integer> shades = new HashSet<>();
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 256; x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        if (rgb != WHITE) {
          painted++;
          shades.add(rgb);
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    // an isometric cube is a hexagon, sqrt 2 wide and 2 / sqrt 3 * sqrt 2 ... in screen units its
    // height (2 / sqrt 3 * sqrt 2 = 1.63) exceeds its width (sqrt 2 = 1.41): the height spans
    // 256 - 2 * 16 = 224 px, the width 224 * 1.41 / 1.63 = 194 px, both centred
    assertThat(maxY - minY + 1).isBetween(221, 226);
    assertThat(maxX - minX + 1).isBetween(190, 198);
    assertThat((minX + maxX) / 2.0).isBetween(125.0, 130.0);
    assertThat((minY + maxY) / 2.0).isBetween(125.0, 130.0);
    // a hexagon fills 3/4 of its bounding box (less the chamfered edges)
    assertThat((double) painted / ((maxX - minX + 1) * (maxY - minY + 1))).isBetween(0.70, 0.78);
    // front, right and top faces under one light: three shades dominate
    assertThat(image.getRGB(128, 60) & 0xFFFFFF).isNotEqualTo(image.getRGB(90, 170) & 0xFFFFFF);
    assertThat(image.getRGB(90, 170) & 0xFFFFFF).isNotEqualTo(image.getRGB(166, 170) & 0xFFFFFF);
    assertThat(image.getRGB(5, 5) & 0xFFFFFF).isEqualTo(WHITE);
    assertThat(shades.size()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void lBracketLeavesItsNotchEmpty() {
    // the upright stands at low x, so the box's top back right corner is missing: the line of
    // sight through (0.9, 0.9, 0.95) meets the box but nothing of the bracket
    Mesh bracket = new CpuMarchingCubes().extract(
        TestSolids.rasterize(GridSpec.ofCubicVoxels(16, 16, 16), TestSolids::lBracket));
    Mesh box = new CpuMarchingCubes().extract(TestSolids.box(16, 16, 16, 0));
    BufferedImage withNotch = PreviewRenderer.render(bracket, 256);
    BufferedImage full = PreviewRenderer.render(box, 256);
    double px = 0.9, py = 0.9, pz = 0.95;
    int x = 128 + (int) Math.round(pixelsPerUnit() * (px + py - 1.0) / Math.sqrt(2));
    int y = 128 - (int) Math.round(pixelsPerUnit() * (-px + py + 2 * pz - 1.0) / Math.sqrt(6));
    assertThat(full.getRGB(x, y) & 0xFFFFFF).isNotEqualTo(WHITE);
    assertThat(withNotch.getRGB(x, y) & 0xFFFFFF).isEqualTo(WHITE);
  }

  /** Both meshes span the unit cube, whose screen height is 2 sqrt 2 / sqrt 3, drawn over 224 px. */
  private static double pixelsPerUnit() {
    return 224 / (2 * Math.sqrt(2) / Math.sqrt(3));
  }
}
