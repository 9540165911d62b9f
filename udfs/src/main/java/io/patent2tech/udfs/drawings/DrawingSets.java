package io.patent2tech.udfs.drawings;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.patent2tech.schema.DescriptionSection;
import io.patent2tech.schema.DrawingFigure;
import io.patent2tech.schema.Figure;
import io.patent2tech.schema.OrthographicSet;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentDrawings;
import io.patent2tech.schema.SetView;
import io.patent2tech.udfs.uspto.DrawingViews;

/**
 * A patent's drawing set (the value of patents.drawings): every figure with its view label, and
 * the orthographic sets, one per embodiment, with whether each can be reconstructed (docs/drawings.md).
 * Pure: a {@link Patent} in, a {@link PatentDrawings} out, for every patent.
 *
 * <p>The figures are the FIGs the brief description of the drawings describes, read with {@link
 * DrawingViews#views} (the parser's own reading, which also attached FIG numbers to the drawing
 * sheets where that is unambiguous). A FIG's image is the sheet whose {@code figure_numbers} hold
 * it; where the XML does not tell (ICE design grants put 8 FIGs on 4 sheets), the sheets no FIG
 * was attached to are its {@code candidate_files}. A document whose text describes no FIG gets
 * one figure per drawing sheet, labelled from its view text where it has one.
 *
 * <p>A set is reconstructable when its views with images cover at least two of the three axes
 * (front or rear; top or bottom; left or right).
 */
public final class DrawingSets {

  public static final String NO_FIGURES = "no-figures";
  public static final String SCHEMATIC_ONLY = "schematic-only";
  public static final String NO_ORTHOGRAPHIC_SET = "no-orthographic-set";
  public static final String SINGLE_VIEW = "single-view";
  public static final String MISSING_IMAGES = "missing-images";

  /** The section of Patent.description the brief description of the drawings is in. */
  static final String BRIEF_DESCRIPTION = "brief-description-of-drawings";

  private enum Axis { FRONT_REAR, TOP_BOTTOM, LEFT_RIGHT }

  private DrawingSets() {}

  /** The drawing record of {@code p}. */
  public static PatentDrawings of(Patent p) {
    List<DrawingFigure> figures = figures(p);
    List<OrthographicSet> sets = sets(figures);
    String reason = reason(figures, sets);
    return PatentDrawings.newBuilder()
        .setPublicationKey(p.getPublicationKey())
        .setOffice(p.getSource() == null ? "unknown" : p.getSource().getOffice())
        .setKind(p.getPublication() == null ? null : p.getPublication().getKind())
        .setIsDesign(isDesign(p))
        .setPatentVersion(p.getVersion())
        .setPatentContentHash(p.getContentHash())
        .setFigures(figures)
        .setSets(sets)
        .setReconstructable(reason == null)
        .setReason(reason)
        .build();
  }

  /** A design patent: document type design, or a USPTO kind S (S, S1) or D number. */
  public static boolean isDesign(Patent p) {
    if ("design".equalsIgnoreCase(p.getDocumentType())) {
      return true;
    }
    if (p.getPublication() == null || !"US".equals(p.getPublication().getCountry())) {
      return false;
    }
    String kind = p.getPublication().getKind();
    String number = p.getPublication().getNumber();
    return (kind != null && kind.toUpperCase(Locale.ROOT).startsWith("S"))
        || (number != null && number.toUpperCase(Locale.ROOT).startsWith("D"));
  }

  /** The paragraphs of the brief description of the drawings (description sections joined by '\n'). */
  static List<String> briefDescription(Patent p) {
    List<String> paragraphs = new ArrayList<>();
    for (DescriptionSection d : p.getDescription()) {
      if (BRIEF_DESCRIPTION.equals(d.getSection()) && d.getText() != null) {
        for (String line : d.getText().split("\n")) {
          if (!line.isBlank()) {
            paragraphs.add(line.strip());
          }
        }
      }
    }
    return paragraphs;
  }

