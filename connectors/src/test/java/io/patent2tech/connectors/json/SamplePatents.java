package io.patent2tech.connectors.json;

import io.patent2tech.schema.Citation;
import io.patent2tech.schema.Claim;
import io.patent2tech.schema.Classification;
import io.patent2tech.schema.DescriptionSection;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.Figure;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Party;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.RelatedDocument;
import io.patent2tech.schema.Source;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Patent records for the landing tests, transcribed (claims and description abridged) from the
 * captured USPTO files fixtures/uspto/grant/US08930553.xml (utility grant, 8 claims,
 * IPC + USPC, 6 drawing sheets) and ipgD0701016.xml (design grant, no abstract, Locarno).
 */
public final class SamplePatents {

  /** 2015-01-06T12:00:00Z */
  public static final long INGEST_TIME = 1420545600000L;

  private SamplePatents() {}

  /** US 8930553 B2, "Managing mid-dialog session initiation protocol (SIP) messages". */
  public static Patent sipGrant() {
    return Patent.newBuilder()
        .setPublicationKey("US-8930553-B2")
        .setPublication(document("US", "8930553", "B2", "2015-01-06"))
        .setApplicationKey("US-13648029")
        .setApplication(document("US", "13648029", null, "2012-10-09"))
        .setDocumentType("utility")
        .setRelatedDocuments(List.of())
        .setFamilyId(null)
        .setLanguage("en")
        .setTitles(List.of(text("en", "Managing mid-dialog session initiation protocol (SIP) messages")))
        .setAbstracts(List.of(text("en", "Processing mid-dialog SIP messages by receiving a mid-dialog SIP "
            + "message from a SIP user agent client, creating a new SIP session, associating the new SIP "
            + "session with the mid-dialog SIP message, identifying an application that is associated "
            + "with the mid-dialog SIP message, providing to the application the mid-dialog SIP message "
            + "in the context of the new SIP session.")))
        .setClaims(List.of(
            claim(1, "1. A system for processing mid-dialog SIP messages, the system comprising: an "
                + "incoming message hardware processor configured to receive a mid-dialog SIP message "
                + "from a SIP user agent client; and an unknown message hardware processor configured "
                + "to create a new SIP session."),
            claim(2, "2. The system according to claim 1 wherein the unknown message hardware processor "
                + "is configured to create the new SIP session responsive to the incoming message "
                + "hardware processor unsuccessfully associating the mid-dialog SIP message with a "
                + "pre-existing SIP session.", 1),
            claim(3, "3. The system according to claim 1 wherein the unknown message hardware processor "
                + "is configured to provide the mid-dialog SIP message in an out-of-SIP-protocol "
                + "callback to the application.", 1),
            claim(4, "4. The system according to claim 1 and further comprising a SIP container "
                + "configured to provide to the application the mid-dialog SIP message in the context "
                + "of the new SIP session.", 1),
            claim(5, "5. The system according to claim 4 wherein the SIP container is configured to "
                + "provide to the application the mid-dialog SIP message in an in-protocol SIP "
                + "callback to the application.", 4),
            claim(6, "6. The system according to claim 4 wherein the mid-dialog SIP message is "
                + "associated with a cluster that is known to the SIP container.", 4),
            claim(7, "7. The system according to claim 1 wherein the unknown message hardware processor "
                + "is configured to identify the application using an application identifier "
                + "included in the mid-dialog SIP message.", 1),
            claim(8, "8. A computer program product for processing mid-dialog SIP messages, the computer "
                + "program product comprising: a computer-readable storage device; and "
                + "computer-readable program code embodied in the computer-readable storage device.")))
        .setDescription(List.of(
            new DescriptionSection("brief-description-of-drawings", "BRIEF DESCRIPTION OF THE DRAWINGS",
                "FIG. 1 is a simplified conceptual illustration of a system for managing mid-dialog "
                    + "SIP messages. FIG. 4 is a simplified block diagram illustration of an "
                    + "exemplary hardware implementation of a computing system."),
            new DescriptionSection("detailed-description", "DETAILED DESCRIPTION",
                "The invention is now described within the context of one or more embodiments.")))
        .setClassifications(List.of(
            new Classification("IPC", "G06F 15/16", true, true, "20060101"),
            new Classification("USPC", "709/228", true, null, null)))
        .setApplicants(List.of(organization("International Business Machines Corporation", "Armonk", "US", 1)))
        .setInventors(List.of(
            person("Nitzan", "Nissim", "Rehovot", "IL", 1),
            person("Brian", "Pulito", "Lexington", "US", 2),
            person("Asaf", "Zinger", "Rehovot", "IL", 3)))
        .setAssignees(List.of(organization("International Business Machines Corporation", "Armonk", "US", 1)))
        .setAgents(List.of(organization("Cuenot, Forsythe & Kim, LLC", null, null, 1)))
        .setCitations(List.of(
            new Citation("patent", document("US", "7844851", "B2", "2010-11"), null, "applicant", 1),
            new Citation("patent", document("US", "2007/0220302", "A1", "2007-09"), null, "examiner", 5),
            new Citation("npl", null, "Rosenberg et al., SIP: Session Initiation Protocol, RFC 3261, "
                + "June 2002.", "applicant", 16)))
        .setFigures(List.of(
            figure("Fig-EMI-D00000", "US08930553-20150106-D00000.TIF", List.of("1"),
                "FIG. 1 is a simplified conceptual illustration of a system for managing mid-dialog "
                    + "SIP messages"),
            figure("Fig-EMI-D00001", "US08930553-20150106-D00001.TIF", List.of("2A"),
                "FIG. 2A is a simplified flowchart illustration of an exemplary method of operation "
                    + "of SIP container 102"),
            figure("Fig-EMI-D00002", "US08930553-20150106-D00002.TIF", List.of("2B"), null),
            figure("Fig-EMI-D00003", "US08930553-20150106-D00003.TIF", List.of("3"), null),
            figure("Fig-EMI-D00004", "US08930553-20150106-D00004.TIF", List.of("4"), null),
            figure("Fig-EMI-D00005", "US08930553-20150106-D00005.TIF", List.of(), null)))
        .setSource(source("US08930553.xml", "us-patent-grant v4.5 2014-04-03"))
        .setContentHash(sha256("US-8930553-B2 as published"))
        .setVersion(1)
        .setIngestTime(INGEST_TIME)
        .build();
  }

