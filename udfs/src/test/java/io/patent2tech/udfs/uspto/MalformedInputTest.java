package io.patent2tech.udfs.uspto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.Fixtures;
import io.patent2tech.udfs.UsptoDocumentProcessor;

/** Broken input is always a DocumentRejectedException (stage parse), never another exception. */
class MalformedInputTest {

  private final UsptoDocumentProcessor processor = new UsptoDocumentProcessor();

  private DocumentRejectedException rejection(byte[] doc) {
    Throwable t = null;
    try {
      processor.process(doc, Fixtures.source("broken.xml", 3), 1L);
    } catch (Throwable e) {
      t = e;
    }
    assertThat(t).isInstanceOf(DocumentRejectedException.class);
    return (DocumentRejectedException) t;
  }

  @Test
  void truncatedDocument() {
    byte[] full = Fixtures.bytes("grant/US08930553.xml");
    for (int cut : new int[] {full.length / 2, full.length - 30, 200, 60}) {
      DocumentRejectedException e = rejection(Arrays.copyOf(full, cut));
      assertThat(e.stage()).as("cut at %d", cut).isEqualTo("parse");
      assertThat(e.reason()).as("cut at %d", cut).startsWith("malformed XML: ").contains("line ");
    }
  }

  @Test
  void invalidUtf8Bytes() {
    byte[] full = Fixtures.bytes("grant/US08930553.xml");
    String s = new String(full, StandardCharsets.UTF_8);
    int at = s.indexOf("Managing mid-dialog");
    byte[] bad = full.clone();
    bad[at] = (byte) 0xC3;   // lead byte of a 2-byte sequence ...
    bad[at + 1] = (byte) 0x28; // ... followed by an ASCII byte
    DocumentRejectedException e = rejection(bad);
    assertThat(e.stage()).isEqualTo("parse");
    assertThat(e.reason()).startsWith("malformed XML: ").containsIgnoringCase("utf-8")
        .endsWith("(line 45, column 30, byte offset " + (at + 1) + ")"); // the title, line 45 of the file

    byte[] lone = full.clone();
    lone[at] = (byte) 0xFF;
    assertThat(rejection(lone).reason()).startsWith("malformed XML: ").endsWith("(line 45, column 29, byte offset " + at + ")");
    assertThat(UsptoXmlParser.firstInvalidUtf8("ok \u00e9\u20ac\ud83d\ude00".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    assertThat(UsptoXmlParser.firstInvalidUtf8(new byte[] {'a', (byte) 0xE2, (byte) 0x82})).isEqualTo(1); // cut short
    assertThat(UsptoXmlParser.firstInvalidUtf8(new byte[] {(byte) 0xC0, (byte) 0x80})).isEqualTo(0);     // overlong
  }

  @Test
  void undeclaredEntity() {
    byte[] full = Fixtures.bytes("grant/US08930553.xml");
    String s = new String(full, StandardCharsets.UTF_8).replace("Managing mid-dialog", "Managing &midDialog;");
    DocumentRejectedException e = rejection(s.getBytes(StandardCharsets.UTF_8));
    assertThat(e.stage()).isEqualTo("parse");
    assertThat(e.reason()).contains("\"midDialog\"").contains("line ");
  }

  @Test
  void notXmlEmptyAndMismatchedTags() {
    assertThat(rejection(new byte[0]).reason()).isEqualTo("empty document");
    assertThat(rejection("   \n".getBytes(StandardCharsets.UTF_8)).reason()).startsWith("empty document");
    // APS text goes to the APS reader (ApsParserTest); this one has a number and nothing else
    assertThat(rejection("PATN\nWKU  039327094\n".getBytes(StandardCharsets.UTF_8)).reason())
        .isEqualTo("missing required field: publication.date");
    assertThat(rejection("{\"json\": true}".getBytes(StandardCharsets.UTF_8)).reason())
        .startsWith("unsupported format: not XML");
    assertThat(rejection("<us-patent-grant dtd-version=\"v4.5\"><a></b></us-patent-grant>".getBytes(StandardCharsets.UTF_8))
        .reason()).startsWith("malformed XML: ");
    assertThat(rejection("<?xml version=\"1.0\"?>".getBytes(StandardCharsets.UTF_8)).reason()).startsWith("malformed XML");
  }

  @Test
  void unsupportedIceVersionsAndRoots() {
    String v48 = new String(EntityMappingTest.ice("T", ""), StandardCharsets.UTF_8).replace("v4.5 2014-04-03\"", "v4.8 2030-01-01\"");
    assertThat(rejection(v48.getBytes(StandardCharsets.UTF_8)).reason())
        .isEqualTo("unsupported format: us-patent-grant with dtd-version 'v4.8 2030-01-01'; supported: v4.0 to v4.7");
    assertThat(rejection("<sequence-cwu/>".getBytes(StandardCharsets.UTF_8)).reason())
        .startsWith("unsupported format: root element <sequence-cwu>");
  }

  @Test
  void v46AndV47AreAccepted() throws Exception {
    for (String v : new String[] {"v4.6 2022-02-17", "v4.7 2022-11-10", "v46 2022-02-17"}) {
      String doc = new String(EntityMappingTest.ice("T", ""), StandardCharsets.UTF_8).replace("v4.5 2014-04-03\"", v + "\"");
      Patent p = processor.process(doc.getBytes(StandardCharsets.UTF_8), Fixtures.source("t.xml", 0), 1L);
      assertThat(p.getSource().getProduct()).isEqualTo("us-patent-grant " + v.replace("v46", "v4.6"));
    }
  }

  @Test
  void externalEntitiesAreRejectedNotRead() {
    for (String subset : new String[] {"<!ENTITY custom SYSTEM \"file:///etc/hostname\">",
        "<!ENTITY custom SYSTEM \"http://127.0.0.1:9/x\">"}) {
      DocumentRejectedException e = rejection(EntityMappingTest.ice("A &custom; B", subset));
      assertThat(e.stage()).isEqualTo("parse");
      assertThat(e.reason()).startsWith("malformed XML: ").contains("external entity \"custom\"");
    }
    DocumentRejectedException pe = rejection(EntityMappingTest.ice("T", "<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p;"));
    assertThat(pe.reason()).contains("external entity \"p\"");
  }

  @Test
  void theDtdIsNeverFetched() throws Exception {
    // an unreachable http:// system id and a file that does not exist: both would fail if opened
    for (String systemId : new String[] {"http://127.0.0.1:9/never.dtd", "file:///nonexistent/dir/x.dtd"}) {
      String doc = new String(EntityMappingTest.ice("T", ""), StandardCharsets.UTF_8)
          .replace("us-patent-grant-v45-2014-04-03.dtd", systemId);
      Patent p = processor.process(doc.getBytes(StandardCharsets.UTF_8), Fixtures.source("t.xml", 0), 1L);
      assertThat(p.getPublicationKey()).isEqualTo("US-9999999-B2");
    }
  }
}
