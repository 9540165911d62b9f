package io.patent2tech.udfs.drawings.sheets;

import java.util.List;

/**
 * The synthetic design patents the generator writes: one per catalogue solid, numbered USD0990001
 * upward, all issued on Tuesday 2026-12-01. The numbers are made up (no USPTO design patent has
 * them yet) and every document says it is synthetic. Two edge cases: USD0990004 has two embodiments
 * (a two-step and a three-step block, FIG. 1-7 and FIG. 8-14) and USD0990010 has a perspective view
 * only (not reconstructable).
 */
public final class DesignCatalogue {

  /** The issue date of the synthetic weekly file (a Tuesday, as USPTO grants issue). */
  public static final String ISSUE_DATE = "20261201";

  private DesignCatalogue() {}

  public static List<DesignPatent> all() {
    List<View> all = List.of(View.DESIGN_ORDER);
    return List.of(
        one("D0990001", "Block", Solids.box(1.0, 0.6, 0.4), all),
        one("D0990002", "Bracket", Solids.lBracket(1.0, 0.5, 0.8, 0.2), all),
        one("D0990003", "T-bracket", Solids.tBracket(1.0, 0.5, 0.7, 0.2), all),
        new DesignPatent("D0990004", ISSUE_DATE, "Step block", List.of(
            new DesignPatent.Embodiment(Solids.steppedBlock(2, 1.0, 0.6, 0.6), all),
            new DesignPatent.Embodiment(Solids.steppedBlock(3, 1.0, 0.6, 0.75), all))),
        one("D0990005", "Knob", Solids.verticalCylinder(0.4, 1.0), all),
        one("D0990006", "Roller", Solids.horizontalCylinder(0.35, 1.0), all),
        one("D0990007", "Mounting plate", Solids.drilledPlate(1.0, 0.7, 0.15, 0.15), all),
        one("D0990008", "Tray", Solids.openBox(1.0, 0.7, 0.5, 0.1), all),
        one("D0990009", "Block with recess", Solids.pocketBlock(1.0, 0.6, 0.6, 0.3), all),
        one("D0990010", "Spacer", Solids.box(1.0, 0.6, 0.4), List.of(View.PERSPECTIVE)));
  }

  /** The design with this document number ({@code D0990002}) or solid id ({@code l-bracket}). */
  public static DesignPatent byName(String name) {
    for (DesignPatent p : all()) {
      if (p.docNumber().equalsIgnoreCase(name) || p.embodiments().get(0).solid().id().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no design '" + name + "'");
  }

  private static DesignPatent one(String number, String title, Solid solid, List<View> views) {
    return new DesignPatent(number, ISSUE_DATE, title, List.of(new DesignPatent.Embodiment(solid, views)));
  }
}
