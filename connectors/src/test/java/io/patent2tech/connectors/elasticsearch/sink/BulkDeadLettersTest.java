package io.patent2tech.connectors.elasticsearch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.schema.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BulkDeadLettersTest {

  private static final byte[] DOCUMENT =
      "{\"publication_key\":\"US-8930553-B2\",\"publication_date\":\"06.01.2015\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void carriesTheRefusedDocumentAndWhy() {
    DeadLetter deadLetter = new BulkDeadLetters("patents.normalized", 1024)
        .refused("US-8930553-B2", "document_parsing_exception", "failed to parse field [publication_date]", DOCUMENT);

    assertThat(deadLetter.getSource()).isEqualTo("patents.normalized");
    assertThat(deadLetter.getStage()).isEqualTo("landing-elasticsearch");
    assertThat(deadLetter.getPublicationKey()).isEqualTo("US-8930553-B2");
    assertThat(deadLetter.getReason())
        .isEqualTo("document_parsing_exception: failed to parse field [publication_date]");
    assertThat(deadLetter.getRaw().remaining()).isEqualTo(DOCUMENT.length);
    assertThat(deadLetter.getRawSize()).isEqualTo(DOCUMENT.length);
  }

  @Test
  void cutsLargeDocumentsButKeepsTheirSize() {
    DeadLetter deadLetter =
        new BulkDeadLetters("patents.normalized", 20).refused("US-8930553-B2", "x", "y", DOCUMENT);

    byte[] raw = new byte[deadLetter.getRaw().remaining()];
    deadLetter.getRaw().duplicate().get(raw);
    assertThat(new String(raw, StandardCharsets.UTF_8)).isEqualTo("{\"publication_key\":\"");
    assertThat(deadLetter.getRawSize()).isEqualTo(DOCUMENT.length);
  }
}
