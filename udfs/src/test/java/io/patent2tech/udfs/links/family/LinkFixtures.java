package io.patent2tech.udfs.links.family;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.RelatedDocument;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentResult;
import io.patent2tech.udfs.Fixtures;
import io.patent2tech.udfs.epo.EpoOpsDocumentProcessor;
import io.patent2tech.udfs.normalize.PublicationKeys;

/**
 * The real level-3 fixtures (fixtures/epo-ops, PROVENANCE.md) as patents, shared with the jobs'
 * LinksJobIT. The two OPS family responses hold only each member's references, not documents the
 * project's readers take, so their members are built here from the docdb document-ids with the
 * project's key normalizers; the full-cycle response holds EP 1000000 A1 and B1 as documents, read
 * by the project's EPO reader.
 */
public final class LinkFixtures {

  /** fixtures/epo-ops/patent-dev/get_family_response.xml: family 43088294, EP 2400812 and its US and CA members. */
  public static final String FAMILY_EP2400812 = "patent-dev/get_family_response.xml";
  /** fixtures/epo-ops/family/fixtures/family_input.xml: family 19768124, EP 1000000 and its AT, DE, NL, US members. */
  public static final String FAMILY_EP1000000 = "family/fixtures/family_input.xml";
  /** fixtures/epo-ops/published/test/full_cycle_example.xml: EP 1000000 A1 and B1, full biblio. */
  public static final String FULL_CYCLE_EP1000000 = "published/test/full_cycle_example.xml";

  /**
   * The links level 3 must find among the members of {@link #FAMILY_EP2400812}, as {@code from ->
   * to kind strength}: the 5 members pairwise in one family (10), the EP A1/B1 and the US A1/B2 of
   * one application each (2), and the CA and both US members claiming the EP application that
   * both EP publications carry (6).
   */
  public static final List<String> EP2400812_LINKS = List.of(
      "CA-2744162-A1 -> EP-2400812-A1 same-family strong",
      "CA-2744162-A1 -> EP-2400812-B1 same-family strong",
      "CA-2744162-A1 -> US-20120057518-A1 same-family strong",
      "CA-2744162-A1 -> US-9648662-B2 same-family strong",
      "EP-2400812-A1 -> EP-2400812-B1 same-family strong",
      "EP-2400812-A1 -> US-20120057518-A1 same-family strong",
      "EP-2400812-A1 -> US-9648662-B2 same-family strong",
      "EP-2400812-B1 -> US-20120057518-A1 same-family strong",
      "EP-2400812-B1 -> US-9648662-B2 same-family strong",
      "US-20120057518-A1 -> US-9648662-B2 same-family strong",
      "EP-2400812-A1 -> EP-2400812-B1 same-application strong",
      "US-20120057518-A1 -> US-9648662-B2 same-application strong",
      "CA-2744162-A1 -> EP-2400812-A1 priority weak",
      "CA-2744162-A1 -> EP-2400812-B1 priority weak",
      "US-20120057518-A1 -> EP-2400812-A1 priority weak",
      "US-20120057518-A1 -> EP-2400812-B1 priority weak",
      "US-9648662-B2 -> EP-2400812-A1 priority weak",
      "US-9648662-B2 -> EP-2400812-B1 priority weak");

  /**
   * The links among the members of {@link #FAMILY_EP1000000}: 6 members pairwise in one family
   * (15), EP A1/B1 of one application (1), and the five members claiming the Dutch application NL
   * 1010536 linked to its publication NL 1010536 C2 (5; the C2 itself claims it as its own).
   */
  public static final List<String> EP1000000_LINKS = List.of(
      "AT-232441-T -> DE-69905327-D1 same-family strong",
      "AT-232441-T -> EP-1000000-A1 same-family strong",
      "AT-232441-T -> EP-1000000-B1 same-family strong",
      "AT-232441-T -> NL-1010536-C2 same-family strong",
      "AT-232441-T -> US-6093011-A same-family strong",
      "DE-69905327-D1 -> EP-1000000-A1 same-family strong",
      "DE-69905327-D1 -> EP-1000000-B1 same-family strong",
      "DE-69905327-D1 -> NL-1010536-C2 same-family strong",
      "DE-69905327-D1 -> US-6093011-A same-family strong",
      "EP-1000000-A1 -> EP-1000000-B1 same-family strong",
      "EP-1000000-A1 -> NL-1010536-C2 same-family strong",
      "EP-1000000-A1 -> US-6093011-A same-family strong",
      "EP-1000000-B1 -> NL-1010536-C2 same-family strong",
      "EP-1000000-B1 -> US-6093011-A same-family strong",
      "NL-1010536-C2 -> US-6093011-A same-family strong",
      "EP-1000000-A1 -> EP-1000000-B1 same-application strong",
      "AT-232441-T -> NL-1010536-C2 priority weak",
      "DE-69905327-D1 -> NL-1010536-C2 priority weak",
      "EP-1000000-A1 -> NL-1010536-C2 priority weak",
      "EP-1000000-B1 -> NL-1010536-C2 priority weak",
      "US-6093011-A -> NL-1010536-C2 priority weak");

