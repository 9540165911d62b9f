package io.patent2tech.udfs.eval.rules;

import static io.patent2tech.udfs.eval.rules.TechnologyField.BIO;
import static io.patent2tech.udfs.eval.rules.TechnologyField.CHEMISTRY;
import static io.patent2tech.udfs.eval.rules.TechnologyField.ELECTRONICS;
import static io.patent2tech.udfs.eval.rules.TechnologyField.MECHANICAL;
import static io.patent2tech.udfs.eval.rules.TechnologyField.SOFTWARE;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPC / IPC symbol to technology field: the subclass decides where the table names it, then the class,
 * then the section. The table is the one in docs/scoring.md; change both together.
 */
final class CpcFields {

  /** Section, then optionally class, subclass and group: "G06F 15/16" -> G, 06, F; "H04L" and "C12" too. */
  private static final Pattern SYMBOL = Pattern.compile("([A-HY])(?:(\\d{2})(?:([A-Z])(?:\\s*\\d.*)?)?)?");

  private static final Map<String, TechnologyField> SUBCLASSES = Map.ofEntries(
      Map.entry("A01H", BIO),           // new plants, plant breeding
      Map.entry("A01N", CHEMISTRY),     // biocides, pest repellents, plant growth regulators
      Map.entry("A21D", CHEMISTRY),     // treatment of flour and dough
      Map.entry("A61B", ELECTRONICS),   // diagnosis and measurement (mostly instruments with electronics)
      Map.entry("A61K", BIO),           // preparations for medical purposes
      Map.entry("A61L", CHEMISTRY),     // sterilisation, materials for medical use
      Map.entry("A61N", ELECTRONICS),   // electro-, magneto-, radiation therapy
      Map.entry("A61P", BIO),           // therapeutic activity of compounds
      Map.entry("A61Q", CHEMISTRY),     // cosmetics
      Map.entry("C07K", BIO),           // peptides, proteins, antibodies
      Map.entry("D01F", CHEMISTRY),     // chemical features of man-made filaments
      Map.entry("D06M", CHEMISTRY),     // chemical treatment of fibres
      Map.entry("D06P", CHEMISTRY),     // dyeing and printing of textiles
      Map.entry("G06F", SOFTWARE),      // electric digital data processing
      Map.entry("G06N", SOFTWARE),      // computing models: AI, neural networks
      Map.entry("G06Q", SOFTWARE),      // business methods
      Map.entry("G06T", SOFTWARE),      // image data processing
      Map.entry("G06V", SOFTWARE),      // image and video recognition
      Map.entry("G10L", SOFTWARE),      // speech analysis, recognition, synthesis
      Map.entry("H04L", SOFTWARE));     // transmission of digital information: protocols, networking

  private static final Map<String, TechnologyField> CLASSES = Map.of(
      "A23", CHEMISTRY,                 // foods and foodstuffs
      "B01", CHEMISTRY,                 // physical and chemical processes: separation, catalysis
      "B82", CHEMISTRY,                 // nanotechnology
      "C12", BIO,                       // biochemistry, microbiology, enzymology, genetic engineering
      "G16", SOFTWARE);                 // information technology for specific application fields

  private static final Map<Character, TechnologyField> SECTIONS = Map.of(
      'A', MECHANICAL,                  // human necessities: agriculture, food, personal and domestic articles
      'B', MECHANICAL,                  // performing operations, transporting
      'C', CHEMISTRY,                   // chemistry, metallurgy
      'D', MECHANICAL,                  // textiles, paper
      'E', MECHANICAL,                  // fixed constructions
      'F', MECHANICAL,                  // mechanical engineering, lighting, heating, weapons
      'G', ELECTRONICS,                 // physics: instruments, computing, control
      'H', ELECTRONICS);                // electricity

  private CpcFields() {}

  /**
   * The field of a CPC / IPC symbol; null for anything else (USPC "709/228", Locarno "01-01", blank)
   * and for CPC section Y, whose tags (Y02 climate, Y10 former USPC) say nothing about the field.
   */
  static TechnologyField of(String symbol) {
    Matcher m = SYMBOL.matcher(symbol.strip().toUpperCase(Locale.ROOT));
    if (!m.matches() || m.group(1).equals("Y")) {
      return null;
    }
    TechnologyField field = null;
    if (m.group(2) != null) {
      String cls = m.group(1) + m.group(2);
      field = m.group(3) == null ? null : SUBCLASSES.get(cls + m.group(3));
      if (field == null) {
        field = CLASSES.get(cls);
      }
    }
    return field != null ? field : SECTIONS.get(m.group(1).charAt(0));
  }
}
