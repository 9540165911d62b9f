package io.patent2tech.udfs.drawings.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;

import org.junit.jupiter.api.Test;

class G4TiffTest {

  @Test
  void writesBilevelCcittT6At300DpiThatDecodesToTheSameBits() throws Exception {
    BufferedImage img = new BufferedImage(850, 1100, BufferedImage.TYPE_BYTE_BINARY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 850, 1100);
    g.setColor(Color.BLACK);
    g.drawRect(100, 100, 500, 300);
    g.drawOval(200, 500, 400, 400);
    g.drawString("FIG. 1", 380, 1000);
    g.dispose();

    byte[] tiff = G4Tiff.write(img);

    Map<Integer, Double> tags = TiffTags.firstIfd(tiff);
    assertThat(tags.get(TiffTags.COMPRESSION)).as("CCITT T.6").isEqualTo(4.0);
    assertThat(tags.get(TiffTags.BITS_PER_SAMPLE)).isEqualTo(1.0);
    assertThat(tags.get(TiffTags.IMAGE_WIDTH)).isEqualTo(850.0);
    assertThat(tags.get(TiffTags.IMAGE_LENGTH)).isEqualTo(1100.0);
    assertThat(tags.get(TiffTags.X_RESOLUTION)).isEqualTo(300.0);
    assertThat(tags.get(TiffTags.Y_RESOLUTION)).isEqualTo(300.0);
    assertThat(tags.get(TiffTags.RESOLUTION_UNIT)).as("inch").isEqualTo(2.0);
    assertThat(tiff.length).as("G4 compresses line art").isLessThan(850 * 1100 / 8 / 10);
    assertSameBits(G4Tiff.read(tiff), img);
  }

  /** Black and white pixel for pixel (whatever photometric interpretation the decoder returns). */
  static void assertSameBits(BufferedImage decoded, BufferedImage original) {
    assertThat(decoded.getWidth()).isEqualTo(original.getWidth());
    assertThat(decoded.getHeight()).isEqualTo(original.getHeight());
    int differing = 0;
    int black = 0;
    for (int y = 0; y < original.getHeight(); y++) {
      for (int x = 0; x < original.getWidth(); x++) {
        boolean a = (original.getRGB(x, y) & 0xffffff) == 0;
        boolean b = (decoded.getRGB(x, y) & 0xffffff) == 0;
        if (a) {
          black++;
        }
        if (a != b) {
          differing++;
        }
      }
    }
    assertThat(black).as("the image has something drawn").isGreaterThan(100);
    assertThat(differing).as("pixels that differ after decoding").isZero();
  }
}
