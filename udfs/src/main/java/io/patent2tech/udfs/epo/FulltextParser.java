package io.patent2tech.udfs.epo;

import static io.patent2tech.udfs.epo.OpsXml.FULLTEXT;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLStreamReader2;

import com.ctc.wstx.exc.WstxLazyException;

import io.patent2tech.schema.DocumentId;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.normalize.PublicationKeys;

/**
 * Reads OPS full-text responses ({@code ftxt:fulltext-documents}, namespace
 * {@code http://www.epo.org/fulltext}) of the claims and description services. The texts are kept
 * raw (line breaks included): claims split on them ({@link EpoClaims}). Stateless.
 */
final class FulltextParser implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One {@code fulltext-document}: its publication and the claim-text or p elements as written. */
  record Fulltext(DocumentId publication, String claimsLang, List<String> claimTexts, String descriptionLang,
                  List<String> paragraphs) {

    /** {@code CC-NUMBER-KIND} of the document (DOCDB form as OPS gives it), or null. */
    String key() {
      return publication == null ? null
          : PublicationKeys.publicationKey(publication.getCountry(), publication.getNumber(), publication.getKind());
    }

    boolean hasClaims() {
      return !claimTexts.isEmpty();
    }

    boolean hasDescription() {
      return !paragraphs.isEmpty();
    }
  }

  FulltextParser() {}

  /**
   * Every fulltext-document of the response, in order.
   *
   * @param what "claims" or "description", for the rejection reason only
   */
  List<Fulltext> parse(byte[] response, String what) throws DocumentRejectedException {
    XMLStreamReader2 r = OpsXml.open(response, what);
    try {
      List<Fulltext> out = new ArrayList<>(1);
      while (r.hasNext()) {
        if (r.next() == XMLStreamReader2.START_ELEMENT && OpsXml.is(r, FULLTEXT, "fulltext-document")) {
          out.add(readDocument(r));
        }
      }
      return out;
    } catch (XMLStreamException | WstxLazyException e) {
      throw OpsXml.malformed(e, what);
    } catch (RuntimeException e) {
      throw OpsXml.reject("parser error: " + e, e);
    } finally {
      OpsXml.close(r);
    }
  }

  private static Fulltext readDocument(XMLStreamReader2 r) throws XMLStreamException {
    DocumentId pub = null;
    String claimsLang = null;
    String descriptionLang = null;
    List<String> claims = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>();
    int depth = r.getDepth();
    while (OpsXml.nextStartWithin(r, depth)) {
      if (!FULLTEXT.equals(r.getNamespaceURI())) {
        continue;
      }
      switch (r.getLocalName()) {
        case "publication-reference":
          if (pub == null) {
            pub = OpsDocumentIds.choose(OpsDocumentIds.read(r, FULLTEXT));
          }
          break;
        case "claims":
          claimsLang = claimsLang != null ? claimsLang : OpsXml.attr(r, "lang");
          break;
        case "claim-text":
          addText(claims, OpsXml.rawText(r));
          break;
        case "description":
          descriptionLang = descriptionLang != null ? descriptionLang : OpsXml.attr(r, "lang");
          break;
        case "p":
        case "heading":
          addText(paragraphs, OpsXml.rawText(r));
          break;
        default:
          // bibliographic-data, claim, heading containers: walked into
      }
    }
    return new Fulltext(pub, claimsLang, claims, descriptionLang, paragraphs);
  }

  private static void addText(List<String> into, String raw) {
    if (raw != null && !raw.isBlank()) {
      into.add(raw);
    }
  }
}
