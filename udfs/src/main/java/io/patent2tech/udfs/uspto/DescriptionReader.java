package io.patent2tech.udfs.uspto;

import java.util.Locale;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLStreamReader2;

import io.patent2tech.schema.DescriptionSection;
import io.patent2tech.schema.LocalizedText;

/**
 * The abstract and the description of any of the formats: description sections from ICE's
 * processing-instruction pairs or PAP/ST.32 wrapper elements, refined by headings; paragraphs of
 * the brief description of the drawings are kept for {@link DrawingViews}.
 */
final class DescriptionReader {

  private final DocumentCursor c;
  private final PatentDraft d;
  private final TextBuffer large;

  DescriptionReader(DocumentCursor c, PatentDraft d) {
    this.c = c;
    this.d = d;
    this.large = c.largeBuffer();
  }

  /** abstract / subdoc-abstract / SDOAB: paragraphs joined by '\n'. */
  void abstractText() throws XMLStreamException {
    String l = FieldValues.lower(c.attr("lang"));
    TextBuffer sb = large;
    sb.clear();
    c.appendContent(sb, true, null);
    sb.trimEnd();
    if (sb.length() > 0) {
      LocalizedText t = new LocalizedText();
      t.setLang(l != null ? l : d.lang);
      t.setText(sb.toString());
      d.abstracts.add(t);
    }
  }

  // description regions: ICE processing-instruction pairs, PAP/ST.32 wrapper elements
  private static final int REGION_NONE = 0;
  private static final int REGION_CROSS = 1;
  private static final int REGION_GOV = 2;
  private static final int REGION_SUMMARY = 3;
  private static final int REGION_BDOD = 4;
  private static final int REGION_DETAILED = 5;

  /** The region a PI target (ICE) or wrapper element (PAP, ST.32) opens; -1 when it opens none. */
  private static int region(String target) {
    String t = target.toLowerCase(Locale.ROOT);
    switch (t) {
      case "relapp":
      case "cross-reference-to-related-applications":
      case "related-applications":
      case "crossref":
        return REGION_CROSS;
      case "govint":
      case "federal-research-statement":
      case "government-interest":
        return REGION_GOV;
      case "brfsum":
      case "summary-of-invention":
      case "summary":
      case "background-of-invention":
        return REGION_SUMMARY;
      case "brief-description-of-drawings":
      case "description-of-drawings":
      case "brfdraw":
      case "drwdesc":
        return REGION_BDOD;
      case "detdesc":
      case "detailed-description":
        return REGION_DETAILED;
      default:
        return -1; // in-line-formulae and other markers that do not delimit sections
    }
  }

  private static String defaultSection(int region) {
    switch (region) {
      case REGION_CROSS:
        return SectionHeadings.CROSS_REFERENCE;
      case REGION_GOV:
        return SectionHeadings.GOVERNMENT_INTEREST;
      case REGION_SUMMARY:
        return SectionHeadings.SUMMARY;
      case REGION_BDOD:
        return SectionHeadings.DRAWINGS;
      case REGION_DETAILED:
        return SectionHeadings.DETAILED;
      default:
        return SectionHeadings.OTHER;
    }
  }

  private int descRegion;
  private String sectionType;
  private String sectionHeading;
  private TextBuffer sectionText;

  private void flushSection() {
    if (sectionText != null) {
      sectionText.trimEnd();
      if (sectionText.length() > 0) {
        DescriptionSection s = new DescriptionSection();
        s.setSection(sectionType);
        s.setHeading(sectionHeading);
        s.setText(sectionText.toString());
        d.description.add(s);
      }
    }
    sectionText = null;
    sectionHeading = null;
  }

  private void startSection(String type, String heading) {
    flushSection();
    sectionType = type;
    sectionHeading = heading;
    sectionText = large;
    large.clear();
  }

  /** description: sections from PIs, wrapper elements and headings; paragraphs joined by '\n'. */
  void description() throws XMLStreamException {
    XMLStreamReader2 r = c.reader();
    Markup m = c.markup();
    descRegion = REGION_NONE;
    sectionType = SectionHeadings.OTHER;
    int dodDepth = 0; // > 0 inside description-of-drawings (ICE)
    int regionDepth = 0; // > 0: depth of the open region wrapper element (PAP, ST.32)
    String typeBeforeDod = SectionHeadings.OTHER;
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.PROCESSING_INSTRUCTION: {
          int reg = region(r.getPITarget());
          if (reg < 0) {
            break;
          }
          String data = r.getPIData();
          boolean tail = data != null && (data.contains("\"tail\"") || data.contains("'tail'"));
          if (tail) {
            flushSection();
            descRegion = REGION_NONE;
            sectionType = SectionHeadings.OTHER;
          } else {
            descRegion = reg;
            startSection(defaultSection(reg), null);
          }
          break;
        }
        case XMLStreamConstants.START_ELEMENT: {
          String name = r.getLocalName();
          int wrapper;
          if (m.isHeading(name)) {
            String h = c.readText();
            String type;
            if (dodDepth > 0 || descRegion == REGION_BDOD) {
              type = SectionHeadings.DRAWINGS;
            } else if (descRegion == REGION_SUMMARY || descRegion == REGION_NONE) {
              String byHeading = h == null ? null : SectionHeadings.sectionOf(h);
              type = byHeading != null ? byHeading : sectionType;
            } else {
              type = defaultSection(descRegion);
            }
            startSection(type, h);
          } else if (m.regionsAreElements() && (wrapper = region(name)) >= 0) {
            descRegion = wrapper;
            startSection(defaultSection(wrapper), null);
            depth++;
            regionDepth = depth;
          } else if (m.isContainer(name)) {
            depth++;
          } else if (name.equals("description-of-drawings")) {
            if (dodDepth == 0 && descRegion != REGION_BDOD) {
              typeBeforeDod = sectionType;
              startSection(SectionHeadings.DRAWINGS, null);
            }
            dodDepth = 1;
            depth++;
          } else if (dodDepth > 0 && !m.isParagraph(name)) {
            dodDepth++;
            depth++;
          } else {
            // a paragraph (or a table, list, formula standing at paragraph level)
            if (sectionText == null) {
              startSection(dodDepth > 0 ? SectionHeadings.DRAWINGS : sectionType, null);
            }
            TextBuffer sb = sectionText;
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
              sb.trimEnd();
              sb.append('\n');
            }
            int start = sb.length();
            c.appendContent(sb, false, null);
            sb.trimEnd();
            if (sb.length() == start && start > 0) {
              sb.setLength(start - 1); // empty paragraph: drop its separator
            } else if ((dodDepth > 0 || descRegion == REGION_BDOD) && sb.length() > start) {
              d.bdodParagraphs.add(sb.substring(start));
            }
          }
          break;
        }
        case XMLStreamConstants.END_ELEMENT:
          if (regionDepth > 0 && depth == regionDepth) {
            flushSection(); // the wrapper's end closes its region, like ICE's "tail" PI
            descRegion = REGION_NONE;
            sectionType = SectionHeadings.OTHER;
            regionDepth = 0;
          }
          depth--;
          if (dodDepth > 0) {
            dodDepth--;
            if (dodDepth == 0 && descRegion != REGION_BDOD) {
              flushSection();
              sectionType = typeBeforeDod;
            }
          }
          break;
        default:
          break;
      }
    }
    flushSection();
  }
}
