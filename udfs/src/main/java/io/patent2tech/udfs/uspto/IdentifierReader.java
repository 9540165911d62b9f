package io.patent2tech.udfs.uspto;

import javax.xml.stream.XMLStreamException;

import io.patent2tech.schema.DocumentId;
import io.patent2tech.udfs.normalize.PublicationKeys;

/**
 * ICE identifiers and dates: the publication and application references, the title, related
 * documents (continuations, divisions, provisionals, related publications) and priority claims.
 */
final class IdentifierReader {

  private final DocumentCursor c;
  private final PatentDraft d;

  IdentifierReader(DocumentCursor c, PatentDraft d) {
    this.c = c;
    this.d = d;
  }

  /** publication-reference: the first one is this document's. */
  void publicationReference() throws XMLStreamException {
    if (d.publication == null) {
      d.publication = documentId();
    } else {
      c.skip();
    }
  }

  /** application-reference and its appl-type; the first one is this document's. */
  void applicationReference() throws XMLStreamException {
    if (d.application == null) {
      d.applType = c.attr("appl-type");
      d.application = documentId();
    } else {
      c.skip();
    }
  }

  void inventionTitle() throws XMLStreamException {
    if (d.title == null) {
      d.titleLang = FieldValues.lower(c.attr("lang"));
      d.title = c.readText();
    } else {
      c.skip();
    }
  }

  /**
   * country / doc-number / kind / date of the current element (a *-reference, document-id,
   * patcit, priority-claim ...), at any depth below it; the first occurrence of each wins.
   */
  DocumentId documentId() throws XMLStreamException {
    DocumentId id = new DocumentId();
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      switch (name) {
        case "country":
          id.setCountry(c.firstText(id.getCountry()));
          break;
        case "doc-number":
          id.setNumber(c.firstText(id.getNumber()));
          break;
        case "kind":
          id.setKind(c.firstText(id.getKind()));
          break;
        case "date":
          id.setDate(c.firstText(id.getDate()));
          break;
        case "name":
        case "classification-national":
        case "classification-cpc-text":
          c.skip();
          break;
        default:
          break;
      }
    }
    return id;
  }

  /** us-related-documents: one child per relation (continuation, division, provisional, ...). */
  void relatedDocuments() throws XMLStreamException {
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      relation(relationOf(name));
    }
  }

  /**
   * Every document-id under the relation except the child-doc (which is this application or an
   * intermediate one). A parent-grant-document is the parent's patent: its number loses the
   * office padding here already (no kind code says so later).
   */
  private void relation(String relation) throws XMLStreamException {
    int grantDepth = 0; // depth of the parent-grant-document being read, 0 outside one
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      if (c.depth() <= grantDepth) {
        grantDepth = 0; // back at or above its depth: the grant document has ended
      }
      switch (name) {
        case "child-doc":
        case "parent-status":
          c.skip();
          break;
        case "parent-grant-document":
          grantDepth = c.depth();
          break;
        case "document-id": {
          DocumentId id = documentId();
          if (grantDepth > 0 && id.getNumber() != null) {
            id.setNumber(PublicationKeys.normalizeNumber(id.getCountry(), id.getNumber()));
          }
          d.addRelated(relation, id);
          break;
        }
        default:
          break;
      }
    }
  }

  static String relationOf(String element) {
    switch (element) {
      case "continuation":
        return "continuation";
      case "continuation-in-part":
        return "continuation-in-part";
      case "division":
        return "division";
      case "us-provisional-application":
      case "provisional-application":
        return "provisional";
      case "related-publication":
        return "related-publication";
      case "reissue":
      case "us-reissue":
        return "reissue";
      default:
        return "other";
    }
  }

  void priorityClaim() throws XMLStreamException {
    DocumentId id = documentId();
    id.setKind(null); // the kind attribute/element of a priority claim is national|regional|international
    d.addRelated("priority", id);
  }
}
