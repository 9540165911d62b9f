package io.patent2tech.udfs.uspto.aps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patent2tech.schema.Claim;
import io.patent2tech.schema.DescriptionSection;
import io.patent2tech.schema.Figure;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.udfs.normalize.ClaimReferences;
import io.patent2tech.udfs.uspto.DrawingViews;
import io.patent2tech.udfs.uspto.SectionHeadings;

/**
 * The texts of an APS patent: abstract ({@code ABST}), description sections ({@code PARN},
 * {@code GOVT}, {@code BSUM}, {@code DRWD}, {@code DETD}, each {@code PAC} a heading), claims
 * ({@code CLMS}, a design's {@code DCLM}) and the figures the drawing description names. Paragraph
 * fields are {@code PAR}, {@code PA1}..{@code PA9}, {@code PAL}, {@code TBL}, {@code EQU} ...: every
 * code but {@code PAC}, {@code NUM}, {@code STM}.
 */
final class ApsTextReader implements ApsSectionReader {

  private final String language;

  private final List<LocalizedText> abstracts = new ArrayList<>(1);
  private final StringBuilder abstractText = new StringBuilder(1024);
  private final List<DescriptionSection> description = new ArrayList<>(16);
  private final List<String> drawingParagraphs = new ArrayList<>(12);
  private final List<Claim> claims = new ArrayList<>(20);

  private String sectionType;
  private String sectionHeading;
  private final StringBuilder sectionText = new StringBuilder(8192);

  private int claimNumber = -1;
  private final StringBuilder claimText = new StringBuilder(2048);

  ApsTextReader(String language) {
    this.language = language;
  }

  /** Whether this reader reads the record. */
  static boolean reads(String record) {
    switch (record) {
      case "ABST":
      case "PARN":
      case "GOVT":
      case "BSUM":
      case "DRWD":
      case "DETD":
      case "CLMS":
      case "DCLM":
        return true;
      default:
        return false;
    }
  }

  @Override
  public void field(String record, ApsLines at) {
    String code = at.code();
    String value = at.value();
    switch (record) {
      case "ABST":
        if (isParagraph(code) && value != null) {
          paragraph(abstractText, value);
        }
        break;
      case "CLMS":
      case "DCLM":
        claimField(code, value); // a NUM without a number still starts a claim
        break;
      default:
        if (value != null) {
          descriptionField(record, code, value);
        }
        break;
    }
  }

  @Override
  public void endRecord(String record) {
    switch (record) {
      case "ABST":
        if (abstractText.length() > 0) {
          abstracts.add(new LocalizedText(language, abstractText.toString()));
          abstractText.setLength(0);
        }
        break;
      case "CLMS":
      case "DCLM":
        flushClaim();
        break;
      default:
        flushSection();
        sectionType = null;
        break;
    }
  }

  List<LocalizedText> abstracts() {
    return abstracts;
  }

  List<DescriptionSection> description() {
    return description;
  }

  List<Claim> claims() {
    return claims;
  }

