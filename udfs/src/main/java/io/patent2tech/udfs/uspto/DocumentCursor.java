package io.patent2tech.udfs.uspto;

import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.DTDInfo;
import org.codehaus.stax2.XMLStreamReader2;

import io.patent2tech.udfs.xml.StaxCursor;

/**
 * The one streaming StAX cursor of a document, shared by its section readers, with the text reads
 * they all need: collapsed element text, exact text, and paragraph/claim content in the format's
 * {@link Markup}. Not thread-safe; one per parse call.
 */
final class DocumentCursor {

  private final XMLStreamReader2 r;
  private final TextBuffer small;
  private final TextBuffer large;
  private Markup markup = Markup.ICE;
  private String doctypeSystemId;

  DocumentCursor(XMLStreamReader2 r, TextBuffer small, TextBuffer large) {
    this.r = r;
    this.small = small;
    this.large = large;
    small.clear();
    large.clear();
  }

  /** Reads the prolog up to the root element's start tag and returns the root's name. */
  String toRootElement() throws XMLStreamException {
    while (true) {
      if (!r.hasNext()) {
        return null;
      }
      int ev = r.next();
      if (ev == XMLStreamConstants.DTD) {
        DTDInfo info = r.getDTDInfo();
        if (info != null) {
          doctypeSystemId = info.getDTDSystemId();
        }
      } else if (ev == XMLStreamConstants.START_ELEMENT) {
        return r.getLocalName();
      }
    }
  }

  /** The DOCTYPE's system id (the DTD file name), null without one. */
  String doctypeSystemId() {
    return doctypeSystemId;
  }

  void use(Markup m) {
    this.markup = m;
  }

  Markup markup() {
    return markup;
  }

  XMLStreamReader2 reader() {
    return r;
  }

  /** Short texts (titles, numbers, claims). */
  TextBuffer smallBuffer() {
    return small;
  }

  /** Long texts (abstracts, description sections). */
  TextBuffer largeBuffer() {
    return large;
  }

  int depth() {
    return r.getDepth();
  }

  String name() {
    return r.getLocalName();
  }

  /** {@link StaxCursor#nextStartWithin} on this document's reader. */
  String nextStartWithin(int depth) throws XMLStreamException {
    return StaxCursor.nextStartWithin(r, depth);
  }

  /** Reads to the next START_ELEMENT or the end of the document; false at the end. */
  boolean nextStart() throws XMLStreamException {
    while (true) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (ev == XMLStreamConstants.END_DOCUMENT) {
        return false;
      }
    }
  }

  void skip() throws XMLStreamException {
    r.skipElement();
  }

  /** Trimmed attribute value of the current element, null when absent or blank. */
  String attr(String name) {
    String v = r.getAttributeValue(null, name);
    if (v == null) {
      return null;
    }
    String t = v.trim();
    return t.isEmpty() ? null : t;
  }

  /** Collapsed text content of the current element (reader at its START_ELEMENT); null if blank. */
  String readText() throws XMLStreamException {
    TextBuffer sb = small;
    sb.clear();
    appendContent(sb, false, null);
    sb.trimEnd();
    return sb.length() == 0 ? null : sb.toString();
  }

  /** The text of the first occurrence of an element that has text: later ones are skipped. */
  String firstText(String kept) throws XMLStreamException {
    if (kept != null) {
      r.skipElement();
      return kept;
    }
    return readText();
  }

  /** Exact character content (no collapsing) of the current element; null if empty. */
  String readRawText() throws XMLStreamException {
    TextBuffer sb = small;
    sb.clear();
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA || ev == XMLStreamConstants.SPACE) {
        sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
      } else if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  /**
   * Appends the text content of the current element to sb with white space collapsed and a
   * space at the boundaries of non-inline elements; with {@code paragraphs}, paragraph and heading
   * boundaries become '\n'. With {@code claimRefs}, claim reference targets are collected. Consumes
   * the element's END_ELEMENT.
   */
  void appendContent(TextBuffer sb, boolean paragraphs, List<Integer> claimRefs) throws XMLStreamException {
    Markup m = markup;
    int depth = 1;
    int mathDepth = 0; // > 0 inside a subtree whose tags are no word breaks
    while (true) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
          sb.appendCollapsed(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
          break;
        case XMLStreamConstants.START_ELEMENT: {
          if (mathDepth > 0) {
            depth++;
            mathDepth++;
            break;
          }
          String name = r.getLocalName();
          if (m.isDropped(name)) {
            r.skipElement(); // consumes its end tag: depth unchanged
            break;
          }
          depth++;
          if (m.isMath(name)) {
            mathDepth = 1;
            break;
          }
          if (claimRefs != null && m.isClaimRef(name)) {
            ClaimRefs.add(claimRefs, attr(m.claimRefTarget()));
            break;
          }
          boundary(sb, m, name, paragraphs);
          break;
        }
        case XMLStreamConstants.END_ELEMENT: {
          depth--;
          if (depth == 0) {
            return;
          }
          if (mathDepth > 0) {
            mathDepth--;
            break;
          }
          boundary(sb, m, r.getLocalName(), paragraphs);
          break;
        }
        case XMLStreamConstants.END_DOCUMENT:
          throw new XMLStreamException("unexpected end of document", r.getLocation());
        default:
          break; // processing instructions, comments
      }
    }
  }

  /** An element's start or end tag reads as a paragraph break, a space, or (inline markup) nothing. */
  private static void boundary(TextBuffer sb, Markup m, String name, boolean paragraphs) {
    if (paragraphs && (m.isParagraph(name) || m.isHeading(name))) {
      sb.paragraphBreak();
    } else if (!m.isInline(name)) {
      sb.softSpace();
    }
  }
}
