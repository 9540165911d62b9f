package io.patent2tech.udfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Source;

class DeadLettersTest {

  private static final Source WHERE = new Source("USPTO", null, "ipg150106.zip", "ipg150106.xml", 17L, 123_456L, null, null);

  @Test
  void smallRawInputTravelsInTheDeadLetter() {
    byte[] raw = "<us-patent-grant>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    DeadLetter d = DeadLetters.of("uspto", "parse", "malformed XML: x", new IllegalStateException("x"), WHERE, raw,
        null, DeadLetters.DEFAULT_MAX_RAW_BYTES, 5L);
    assertThat(d.getSource()).isEqualTo("uspto");
    assertThat(d.getStage()).isEqualTo("parse");
    assertThat(d.getErrorClass()).isEqualTo("java.lang.IllegalStateException");
    assertThat(d.getSourceFile()).isEqualTo("ipg150106.zip");
    assertThat(d.getEntry()).isEqualTo("ipg150106.xml");
    assertThat(d.getPosition()).isEqualTo(17L);
    assertThat(d.getOffset()).isEqualTo(123_456L);
    assertThat(d.getRaw()).isEqualTo(ByteBuffer.wrap(raw));
    assertThat(d.getRawSize()).isEqualTo((long) raw.length);
    assertThat(d.getRawPointer()).isNull();
    assertThat(d.getTime()).isEqualTo(5L);
  }

  @Test
  void largeRawInputBecomesAPointer() {
    byte[] raw = new byte[101];
    DeadLetter d = DeadLetters.of("uspto", "parse", "too big", null, WHERE, raw, "US-1-B1", 100, 5L);
    assertThat(d.getRaw()).isNull();
    assertThat(d.getRawSize()).isEqualTo(101L);
    assertThat(d.getRawPointer()).isEqualTo("ipg150106.zip#ipg150106.xml@123456+101");
    assertThat(d.getPublicationKey()).isEqualTo("US-1-B1");
    assertThat(d.getErrorClass()).isNull();

    Source noEntry = new Source("USPTO", null, "a.xml", null, 0L, null, null, null);
    assertThat(DeadLetters.of("uspto", "parse", "r", null, noEntry, raw, null, 100, 5L).getRawPointer())
        .isEqualTo("a.xml@?+101");
  }

  @Test
  void rejectionsKeepStageReasonKeyAndCause() {
    DocumentRejectedException e = new DocumentRejectedException("validate", "missing required field: title", "US-1-B1",
        null);
    DeadLetter d = DeadLetters.rejected(e, "uspto", WHERE, new byte[] {1, 2, 3}, 10, 9L);
    assertThat(d.getStage()).isEqualTo("validate");
    assertThat(d.getReason()).isEqualTo("missing required field: title");
    assertThat(d.getPublicationKey()).isEqualTo("US-1-B1");
    assertThat(d.getErrorClass()).isEqualTo(DocumentRejectedException.class.getName());
    assertThat(e.getMessage()).isEqualTo("validate: missing required field: title (US-1-B1)");

    DocumentRejectedException parse = new DocumentRejectedException("parse", "malformed XML: y", null,
        new javax.xml.stream.XMLStreamException("y"));
    assertThat(DeadLetters.rejected(parse, "uspto", null, null, 10, 9L).getErrorClass())
        .isEqualTo("javax.xml.stream.XMLStreamException");
  }

  @Test
  void realRejectionRoundTrip() {
    byte[] raw = java.util.Arrays.copyOf(Fixtures.bytes("legacy/pg06442728.xml"), 4000); // cut short
    try {
      new UsptoDocumentProcessor().process(raw, WHERE, 1L);
      throw new AssertionError("expected a rejection");
    } catch (DocumentRejectedException e) {
      DeadLetter d = DeadLetters.rejected(e, "uspto", WHERE, raw, DeadLetters.DEFAULT_MAX_RAW_BYTES, 2L);
      assertThat(d.getReason()).startsWith("malformed XML: ");
      assertThat(d.getRaw().remaining()).isEqualTo(raw.length);
    }
  }

  @Test
  void theBuilderCutsADocumentThatCannotBeReadAgainButKeepsItsSize() {
    byte[] json = "{\"publication_key\":\"US-1-B1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    DeadLetter d = DeadLetters.builder("patents.normalized", "landing-elasticsearch")
        .reason("document_parsing_exception: failed to parse")
        .errorClass("document_parsing_exception")
        .publicationKey("US-1-B1")
        .rawPrefix(json, 5)
        .time(7L)
        .build();
    assertThat(d.getRaw()).isEqualTo(ByteBuffer.wrap(java.util.Arrays.copyOf(json, 5)));
    assertThat(d.getRawSize()).isEqualTo((long) json.length);
    assertThat(d.getRawPointer()).isNull();
    assertThat(d.getErrorClass()).isEqualTo("document_parsing_exception");
    assertThat(d.getTime()).isEqualTo(7L);
  }

  @Test
  void theBuilderPointsAtATopicRecordAndGivesATombstoneSizeZero() {
    long before = System.currentTimeMillis();
    DeadLetter tombstone = DeadLetters.builder("patents.normalized", "landing-decode")
        .reason("empty value")
        .rawAt(null, "patents.normalized/2@9")
        .build();
    assertThat(tombstone.getRaw()).isNull();
    assertThat(tombstone.getRawSize()).isZero();
    assertThat(tombstone.getRawPointer()).isEqualTo("patents.normalized/2@9");
    assertThat(tombstone.getErrorClass()).isNull();
    assertThat(tombstone.getTime()).isBetween(before, System.currentTimeMillis());

    DeadLetter undecodable = DeadLetters.builder("t", "landing-decode")
        .error(new java.io.IOException("bad marker"))
        .rawAt(new byte[] {1, 2}, "t/0@1")
        .build();
    assertThat(undecodable.getReason()).isEqualTo("bad marker");
    assertThat(undecodable.getErrorClass()).isEqualTo("java.io.IOException");
    assertThat(undecodable.getRawSize()).isEqualTo(2L);
  }
}
