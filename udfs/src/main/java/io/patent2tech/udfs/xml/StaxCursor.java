package io.patent2tech.udfs.xml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLStreamReader2;

/** Cursor moves shared by the StAX parsers (USPTO, EPO OPS). */
public final class StaxCursor {

  private StaxCursor() {}

  /**
   * Advances to the next start tag anywhere inside the element at {@code depth} (the reader's depth
   * at that element's start tag) and returns its local name; null once that element's end tag is
   * read (the reader then stands on it). A child the caller does not consume (reads its text, skips
   * it, hands it to a nested reader) is descended into by the next call, so handled elements are
   * matched at any depth below.
   */
  public static String nextStartWithin(XMLStreamReader2 r, int depth) throws XMLStreamException {
    while (true) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        return r.getLocalName();
      }
      if (ev == XMLStreamConstants.END_ELEMENT && r.getDepth() == depth) {
        return null;
      }
    }
  }
}
