package io.patent2tech.udfs.drawings.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Figure;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.UsptoDocumentProcessor;

class DesignPatentFilesTest {

  private static DrawnPatent bracket;
  private static byte[] bracketZip;

  @BeforeAll
  static void drawTheBracket() throws IOException {
    bracket = DrawnPatent.draw(DesignCatalogue.byName("l-bracket"));
    bracketZip = PtgrdtPacker.zip(bracket);
  }

  @Test
  void theProjectsParserReadsTheFiguresTheirFilesAndViews() throws Exception {
    Patent p = parse(bracket.xmlBytes());
    assertThat(p.getPublicationKey()).isEqualTo("US-D990002-S1");
    List<Figure> figures = p.getFigures();
    assertThat(figures).hasSize(8);
    assertThat(figures.get(0).getId()).isEqualTo("Fig-EMI-D00000");
    assertThat(figures.get(0).getFile()).isEqualTo("USD0990002-20261201-D00000.TIF");
    assertThat(figures.get(2).getFile()).isEqualTo("USD0990002-20261201-D00002.TIF");
    assertThat(figures.get(1).getFigureNumbers()).containsExactly("1");
    assertThat(figures.get(1).getViewText())
        .isEqualTo("FIG. 1 is a perspective view of a bracket, showing our new design");
    assertThat(figures.get(2).getViewText()).isEqualTo("FIG. 2 is a front elevational view thereof");
    assertThat(figures.get(7).getFigureNumbers()).containsExactly("7");
    assertThat(figures.get(7).getViewText()).isEqualTo("FIG. 7 is a bottom plan view thereof.");
    List<String> files = new ArrayList<>();
    for (Figure f : figures) {
      files.add(f.getFile());
    }
    assertThat(files).containsExactlyElementsOf(bracket.tiffs.keySet());
    assertThat(p.getClaims().toString()).contains("The ornamental design for a bracket, as shown and described.");
  }

  @Test
  void twoEmbodimentsAreFigures1To7And8To14() throws Exception {
    DesignPatent steps = DesignCatalogue.byName("D0990004");
    Patent p = parse(GrantXml.xml(steps, new String[] {"90.00mm", "120.00mm"}).getBytes(StandardCharsets.UTF_8));
    assertThat(p.getFigures()).hasSize(15);
    assertThat(p.getFigures().get(8).getFigureNumbers()).containsExactly("8");
    assertThat(p.getFigures().get(8).getViewText())
        .isEqualTo("FIG. 8 is a perspective view of a second embodiment of the step block");
    assertThat(p.getFigures().get(14).getViewText()).isEqualTo("FIG. 14 is a bottom plan view thereof.");
    assertThat(steps.reconstructable()).isTrue();
  }

  @Test
  void aPerspectiveOnlyDesignHasOneFigureAndIsNotReconstructable() throws Exception {
    DesignPatent spacer = DesignCatalogue.byName("D0990010");
    Patent p = parse(GrantXml.xml(spacer, new String[] {"90.00mm", "120.00mm"}).getBytes(StandardCharsets.UTF_8));
    assertThat(p.getFigures()).hasSize(2);
    assertThat(p.getFigures().get(1).getFigureNumbers()).containsExactly("1");
    assertThat(p.getFigures().get(1).getViewText()).isEqualTo("FIG. 1 is a perspective view of a spacer, showing our new design.");
    assertThat(spacer.reconstructable()).isFalse();
  }

  @Test
  void theZipHoldsTheXmlAndTiffsInAFolderNamedAfterTheDocument() throws Exception {
    Map<String, byte[]> entries = unzip(bracketZip);
    List<String> expected = new ArrayList<>();
    expected.add("USD0990002-20261201/USD0990002-20261201.XML");
    for (int i = 0; i <= 7; i++) {
      expected.add("USD0990002-20261201/USD0990002-20261201-D0000" + i + ".TIF");
    }
    assertThat(entries.keySet()).containsExactlyElementsOf(expected);
    assertThat(new String(entries.get(expected.get(0)), StandardCharsets.UTF_8))
        .contains("SYNTHETIC TEST DATA").contains("<orgname>Patent2Tech synthetic test data</orgname>");
  }

