package io.patent2tech.connectors.epo;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The answer of the OPS images inquiry, {@code published-data/publication/docdb/{CC}.{NR}.{KIND}/images}:
 * one {@link Instance} per {@code ops:document-instance} (the full document, its drawings, the
 * first-page clipping), each with the link its pages are fetched from as {@code {link}.tiff?Range=N}
 * (see {@code fixtures/epo-ops/published/test/image_example.xml}).
 */
public final class OpsImageInquiry {

  /** The {@code desc} of the instance that holds only the drawing sheets. */
  public static final String DRAWING = "Drawing";

  /**
   * One document instance.
   *
   * @param desc {@code FullDocument}, {@code Drawing}, {@code FirstPageClipping}
   * @param link e.g. {@code published-data/images/EP/1000000/A1/thumbnail}
   * @param pages its number of pages
   * @param formats the MIME types OPS serves it in, e.g. {@code application/tiff}
   */
  public record Instance(String desc, String link, int pages, List<String> formats) {}

  private OpsImageInquiry() {}

  /** The document instances of an inquiry answer. */
  public static List<Instance> parse(byte[] response) throws IllegalArgumentException {
    Document doc;
    try {
      doc = OpsXml.parse(response);
    } catch (OpsXml.MalformedException e) {
      throw new IllegalArgumentException("OPS images inquiry: " + e.getMessage(), e);
    }
    List<Instance> out = new ArrayList<>();
    NodeList instances = doc.getElementsByTagNameNS(OpsXml.NS_OPS, "document-instance");
    for (int i = 0; i < instances.getLength(); i++) {
      Element e = (Element) instances.item(i);
      List<String> formats = new ArrayList<>();
      NodeList f = e.getElementsByTagNameNS(OpsXml.NS_OPS, "document-format");
      for (int j = 0; j < f.getLength(); j++) {
        formats.add(f.item(j).getTextContent().strip());
      }
      int pages;
      try {
        pages = Integer.parseInt(e.getAttribute("number-of-pages").strip());
      } catch (NumberFormatException x) {
        pages = 0;
      }
      out.add(new Instance(e.getAttribute("desc"), e.getAttribute("link"), pages, List.copyOf(formats)));
    }
    return out;
  }
}