  /**
   * {@code count} figures (NFG; the number the drawing description names when negative), labelled
   * from the drawing description when it names exactly that many FIGs (FIG. 1, 1A, 2 ...: each
   * figure gets its label and the sentence that describes it); otherwise numbered
   * {@code figure-1..n} without labels. APS has no image references.
   */
  List<Figure> figures(int count) {
    Map<String, String> labelText = new LinkedHashMap<>();
    for (DrawingViews.View v : DrawingViews.views(drawingParagraphs)) {
      for (String label : v.labels) {
        labelText.putIfAbsent(label, v.text);
      }
    }
    int n = count >= 0 ? count : labelText.size();
    boolean labelled = labelText.size() == n;
    List<String> labels = new ArrayList<>(labelText.keySet());
    List<Figure> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Figure f = new Figure();
      if (labelled) {
        String label = labels.get(i);
        f.setId("FIG-" + label);
        f.setFigureNumbers(new ArrayList<>(List.of(label)));
        f.setViewText(labelText.get(label));
      } else {
        f.setId("figure-" + (i + 1));
        f.setFigureNumbers(new ArrayList<>(0));
      }
      out.add(f);
    }
    return out;
  }

  private static boolean isParagraph(String code) {
    return !code.equals("PAC ") && !code.equals("NUM ") && !code.equals("STM ");
  }

  private void descriptionField(String record, String code, String value) {
    if (code.equals("PAC ")) {
      flushSection();
      sectionHeading = value;
      sectionType = record.equals("BSUM") ? bsumSection(value) : regionSection(record);
      return;
    }
    if (!isParagraph(code)) {
      return;
    }
    if (sectionType == null) {
      sectionType = regionSection(record);
    }
    paragraph(sectionText, value);
    if (record.equals("DRWD")) {
      drawingParagraphs.add(value);
    }
  }

  /** BSUM holds background and summary, told apart by their headings as in ICE's BRFSUM region. */
  private String bsumSection(String heading) {
    String byHeading = SectionHeadings.sectionOf(heading);
    return byHeading != null ? byHeading : sectionType != null ? sectionType : SectionHeadings.SUMMARY;
  }

  private static String regionSection(String record) {
    switch (record) {
      case "PARN":
        return SectionHeadings.CROSS_REFERENCE;
      case "GOVT":
        return SectionHeadings.GOVERNMENT_INTEREST;
      case "BSUM":
        return SectionHeadings.SUMMARY;
      case "DRWD":
        return SectionHeadings.DRAWINGS;
      case "DETD":
        return SectionHeadings.DETAILED;
      default:
        return SectionHeadings.OTHER;
    }
  }

  private void flushSection() {
    if (sectionText.length() > 0) {
      description.add(new DescriptionSection(sectionType, sectionHeading, sectionText.toString()));
    }
    sectionText.setLength(0);
    sectionHeading = null;
  }

  private static void paragraph(StringBuilder sb, String text) {
    if (sb.length() > 0) {
      sb.append('\n');
    }
    sb.append(text);
  }

  /** NUM starts a claim; its paragraphs (PAR, PA1 ...) are one text. A DCLM (design claim) has no NUM. */
  private void claimField(String code, String value) {
    if (code.equals("NUM ")) {
      flushClaim();
      int n = ApsCodes.leadingNumber(value);
      claimNumber = n > 0 ? n : claims.size() + 1;
      return;
    }
    if (!isParagraph(code)) {
      return;
    }
    if (claimNumber < 0) {
      claimNumber = claims.size() + 1;
    }
    if (claimText.length() > 0) {
      claimText.append(' ');
    }
    claimText.append(value);
  }

  private void flushClaim() {
    if (claimNumber > 0 && claimText.length() > 0) {
      String text = withoutPrintedNumber(claimText, claimNumber);
      List<Integer> refs = ClaimReferences.dependsOn(text, claimNumber);
      claims.add(new Claim(claimNumber, text, refs.isEmpty(), refs));
    }
    claimText.setLength(0);
    claimNumber = -1;
  }

  /** "2. A device as claimed in claim 1" -> "A device as claimed in claim 1" when 2 is the claim's number. */
  private static String withoutPrintedNumber(StringBuilder sb, int number) {
    int i = 0;
    while (i < sb.length() && i < 5 && Character.isDigit(sb.charAt(i))) {
      i++;
    }
    if (i > 0 && i < sb.length() && (sb.charAt(i) == '.' || sb.charAt(i) == ')')
        && Integer.parseInt(sb.substring(0, i)) == number) {
      int j = i + 1;
      while (j < sb.length() && sb.charAt(j) == ' ') {
        j++;
      }
      if (j < sb.length()) {
        return sb.substring(j);
      }
    }
    return sb.toString();
  }
}
