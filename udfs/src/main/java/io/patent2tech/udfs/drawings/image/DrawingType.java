package io.patent2tech.udfs.drawings.image;

/** What kind of drawing a sheet or figure is; how it is decided: {@link DrawingClassifier}. */
public enum DrawingType {
  /** An object with round parts (holes, shafts, wheels) drawn densely. */
  MECHANICAL,
  /** Many straight lines at medium density: plans, frames, structures. */
  ARCHITECTURAL,
  /** Sparse line work: circuits, block diagrams, concept sketches. */
  SCHEMATIC,
  /** Boxes with text inside, joined by lines or arrows. */
  FLOWCHART,
  /** Two long perpendicular axes meeting at a corner, with a curve between them. */
  GRAPH,
  /** Nothing above applies. */
  GENERAL;

  /** Lower-case name, as it goes into records. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
