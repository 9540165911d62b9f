package io.patent2tech.udfs.eval.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The technology field of a patent with its complexity (seed 002 §1, "기술 분야 복잡도"): how much
 * a field's inventions tend to rest on non-obvious technical effort, which the inventive-step rule
 * score starts from.
 */
public enum TechnologyField {
  ELECTRONICS(0.8),
  MECHANICAL(0.7),
  CHEMISTRY(0.9),
  BIO(0.9),
  SOFTWARE(0.6),
  DESIGN(0.5);

  /**
   * The field when no symbol says anything: mechanical, whose 0.7 is the complexity nearest the mean
   * of the six fields (0.733), so an unclassified patent gets a middling score.
   */
  static final TechnologyField UNCLASSIFIED = MECHANICAL;

  /** A Locarno class ("01-01") or a USPC design class ("D1/101"): the document is a design. */
  private static final Pattern DESIGN_CLASS = Pattern.compile("\\d{2}-\\d{2}|D\\d{1,2}/.*");

  private final double complexity;

  TechnologyField(double complexity) {
    this.complexity = complexity;
  }

  public double complexity() {
    return complexity;
  }

  /**
   * The field of a patent. A design document ({@code documentType} "design", any case) is DESIGN and
   * a plant patent ("plant") BIO, whatever the symbols say. Otherwise the first CPC or IPC symbol
   * decides, by the subclass / class / section table in docs/scoring.md (pass CPC symbols before IPC
   * ones, the main symbol first); other symbols (USPC, FI, CPC Y tags) are passed over. With no CPC or
   * IPC symbol: DESIGN when a Locarno or USPC design class is there, else MECHANICAL.
   *
   * @param classificationSymbols symbols as the schema writes them ("H04L 65/1069", "01-01", "709/228");
   *     null entries are passed over
   * @param documentType utility | design | plant | reissue | other, or null
   */
  public static TechnologyField of(List<String> classificationSymbols, String documentType) {
    Objects.requireNonNull(classificationSymbols, "classificationSymbols (an empty list when none)");
    String type = documentType == null ? "" : documentType.strip().toLowerCase(Locale.ROOT);
    if (type.equals("design")) {
      return DESIGN;
    }
    if (type.equals("plant")) {
      return BIO;
    }
    boolean designClass = false;
    for (String symbol : classificationSymbols) {
      if (symbol == null) {
        continue;
      }
      TechnologyField field = CpcFields.of(symbol);
      if (field != null) {
        return field;
      }
      designClass |= DESIGN_CLASS.matcher(symbol.strip()).matches();
    }
    return designClass ? DESIGN : UNCLASSIFIED;
  }
}