  /** US D701016 S1, "Cheese in form of a triangular pyramid": no abstract, one claim, view texts. */
  public static Patent cheeseDesign() {
    return Patent.newBuilder()
        .setPublicationKey("US-D701016-S1")
        .setPublication(document("US", "D701016", "S1", "2014-03-18"))
        .setApplicationKey("US-29414573")
        .setApplication(document("US", "29414573", null, "2012-02-29"))
        .setDocumentType("design")
        .setRelatedDocuments(List.of(new RelatedDocument(
            "priority", document("EM", "001184956-0001", null, "2009-12-10"))))
        .setFamilyId(null)
        .setLanguage("en")
        .setTitles(List.of(text("en", "Cheese in form of a triangular pyramid")))
        .setAbstracts(List.of())
        .setClaims(List.of(claim(1,
            "The ornamental design for cheese in form of a triangular pyramid, as shown and described.")))
        .setDescription(List.of(new DescriptionSection("brief-description-of-drawings", null,
            "FIG. 1 is a perspective view of cheese in form of a triangular pyramid showing the new "
                + "design; FIG. 4 is a front elevational view thereof;")))
        .setClassifications(List.of(
            new Classification("LOCARNO", "01-01", true, null, "10"),
            new Classification("USPC", "D1/101", true, null, null)))
        .setApplicants(List.of(person("Ludwig", "Rupp", "Lochau", "AT", 1)))
        .setInventors(List.of(person("Ludwig", "Rupp", "Lochau", "AT", 1)))
        .setAssignees(List.of(organization("Rupp AG", null, "AT", 1)))
        .setAgents(List.of(organization("Workman Nydegger", null, null, 1)))
        .setCitations(List.of(
            new Citation("patent", document("US", "D14842", "S", "1884-03"), null, "examiner", 1)))
        .setFigures(List.of(
            figure("Fig-EMI-D00000", "USD0701016-20140318-D00000.TIF", List.of("1"),
                "FIG. 1 is a perspective view of cheese in form of a triangular pyramid showing the "
                    + "new design"),
            figure("Fig-EMI-D00001", "USD0701016-20140318-D00001.TIF", List.of("2", "3"),
                "FIG. 2 is another perspective view thereof; FIG. 3 is another perspective view "
                    + "thereof")))
        .setSource(source("ipgD0701016.xml", "us-patent-grant v4.4 2013-05-16"))
        .setContentHash(sha256("US-D701016-S1 as published"))
        .setVersion(1)
        .setIngestTime(INGEST_TIME)
        .build();
  }

  /** A copy of {@code patent} under another publication key, for tests that need many documents. */
  public static Patent withKey(Patent patent, String publicationKey) {
    return Patent.newBuilder(patent)
        .setPublicationKey(publicationKey)
        .setContentHash(sha256(publicationKey + patent.getContentHash()))
        .build();
  }

  public static String sha256(String content) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DocumentId document(String country, String number, String kind, String date) {
    return new DocumentId(country, number, kind, date);
  }

  private static LocalizedText text(String lang, String text) {
    return new LocalizedText(lang, text);
  }

  private static Claim claim(int number, String text, Integer... dependsOn) {
    return new Claim(number, text, dependsOn.length == 0, List.of(dependsOn));
  }

  private static Party organization(String name, String city, String country, int sequence) {
    return new Party(name, name, null, null, city, country, sequence);
  }

  private static Party person(String firstName, String lastName, String city, String country, int sequence) {
    return new Party(firstName + " " + lastName, null, firstName, lastName, city, country, sequence);
  }

  private static Figure figure(String id, String file, List<String> numbers, String viewText) {
    return new Figure(id, file, numbers, viewText);
  }

  private static Source source(String file, String product) {
    return new Source("USPTO", product, file, null, 0L, 0L, null, null);
  }
}
