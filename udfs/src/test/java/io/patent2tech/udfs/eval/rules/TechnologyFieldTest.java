package io.patent2tech.udfs.eval.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TechnologyFieldTest {

  @Test
  void complexitiesAreTheSeeds() {
    assertThat(TechnologyField.ELECTRONICS.complexity()).isEqualTo(0.8);
    assertThat(TechnologyField.MECHANICAL.complexity()).isEqualTo(0.7);
    assertThat(TechnologyField.CHEMISTRY.complexity()).isEqualTo(0.9);
    assertThat(TechnologyField.BIO.complexity()).isEqualTo(0.9);
    assertThat(TechnologyField.SOFTWARE.complexity()).isEqualTo(0.6);
    assertThat(TechnologyField.DESIGN.complexity()).isEqualTo(0.5);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "G06F 15/16, SOFTWARE", "G06N 3/08, SOFTWARE", "G06Q 30/02, SOFTWARE", "G06T 7/00, SOFTWARE",
      "G06V 10/82, SOFTWARE", "G10L 15/22, SOFTWARE", "H04L 65/1069, SOFTWARE", "G16H 50/20, SOFTWARE",
      "H04W 72/04, ELECTRONICS", "H01L 33/50, ELECTRONICS", "G01N 21/64, ELECTRONICS", "G06K 9/00, ELECTRONICS",
      "A61B 5/0205, ELECTRONICS", "A61N 1/36, ELECTRONICS",
      "A61K 39/395, BIO", "A61P 35/00, BIO", "C12N 15/113, BIO", "C12Q 1/68, BIO", "C07K 16/28, BIO", "A01H 5/10, BIO",
      "C07D 493/04, CHEMISTRY", "C08L 23/06, CHEMISTRY", "A61Q 19/00, CHEMISTRY", "A23L 33/105, CHEMISTRY",
      "B01J 23/42, CHEMISTRY", "A01N 43/40, CHEMISTRY", "C22C 38/00, CHEMISTRY",
      "B65D 83/04, MECHANICAL", "F15B 21/00, MECHANICAL", "A01B 63/32, MECHANICAL", "A01G 7/045, MECHANICAL",
      "A61M 5/315, MECHANICAL", "E04B 1/00, MECHANICAL", "D06F 39/00, MECHANICAL",
      // spacing and case as other sources write them; class or subclass only
      "g06f15/16, SOFTWARE", "H04L, SOFTWARE", "C12, BIO", "G, ELECTRONICS"})
  void firstSymbolDecides(String symbol, TechnologyField field) {
    assertThat(TechnologyField.of(List.of(symbol, "A01B 1/00"), "utility")).isEqualTo(field);
  }

  @Test
  void symbolsThatAreNotCpcOrIpcArePassedOver() {
    assertThat(TechnologyField.of(Arrays.asList("709/228", null, " ", "Y02E 10/50", "G06F 15/16"), "utility"))
        .isEqualTo(TechnologyField.SOFTWARE);
  }

  @Test
  void documentTypeDecidesForDesignsAndPlants() {
    assertThat(TechnologyField.of(List.of("G06F 15/16"), "Design")).isEqualTo(TechnologyField.DESIGN);
    assertThat(TechnologyField.of(List.of(), "plant")).isEqualTo(TechnologyField.BIO);
  }

  @Test
  void locarnoOrUsDesignClassAloneIsDesign() {
    assertThat(TechnologyField.of(List.of("01-01"), null)).isEqualTo(TechnologyField.DESIGN);
    assertThat(TechnologyField.of(List.of("D1/101"), "other")).isEqualTo(TechnologyField.DESIGN);
  }

  @Test
  void nothingUsableIsMechanical() {
    assertThat(TechnologyField.of(List.of(), null)).isEqualTo(TechnologyField.MECHANICAL);
    assertThat(TechnologyField.of(List.of("600/300", "garbage"), "utility")).isEqualTo(TechnologyField.MECHANICAL);
  }

  @Test
  void fixtures() {
    assertThat(field("grant/US08930553.xml")).isEqualTo(TechnologyField.SOFTWARE);      // IPC G06F 15/16
    assertThat(field("grant/US06859910.xml")).isEqualTo(TechnologyField.SOFTWARE);      // IPC G06F 15/00
    assertThat(field("grant/US08926509.xml")).isEqualTo(TechnologyField.ELECTRONICS);   // CPC A61B 5/0205
    assertThat(field("grant/US08927118.xml")).isEqualTo(TechnologyField.CHEMISTRY);     // CPC C07D 493/04
    assertThat(field("grant/ipg08672134.xml")).isEqualTo(TechnologyField.MECHANICAL);   // IPC B65D 83/04
    assertThat(field("grant/ipgD0701016.xml")).isEqualTo(TechnologyField.DESIGN);       // design, Locarno 01-01
    assertThat(field("application/ipa20200022300.xml")).isEqualTo(TechnologyField.MECHANICAL); // CPC A01B 63/32
  }

  @Test
  void nullSymbolListIsAClearError() {
    assertThatThrownBy(() -> TechnologyField.of(null, "utility"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("classificationSymbols (an empty list when none)");
  }

  private static TechnologyField field(String file) {
    return TechnologyField.of(FixtureClaims.symbols(file), FixtureClaims.patent(file).getDocumentType());
  }
}