  static List<DrawingFigure> figures(Patent p) {
    List<Figure> sheets = p.getFigures();
    List<DrawingViews.View> views = DrawingViews.views(briefDescription(p));
    List<DrawingFigure> out = new ArrayList<>();
    if (views.isEmpty()) {
      int embodiment = 1;
      for (Figure sheet : sheets) {
        if (sheets.size() > 1 && DrawingViews.isFrontPage(sheet)) {
          continue; // the front page repeats one of the sheets' FIGs
        }
        String text = sheet.getViewText();
        embodiment = ViewLabels.embodiment(text, embodiment);
        List<String> numbers = sheet.getFigureNumbers();
        out.add(DrawingFigure.newBuilder()
            .setId(sheet.getId())
            .setFigureNumber(numbers.isEmpty() ? null : numbers.get(0))
            .setSheetId(sheet.getId())
            .setFile(sheet.getFile())
            .setView(ViewLabels.view(text))
            .setViewText(text)
            .setDrawingType(ViewLabels.drawingType(text))
            .setEmbodiment(embodiment)
            .build());
      }
      return out;
    }
    List<String> unassigned = new ArrayList<>();
    for (Figure sheet : sheets) {
      if (sheet.getFigureNumbers().isEmpty() && sheet.getFile() != null
          && !(sheets.size() > 1 && DrawingViews.isFrontPage(sheet))) {
        unassigned.add(sheet.getFile());
      }
    }
    Map<String, DrawingFigure> byNumber = new LinkedHashMap<>();
    int embodiment = 1;
    for (DrawingViews.View v : views) {
      embodiment = ViewLabels.embodiment(v.text, embodiment);
      for (String number : v.labels) {
        if (byNumber.containsKey(number)) {
          continue; // described again ("FIG. 3 is ...; FIGS. 3 and 4 show ...): the first sentence counts
        }
        Figure sheet = sheetShowing(sheets, number);
        byNumber.put(number, DrawingFigure.newBuilder()
            .setId("FIG-" + number)
            .setFigureNumber(number)
            .setSheetId(sheet == null ? null : sheet.getId())
            .setFile(sheet == null ? null : sheet.getFile())
            .setCandidateFiles(sheet == null || sheet.getFile() == null ? new ArrayList<>(unassigned) : new ArrayList<>())
            .setView(ViewLabels.view(v.text))
            .setViewText(v.text)
            .setDrawingType(ViewLabels.drawingType(v.text))
            .setEmbodiment(embodiment)
            .build());
      }
    }
    out.addAll(byNumber.values());
    return out;
  }

  /** The sheet whose figure numbers hold {@code number}, a drawing sheet before the front page. */
  private static Figure sheetShowing(List<Figure> sheets, String number) {
    Figure front = null;
    for (Figure sheet : sheets) {
      if (sheet.getFigureNumbers().contains(number)) {
        if (sheets.size() > 1 && DrawingViews.isFrontPage(sheet)) {
          front = sheet;
        } else {
          return sheet;
        }
      }
    }
    return front;
  }

  /** One set per embodiment that has an orthographic or perspective view, in embodiment order. */
  static List<OrthographicSet> sets(List<DrawingFigure> figures) {
    Map<Integer, List<DrawingFigure>> byEmbodiment = new TreeMap<>();
    for (DrawingFigure f : figures) {
      if (ViewLabels.ORTHOGRAPHIC.contains(f.getView()) || ViewLabels.PERSPECTIVE.equals(f.getView())) {
        byEmbodiment.computeIfAbsent(f.getEmbodiment(), e -> new ArrayList<>()).add(f);
      }
    }
    List<OrthographicSet> sets = new ArrayList<>(byEmbodiment.size());
    byEmbodiment.forEach((embodiment, members) -> {
      List<SetView> views = new ArrayList<>(members.size());
      Set<Axis> covered = EnumSet.noneOf(Axis.class);
      Set<Axis> imaged = EnumSet.noneOf(Axis.class);
      for (DrawingFigure f : members) {
        views.add(new SetView(f.getId(), f.getView()));
        Axis axis = axis(f.getView());
        if (axis != null) {
          covered.add(axis);
          if (f.getFile() != null || !f.getCandidateFiles().isEmpty()) {
            imaged.add(axis);
          }
        }
      }
      String reason;
      if (imaged.size() >= 2) {
        reason = null;
      } else if (covered.size() >= 2) {
        reason = MISSING_IMAGES;
      } else if (covered.size() == 1) {
        reason = SINGLE_VIEW;
      } else {
        reason = NO_ORTHOGRAPHIC_SET;
      }
      sets.add(OrthographicSet.newBuilder()
          .setId("set-" + embodiment)
          .setEmbodiment(embodiment)
          .setViews(views)
          .setReconstructable(reason == null)
          .setReason(reason)
          .build());
    });
    return sets;
  }

  private static Axis axis(String view) {
    return switch (view) {
      case ViewLabels.FRONT, ViewLabels.REAR -> Axis.FRONT_REAR;
      case ViewLabels.TOP, ViewLabels.BOTTOM -> Axis.TOP_BOTTOM;
      case ViewLabels.LEFT, ViewLabels.RIGHT -> Axis.LEFT_RIGHT;
      default -> null;
    };
  }

  /**
   * Why no set is reconstructable, null when one is: no figures; every figure a schematic,
   * flowchart or graph (drawing type); no set with an orthographic view; else the reason of the best set
   * (missing-images before single-view before no-orthographic-set).
   */
  static String reason(List<DrawingFigure> figures, List<OrthographicSet> sets) {
    if (figures.isEmpty()) {
      return NO_FIGURES;
    }
    if (sets.stream().anyMatch(OrthographicSet::getReconstructable)) {
      return null;
    }
    if (figures.stream().allMatch(f -> f.getDrawingType() != null)) {
      return SCHEMATIC_ONLY;
    }
    for (String r : List.of(MISSING_IMAGES, SINGLE_VIEW)) {
      if (sets.stream().anyMatch(s -> r.equals(s.getReason()))) {
        return r;
      }
    }
    return NO_ORTHOGRAPHIC_SET;
  }
}