  private static final String EXCHANGE = "http://www.epo.org/exchange";
  private static final String OPS = "http://ops.epo.org";

  private LinkFixtures() {}

  /**
   * The family members of an OPS family response ({@code ops:family-member}) as patents: the
   * publication, application and priority claims of each (docdb document-ids), its family id.
   */
  public static List<Patent> familyMembers(String epoRelative) throws Exception {
    Path file = Fixtures.epo(epoRelative);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    org.w3c.dom.Document xml;
    try (InputStream in = Files.newInputStream(file)) {
      xml = factory.newDocumentBuilder().parse(in);
    }
    NodeList members = xml.getElementsByTagNameNS(OPS, "family-member");
    List<Patent> out = new ArrayList<>();
    for (int i = 0; i < members.getLength(); i++) {
      Element member = (Element) members.item(i);
      DocumentId publication = docdb(child(member, "publication-reference"));
      DocumentId application = docdb(child(member, "application-reference"));
      List<RelatedDocument> priorities = new ArrayList<>();
      NodeList claims = member.getElementsByTagNameNS(EXCHANGE, "priority-claim");
      for (int c = 0; c < claims.getLength(); c++) {
        DocumentId claimed = docdb((Element) claims.item(c));
        claimed.setKind(null); // an application, as the EPO reader keeps priority claims
        priorities.add(new RelatedDocument("priority", claimed));
      }
      out.add(Patent.newBuilder()
          .setPublicationKey(PublicationKeys.publicationKey(publication.getCountry(), publication.getNumber(),
              publication.getKind()))
          .setPublication(publication)
          .setApplicationKey(PublicationKeys.applicationKey(application.getCountry(), application.getNumber()))
          .setApplication(application)
          .setFamilyId(member.getAttribute("family-id"))
          .setRelatedDocuments(priorities)
          .setSource(new Source("EPO", "epo-ops 3.2 family", epoRelative, null, (long) i, null, null, null))
          .setContentHash("family-member " + publication.getCountry() + publication.getNumber() + publication.getKind())
          .setIngestTime(0L)
          .build());
    }
    return out;
  }

  /** The exchange-documents of an OPS biblio or full-cycle response, read by the project's EPO reader. */
  public static List<Patent> epoDocuments(String epoRelative) throws IOException {
    byte[] response = Files.readAllBytes(Fixtures.epo(epoRelative));
    List<Patent> out = new ArrayList<>();
    for (DocumentResult r : new EpoOpsDocumentProcessor(false)
        .processAll(response, new Source("EPO", null, epoRelative, null, 0L, null, null, null), 0L)) {
      if (r.patent() == null) {
        throw new IllegalStateException(epoRelative + ": " + r);
      }
      out.add(r.patent());
    }
    return out;
  }

  private static Element child(Element parent, String local) {
    return (Element) parent.getElementsByTagNameNS(EXCHANGE, local).item(0);
  }

  private static DocumentId docdb(Element reference) {
    NodeList ids = reference.getElementsByTagNameNS(EXCHANGE, "document-id");
    for (int i = 0; i < ids.getLength(); i++) {
      Element id = (Element) ids.item(i);
      if ("docdb".equals(id.getAttribute("document-id-type"))) {
        return new DocumentId(text(id, "country"), text(id, "doc-number"), text(id, "kind"), null);
      }
    }
    throw new IllegalStateException("no docdb document-id in " + reference.getLocalName());
  }

  private static String text(Element parent, String local) {
    NodeList n = parent.getElementsByTagNameNS(EXCHANGE, local);
    return n.getLength() == 0 ? null : n.item(0).getTextContent().trim();
  }
}