  @Test
  void everyTiffIsCcittT6At300DpiAndDecodesToTheSheet() throws Exception {
    Map<String, byte[]> entries = unzip(bracketZip);
    for (int i = 1; i <= 7; i++) {
      byte[] tiff = entries.get("USD0990002-20261201/" + GrantXml.tiffName(bracket.patent, i));
      Map<Integer, Double> tags = TiffTags.firstIfd(tiff);
      assertThat(tags.get(TiffTags.COMPRESSION)).isEqualTo(4.0);
      assertThat(tags.get(TiffTags.X_RESOLUTION)).isEqualTo(300.0);
      assertThat(tags.get(TiffTags.IMAGE_WIDTH)).isEqualTo(2550.0);
      assertThat(tags.get(TiffTags.IMAGE_LENGTH)).isEqualTo(3300.0);
    }
    byte[] front = entries.get("USD0990002-20261201/" + GrantXml.tiffName(bracket.patent, 2));
    G4TiffTest.assertSameBits(G4Tiff.read(front), bracket.sheets.get(1).image);
    byte[] frontPage = entries.get("USD0990002-20261201/" + GrantXml.tiffName(bracket.patent, 0));
    G4TiffTest.assertSameBits(G4Tiff.read(frontPage), bracket.frontPage);
    assertThat(bracket.frontPage.getWidth()).isLessThan(2550);
  }

  @Test
  void theWeeklyTarHoldsThePatentZipUnderDesign() throws Exception {
    DesignPatent p = bracket.patent;
    byte[] tar = PtgrdtPacker.tar(Map.of(PtgrdtPacker.tarEntry(p), bracketZip), p.date());
    Map<String, byte[]> entries = untar(tar);
    assertThat(entries.keySet()).containsExactly("I20261201/DESIGN/USD0990002-20261201.ZIP");
    assertThat(entries.get("I20261201/DESIGN/USD0990002-20261201.ZIP")).isEqualTo(bracketZip);
    assertThat(PtgrdtPacker.weeklyName(p.date())).isEqualTo("I20261201.tar");
  }

  @Test
  void writingTwiceGivesTheSameBytes() throws Exception {
    DesignPatent spacer = DesignCatalogue.byName("D0990010");
    byte[] first = PtgrdtPacker.zip(DrawnPatent.draw(spacer));
    byte[] second = PtgrdtPacker.zip(DrawnPatent.draw(spacer));
    assertThat(second).isEqualTo(first);
    assertThat(PtgrdtPacker.zip(bracket)).isEqualTo(bracketZip);
  }

  static Patent parse(byte[] xml) throws Exception {
    return new UsptoDocumentProcessor().process(xml, new Source("USPTO", null, "synthetic.xml", null, 0L, 0L, null, null), 1L);
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  /** A minimal ustar reader: checks each header's checksum. */
  static Map<String, byte[]> untar(byte[] tar) {
    assertThat(tar.length % 512).isZero();
    Map<String, byte[]> out = new LinkedHashMap<>();
    int off = 0;
    while (off + 512 <= tar.length && tar[off] != 0) {
      String name = field(tar, off, 100);
      long size = Long.parseLong(field(tar, off + 124, 12).trim(), 8);
      long sum = Long.parseLong(field(tar, off + 148, 8).trim(), 8);
      long actual = 0;
      for (int i = 0; i < 512; i++) {
        actual += (i >= 148 && i < 156) ? ' ' : tar[off + i] & 0xff;
      }
      assertThat(actual).as("header checksum of %s", name).isEqualTo(sum);
      assertThat(field(tar, off + 257, 6)).isEqualTo("ustar");
      byte[] content = new byte[(int) size];
      System.arraycopy(tar, off + 512, content, 0, (int) size);
      out.put(name, content);
      off += 512 + (int) ((size + 511) / 512 * 512);
    }
    return out;
  }

  private static String field(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.US_ASCII);
  }
}
