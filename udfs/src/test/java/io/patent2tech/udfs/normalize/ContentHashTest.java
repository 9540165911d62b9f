package io.patent2tech.udfs.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.Fixtures;
import io.patent2tech.udfs.UsptoDocumentProcessor;

class ContentHashTest {

  private final UsptoDocumentProcessor processor = new UsptoDocumentProcessor();
  private static final String FILE = "grant/US08930553.xml";

  private Patent read(Source where, long time) throws Exception {
    return processor.process(Fixtures.bytes(FILE), where, time);
  }

  @Test
  void sameContentSameHashWhereverAndWheneverItWasRead() throws Exception {
    Patent a = read(new Source("USPTO", null, "ipg150106.zip", "ipg150106.xml", 17L, 123_456L, null, null), 1L);
    Patent b = read(new Source("USPTO", null, "other-week.xml", null, 4_000L, 99_999_999L, null, null), 2L);
    assertThat(a.getContentHash()).matches("[0-9a-f]{64}").isEqualTo(b.getContentHash());
    assertThat(a.getSource().getPosition()).isNotEqualTo(b.getSource().getPosition());
    // version and the hash field itself do not count either
    b.setVersion(7);
    assertThat(ContentHash.of(b)).isEqualTo(a.getContentHash());
    assertThat(ContentHash.of(a)).isEqualTo(a.getContentHash());
  }

  @Test
  void aChangedClaimChangesTheHash() throws Exception {
    Patent a = read(Fixtures.source(FILE, 0), 1L);
    String before = a.getContentHash();
    a.getClaims().get(4).setText(a.getClaims().get(4).getText() + " and more");
    assertThat(ContentHash.of(a)).isNotEqualTo(before);

    Patent b = read(Fixtures.source(FILE, 0), 1L);
    b.getClaims().get(1).setDependsOn(new java.util.ArrayList<>(java.util.List.of(3)));
    assertThat(ContentHash.of(b)).isNotEqualTo(before);

    Patent c = read(Fixtures.source(FILE, 0), 1L);
    c.getTitles().get(0).setText("Managing mid-dialog SIP messages");
    assertThat(ContentHash.of(c)).isNotEqualTo(before);
  }

  @Test
  void normalizingTwiceChangesNothing() throws Exception {
    Patent a = read(Fixtures.source(FILE, 0), 1L);
    String json = a.toString();
    new PatentNormalizer().normalize(a);
    assertThat(a.toString()).isEqualTo(json);
    new PatentNormalizer().normalize(a, true);
    assertThat(a.toString()).isEqualTo(json);
  }

  @Test
  void hashingDoesNotModifyTheRecord() throws Exception {
    Patent a = read(Fixtures.source(FILE, 5), 42L);
    String json = a.toString();
    ContentHash.of(a);
    assertThat(a.toString()).isEqualTo(json);
  }
}
