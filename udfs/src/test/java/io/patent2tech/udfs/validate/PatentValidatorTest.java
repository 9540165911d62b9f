package io.patent2tech.udfs.validate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.Fixtures;
import io.patent2tech.udfs.UsptoDocumentProcessor;
import io.patent2tech.udfs.normalize.PatentNormalizer;
import io.patent2tech.udfs.uspto.UsptoXmlParser;

class PatentValidatorTest {

  private static Patent valid() throws Exception {
    return new UsptoDocumentProcessor().process(Fixtures.bytes("grant/US08930553.xml"),
        Fixtures.source("US08930553.xml", 0), 1L);
  }

  private static void rejectsNaming(Consumer<Patent> damage, String field) throws Exception {
    Patent p = valid();
    damage.accept(p);
    assertThatThrownBy(() -> new PatentValidator().validate(p))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
          assertThat(e.stage()).isEqualTo("validate");
          assertThat(e.reason()).isEqualTo("missing required field: " + field);
        });
  }

  @Test
  void aCompleteRecordPasses() throws Exception {
    Patent p = valid();
    assertThatCode(() -> new PatentValidator().validate(p)).doesNotThrowAnyException();
  }

  @Test
  void eachRequiredFieldIsNamed() throws Exception {
    rejectsNaming(p -> p.getPublication().setCountry(""), "publication.country");
    rejectsNaming(p -> p.getPublication().setNumber(" "), "publication.number");
    rejectsNaming(p -> p.getPublication().setKind(null), "publication.kind");
    rejectsNaming(p -> p.getPublication().setDate(null), "publication.date");
    rejectsNaming(p -> p.setTitles(new ArrayList<>()), "title");
    rejectsNaming(p -> p.setClaims(new ArrayList<>()), "claims (at least one claim with text)");
    rejectsNaming(p -> p.setApplication(null), "application.number");
  }

  @Test
  void missingFieldsInADocumentAreRejectedAtValidateWithTheKey() throws Exception {
    String doc = new String(Fixtures.bytes("grant/US08930553.xml"), java.nio.charset.StandardCharsets.UTF_8)
        .replaceAll("(?s)<claims id=\"claims\">.*</claims>", "")
        .replace("<kind>B2</kind>\n<date>20150106</date>", "<date>20150106</date>");
    assertThatThrownBy(() -> new UsptoDocumentProcessor().process(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Fixtures.source("x.xml", 0), 1L))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
          assertThat(e.stage()).isEqualTo("validate");
          assertThat(e.reason()).isEqualTo("missing required field: publication.kind");
          assertThat(e.publicationKey()).isEqualTo("US-8930553");
        });
  }

  @Test
  void anInvalidPublicationDateIsANormalizeRejection() throws Exception {
    Patent p = new UsptoXmlParser().parse(Fixtures.bytes("grant/US08930553.xml"), Fixtures.source("x.xml", 0));
    p.getPublication().setDate("20151301");
    assertThatThrownBy(() -> new PatentNormalizer().normalize(p))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
          assertThat(e.stage()).isEqualTo("normalize");
          assertThat(e.reason()).isEqualTo("invalid publication date '20151301'");
        });
  }
}
