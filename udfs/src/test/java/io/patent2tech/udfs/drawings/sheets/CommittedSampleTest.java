package io.patent2tech.udfs.drawings.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Patent;

/** samples/uspto-images/I20261201.tar (scripts/make-design-sample) is a valid, parseable design patent with images. */
class CommittedSampleTest {

  @Test
  void theSampleWeeklyTarHoldsTheBracketWithDecodableG4Sheets() throws Exception {
    String repo = System.getProperty("p2t.repo", "..");
    Path tar = Path.of(repo, "samples", "uspto-images", "I20261201.tar");
    Map<String, byte[]> entries = DesignPatentFilesTest.untar(Files.readAllBytes(tar));
    assertThat(entries.keySet()).containsExactly("I20261201/DESIGN/USD0990002-20261201.ZIP");
    Map<String, byte[]> files = DesignPatentFilesTest.unzip(entries.values().iterator().next());
    assertThat(files).hasSize(9);

    Patent p = DesignPatentFilesTest.parse(files.get("USD0990002-20261201/USD0990002-20261201.XML"));
    assertThat(p.getPublicationKey()).isEqualTo("US-D990002-S1");
    assertThat(p.getFigures()).hasSize(8);
    for (int i = 0; i < p.getFigures().size(); i++) {
      String file = p.getFigures().get(i).getFile();
      byte[] tiff = files.get("USD0990002-20261201/" + file);
      assertThat(tiff).as(file).isNotNull();
      assertThat(TiffTags.firstIfd(tiff).get(TiffTags.COMPRESSION)).as(file).isEqualTo(4.0);
      BufferedImage img = G4Tiff.read(tiff);
      if (i > 0) {
        assertThat(img.getWidth()).isEqualTo(2550);
        assertThat(img.getHeight()).isEqualTo(3300);
      }
    }
  }
}
