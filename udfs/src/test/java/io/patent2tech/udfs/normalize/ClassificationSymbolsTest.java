package io.patent2tech.udfs.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassificationSymbolsTest {

  @Test
  void cpcFromIceParts() {
    assertThat(ClassificationSymbols.cpcFromParts("A", "61", "B", "5", "0205")).isEqualTo("A61B 5/0205");
    assertThat(ClassificationSymbols.cpcFromParts("C", "07", "D", "519", "00")).isEqualTo("C07D 519/00");
    assertThat(ClassificationSymbols.cpcFromParts("H", "04", "L", "65", "1069")).isEqualTo("H04L 65/1069");
    assertThat(ClassificationSymbols.cpcFromParts("A", "01", "G", "7", "045")).isEqualTo("A01G 7/045");
    assertThat(ClassificationSymbols.cpcFromParts("h", "4", "l", "0065", "106900")).isEqualTo("H04L 65/1069");
    assertThat(ClassificationSymbols.cpcFromParts("A", "61", "B", null, null)).isEqualTo("A61B");
    assertThat(ClassificationSymbols.cpcFromParts(null, "61", "B", "5", "00")).isNull();
  }

  @Test
  void cpcAndIpcStringsInOneCanonicalForm() {
    assertThat(ClassificationSymbols.cpc("H04L 65/1069")).isEqualTo("H04L 65/1069");
    assertThat(ClassificationSymbols.cpc("H04L65/1069")).isEqualTo("H04L 65/1069");
    assertThat(ClassificationSymbols.cpc("H04L  65/1069")).isEqualTo("H04L 65/1069");
    assertThat(ClassificationSymbols.cpc("H04L0065106900")).isEqualTo("H04L 65/1069"); // EPO fixed form
    assertThat(ClassificationSymbols.cpc("G06F015/00")).isEqualTo("G06F 15/00");   // IPC-7 in ICE v4.0
    assertThat(ClassificationSymbols.cpc("A61B005/00")).isEqualTo("A61B 5/00");
    assertThat(ClassificationSymbols.cpc("G06F017/21")).isEqualTo("G06F 17/21");
    assertThat(ClassificationSymbols.cpc("H04L 29/06 (2006.01)")).isEqualTo("H04L 29/06");
    assertThat(ClassificationSymbols.cpc("A61B 5/020500")).isEqualTo("A61B 5/0205");
    assertThat(ClassificationSymbols.cpc("H04W 84/100000")).isEqualTo("H04W 84/10");
    assertThat(ClassificationSymbols.cpc("h04w 84/18")).isEqualTo("H04W 84/18");
    assertThat(ClassificationSymbols.cpc("not a symbol")).isEqualTo("not a symbol");
    assertThat(ClassificationSymbols.cpc("  ")).isNull();
  }

  @Test
  void canonicalFormIsAFixedPoint() {
    for (String s : new String[] {"A61B 5/0205", "C07D 519/00", "H04L 65/1069", "G06F 15/00", "A01G 7/045"}) {
      assertThat(ClassificationSymbols.cpc(s)).isEqualTo(s);
    }
  }

  @Test
  void uspcPositionalForm() {
    assertThat(ClassificationSymbols.uspc("709228")).isEqualTo("709/228");
    assertThat(ClassificationSymbols.uspc("370352")).isEqualTo("370/352");
    assertThat(ClassificationSymbols.uspc("714  4")).isEqualTo("714/4");
    assertThat(ClassificationSymbols.uspc("705 26")).isEqualTo("705/26");
    assertThat(ClassificationSymbols.uspc("600300000")).isEqualTo("600/300");
    assertThat(ClassificationSymbols.uspc("34053912")).isEqualTo("340/539.12");
    assertThat(ClassificationSymbols.uspc("2291982")).isEqualTo("229/198.2");
    assertThat(ClassificationSymbols.uspc("220 2391")).isEqualTo("220/23.91");
    assertThat(ClassificationSymbols.uspc("206  15")).isEqualTo("206/1.5");
    assertThat(ClassificationSymbols.uspc(" 53169")).isEqualTo("53/169");
    assertThat(ClassificationSymbols.uspc("D 1101")).isEqualTo("D1/101");
    assertThat(ClassificationSymbols.uspc("D11103")).isEqualTo("D11/103");
    assertThat(ClassificationSymbols.uspc("370/352")).isEqualTo("370/352");
    assertThat(ClassificationSymbols.uspc("None")).isNull();
    assertThat(ClassificationSymbols.uspc("")).isNull();
  }

  @Test
  void locarnoClassAndSubclass() {
    assertThat(ClassificationSymbols.locarno("0101")).isEqualTo("01-01");
    assertThat(ClassificationSymbols.locarno("01-01")).isEqualTo("01-01");
    assertThat(ClassificationSymbols.locarno("1001")).isEqualTo("10-01");
  }
}
