package io.patent2tech.udfs.uspto;

import java.util.Locale;

/**
 * The description section a USPTO heading names ("BACKGROUND OF THE INVENTION" -> background,
 * "BRIEF DESCRIPTION OF THE DRAWINGS" -> brief-description-of-drawings, ...), as the schema's
 * {@code DescriptionSection.section} values. Shared by the readers of the USPTO formats whose
 * description regions are wider than one section (ICE's BRFSUM processing instruction, APS's BSUM
 * record).
 */
public final class SectionHeadings {

  public static final String CROSS_REFERENCE = "cross-reference";
  public static final String GOVERNMENT_INTEREST = "government-interest";
  public static final String BACKGROUND = "background";
  public static final String SUMMARY = "summary";
  public static final String DRAWINGS = "brief-description-of-drawings";
  public static final String DETAILED = "detailed-description";
  public static final String OTHER = "other";

  private SectionHeadings() {}

  /** Section named by a heading, or null when the heading does not say. */
  public static String sectionOf(String heading) {
    String h = heading.toUpperCase(Locale.ROOT);
    if (h.contains("BRIEF DESCRIPTION OF") && (h.contains("DRAWING") || h.contains("FIGURE") || h.contains("VIEWS"))) {
      return DRAWINGS;
    }
    if (h.contains("DESCRIPTION OF THE DRAWING") || h.contains("DESCRIPTION OF DRAWING")) {
      return DRAWINGS;
    }
    if ((h.contains("CROSS") && h.contains("REFERENCE")) || h.contains("RELATED APPLICATION")
        || h.contains("RELATED PATENT APPLICATION") || h.contains("PRIORITY CLAIM")
        || h.contains("CLAIM OF PRIORITY") || h.contains("CLAIM FOR PRIORITY")) {
      return CROSS_REFERENCE;
    }
    if (h.contains("GOVERNMENT") || h.contains("FEDERALLY") || h.contains("FEDERAL RESEARCH")
        || h.contains("SPONSORED RESEARCH")) {
      return GOVERNMENT_INTEREST;
    }
    if (h.contains("DETAILED DESCRIPTION") || h.contains("DESCRIPTION OF EMBODIMENT")
        || h.contains("DESCRIPTION OF THE EMBODIMENT") || h.contains("DESCRIPTION OF THE PREFERRED")
        || h.contains("DESCRIPTION OF PREFERRED") || h.contains("DESCRIPTION OF EXEMPLARY")
        || h.contains("MODE FOR CARRYING OUT") || h.contains("MODES FOR CARRYING OUT")
        || h.contains("BEST MODE")) {
      return DETAILED;
    }
    if (h.contains("SUMMARY") || h.contains("OBJECTS OF") || h.contains("OBJECT OF")
        || h.contains("DISCLOSURE OF THE INVENTION") || h.startsWith("BRIEF DESCRIPTION")) {
      return SUMMARY;
    }
    if (h.contains("BACKGROUND") || h.contains("FIELD") || h.contains("PRIOR ART") || h.contains("RELATED ART")
        || h.contains("DESCRIPTION OF THE RELATED") || h.contains("TECHNICAL PROBLEM")) {
      return BACKGROUND;
    }
    return null;
  }
}
