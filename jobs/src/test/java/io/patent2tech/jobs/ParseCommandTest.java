package io.patent2tech.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.parse.InputFormat;

/** {@code parse} over saved files of the three offices, output read back as JSON. */
class ParseCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Path FIXTURES = Path.of(System.getProperty("p2t.fixtures"));
  private static final Path EPO = FIXTURES.resolve("epo-ops");
  private static final Path KIPRIS = FIXTURES.resolve("kipris");
  private static final Path EP_BIBLIO = EPO.resolve("published/test/expected/ep1000000_biblio_result.xml");
  private static final Path EP_CLAIMS = EPO.resolve("published/test/claims_example.xml");
  private static final Path EP_DESCRIPTION = EPO.resolve("published/test/description_example.xml");
  private static final Path EPO_SEARCH = EPO.resolve("patent-dev/search_with_constituent_response.xml");
  private static final Path KIPRIS_SEARCH = KIPRIS.resolve("neojune_res_dummy_patent_120070385648_1.xml");
  private static final Path KIPRIS_DESIGN = KIPRIS.resolve("neojune_enterprise_design_120050421158_1.xml");
  /** The synthetic kipo-api detail response (no captured one exists; fixtures/PROVENANCE.md). */
  private static final Path KIPRIS_DETAIL = KIPRIS.resolve("synthetic/detail_1020190012345.xml");
  private static final Path USPTO_GRANT = FIXTURES.resolve("uspto/grant/US08926509.xml");

  /** What one run printed: the JSON lines of stdout, stderr, the returned dead-letter count. */
  private record Run(List<JsonNode> lines, String err, int deadLetterCount) {

    List<JsonNode> records() {
      return lines.stream().filter(l -> !l.has("dead_letter")).toList();
    }

    List<JsonNode> deadLetters() {
      return lines.stream().filter(l -> l.has("dead_letter")).map(l -> l.get("dead_letter")).toList();
    }

    List<String> keys() {
      return lines.stream().map(l -> l.has("dead_letter") ? l.get("dead_letter").path("publication_key").asText(null)
          : l.get("publication_key").asText()).toList();
    }
  }

  private static Run parse(Object... args) throws Exception {
    String[] a = Arrays.stream(args).map(Object::toString).toArray(String[]::new);
    Settings s = Settings.parse(ParseCommand.SETTINGS, ParseCommand.FLAGS, a, Map.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int n = ParseCommand.run(s, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line)); // every line must be one JSON object
      }
    }
    return new Run(lines, err.toString(StandardCharsets.UTF_8), n);
  }

  @Test
  void formatsAreToldByContent(@TempDir Path dir) throws Exception {
    assertThat(InputFormat.detect(EP_BIBLIO)).isEqualTo(InputFormat.EPO);
    assertThat(InputFormat.detect(EP_CLAIMS)).isEqualTo(InputFormat.EPO);
    assertThat(InputFormat.detect(EPO_SEARCH)).isEqualTo(InputFormat.EPO);
    assertThat(InputFormat.detect(KIPRIS_SEARCH)).isEqualTo(InputFormat.KIPRIS);
    assertThat(InputFormat.detect(KIPRIS_DETAIL)).isEqualTo(InputFormat.KIPRIS);
    assertThat(InputFormat.detect(USPTO_GRANT)).isEqualTo(InputFormat.USPTO);
    // the extension says nothing: an OPS response saved as .zip is still OPS
    Path renamed = Files.copy(EP_BIBLIO, dir.resolve("biblio.zip"));
    assertThat(InputFormat.detect(renamed)).isEqualTo(InputFormat.EPO);
    assertThat(InputFormat.detect("PK\3\4rest".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(InputFormat.USPTO);
    assertThat(InputFormat.detect("not xml at all".getBytes(StandardCharsets.UTF_8))).isEqualTo(InputFormat.USPTO);
    assertThat(InputFormat.ofOption("auto")).isNull();
    assertThat(InputFormat.ofOption("KIPRIS")).isEqualTo(InputFormat.KIPRIS);
    assertThatThrownBy(() -> InputFormat.ofOption("jpo")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auto, uspto, epo or kipris");
  }

  @Test
  void epoClaimsAndDescriptionJoinTheirBiblioWhateverTheOrder() throws Exception {
    Run r = parse(EP_CLAIMS, EP_BIBLIO, EP_DESCRIPTION);

    assertThat(r.lines()).hasSize(1);
    assertThat(r.deadLetterCount()).isZero();
    JsonNode ep = r.lines().get(0);
    assertThat(ep.get("publication_key").asText()).isEqualTo("EP-1000000-A1");
    assertThat(ep.get("claims")).hasSize(11);
    assertThat(ep.get("description")).isNotEmpty();
    assertThat(ep.at("/source/office").asText()).isEqualTo("EPO");
    assertThat(ep.at("/source/file").asText()).isEqualTo(EP_BIBLIO.toString());
    assertThat(ep.at("/source/product").asText()).isEqualTo("epo-ops 3.2 biblio+claims+description");
    assertThat(r.err()).contains("parse: 1 document(s) parsed, 0 dead letter(s)");
  }

  @Test
  void epoSearchWithBiblioConstituentGivesOneLinePerDocumentWithoutClaims() throws Exception {
    Run r = parse(EPO_SEARCH);

    assertThat(r.keys()).containsExactly("AU-2024270787-A1", "AU-2024265697-A1", "DK-3740998-T3");
    assertThat(r.records()).hasSize(3);
    assertThat(r.records()).extracting(l -> l.at("/source/position").asLong()).containsExactly(0L, 1L, 2L);
    assertThat(r.records()).allSatisfy(l -> assertThat(l.get("claims")).isEmpty());
  }

  @Test
  void epoClaimsWithoutTheirBiblioAreADeadLetter() throws Exception {
    Run r = parse(EP_CLAIMS);

    assertThat(r.records()).isEmpty();
    JsonNode d = r.deadLetters().get(0);
    assertThat(d.get("source").asText()).isEqualTo("epo");
    assertThat(d.get("stage").asText()).isEqualTo("parse");
    assertThat(d.get("reason").asText()).isEqualTo("claims EP-1000000-A1 has no biblio response among the inputs");
    assertThat(d.get("source_file").asText()).isEqualTo(EP_CLAIMS.toString());
    assertThat(d.get("position").isNull()).isTrue();
    assertThat(r.deadLetterCount()).isEqualTo(1);
  }

  @Test
  void kiprisDetailIsOneKoreanRecord() throws Exception {
    Run r = parse(KIPRIS_DETAIL);

    assertThat(r.records()).hasSize(1);
    JsonNode kr = r.records().get(0);
    assertThat(kr.get("publication_key").asText()).isEqualTo("KR-102123456-B1");
    assertThat(kr.get("language").asText()).isEqualTo("ko");
    assertThat(kr.get("claims")).hasSize(5);
    assertThat(kr.at("/source/office").asText()).isEqualTo("KIPO");
    assertThat(kr.at("/source/file").asText()).isEqualTo(KIPRIS_DETAIL.toString());
    assertThat(r.deadLetterCount()).isZero();
  }

  @Test
  void kiprisLegacySearchRowsLackClaimsAndComeOutAsDeadLettersWithTheirKeys() throws Exception {
    Run r = parse(KIPRIS_SEARCH);

    assertThat(r.records()).isEmpty();
    assertThat(r.deadLetters()).hasSize(6);
    assertThat(r.keys()).allSatisfy(k -> assertThat(k).startsWith("KR-"));
    assertThat(r.keys()).startsWith("KR-200482576-Y1", "KR-102650748-B1");
    assertThat(r.deadLetters()).allSatisfy(d -> {
      assertThat(d.get("source").asText()).isEqualTo("kipris");
      assertThat(d.get("stage").asText()).isEqualTo("validate");
      assertThat(d.get("reason").asText()).startsWith("missing required field: claims");
      assertThat(d.get("source_file").asText()).isEqualTo(KIPRIS_SEARCH.toString());
    });
    assertThat(r.deadLetters()).extracting(d -> d.get("position").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(r.deadLetterCount()).isEqualTo(6);
  }

  @Test
  void kiprisDesignsAreDeadLettersWithTheReason() throws Exception {
    Run r = parse(KIPRIS_DESIGN);

    assertThat(r.records()).isEmpty();
    assertThat(r.deadLetters()).hasSize(2);
    assertThat(r.deadLetters()).extracting(d -> d.get("reason").asText()).allSatisfy(reason ->
        assertThat(reason).startsWith("design application 30").contains("KIPRIS designs are out of scope"));
  }

  @Test
  void kiprisErrorEnvelopeIsADeadLetterWithTheOfficesCodeAndMessage(@TempDir Path dir) throws Exception {
    Path error = dir.resolve("kipris-error.xml");
    Files.writeString(error, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><response><header><resultCode>30</resultCode>"
        + "<resultMsg>AccessKey&amp;ServiceID Is Not Registerd Error</resultMsg></header><body/></response>");

    Run r = parse(error);

    assertThat(r.deadLetters()).hasSize(1);
    JsonNode d = r.deadLetters().get(0);
    assertThat(d.get("source").asText()).isEqualTo("kipris");
    assertThat(d.get("stage").asText()).isEqualTo("parse");
    assertThat(d.get("reason").asText())
        .isEqualTo("error envelope: KIPRIS error resultCode=30: AccessKey&ServiceID Is Not Registerd Error");
    assertThat(d.get("error_class").asText()).isEqualTo("io.patent2tech.udfs.kipris.KiprisApiException");
    assertThat(d.get("position").isNull()).isTrue();
  }

  @Test
  void malformedResponsesAreDeadLettersOfTheirOffice(@TempDir Path dir) throws Exception {
    byte[] epo = Files.readAllBytes(EPO_SEARCH);
    Path truncatedEpo = Files.write(dir.resolve("epo-truncated.xml"), Arrays.copyOf(epo, epo.length / 2));
    byte[] kipris = Files.readAllBytes(KIPRIS_SEARCH);
    Path truncatedKipris = Files.write(dir.resolve("kipris-truncated.xml"), Arrays.copyOf(kipris, kipris.length / 2));

    Run r = parse(truncatedEpo, truncatedKipris);

    assertThat(r.records()).isEmpty();
    assertThat(r.deadLetters()).extracting(d -> d.get("source").asText(), d -> d.get("stage").asText(),
        d -> d.get("source_file").asText())
        .containsExactly(
            tuple("epo", "parse", truncatedEpo.toString()),
            tuple("kipris", "parse", truncatedKipris.toString()));
    assertThat(r.deadLetters()).allSatisfy(d -> assertThat(d.get("reason").asText()).containsIgnoringCase("malformed"));
    assertThat(r.deadLetterCount()).isEqualTo(2);
  }

  @Test
  void usptoAndEpoFilesInOneCallKeepTheirOrder() throws Exception {
    Run r = parse(USPTO_GRANT, EP_BIBLIO, EP_CLAIMS);

    assertThat(r.keys()).containsExactly("US-8926509-B2", "EP-1000000-A1");
    assertThat(r.records()).extracting(l -> l.at("/source/office").asText()).containsExactly("USPTO", "EPO");
    assertThat(r.records().get(1).get("claims")).hasSize(11);
    assertThat(r.deadLetterCount()).isZero();
  }

  @Test
  void apsWeeklyFileAndItsZipGiveOneRecordPerPatent(@TempDir Path dir) throws Exception {
    List<String> patents = List.of("US03932709.greenbook", "US03937375.greenbook", "US04347903.greenbook",
        "pftaps057006474.txt");
    java.io.ByteArrayOutputStream weekly = new java.io.ByteArrayOutputStream();
    weekly.writeBytes("HHHHHT  APS1    ISSUE  971223\r\n".getBytes(StandardCharsets.US_ASCII));
    for (String p : patents) {
      weekly.writeBytes(Files.readAllBytes(FIXTURES.resolve("uspto/legacy").resolve(p)));
    }
    Path txt = Files.write(dir.resolve("pftaps19971223_wk51.txt"), weekly.toByteArray());
    Path zip = dir.resolve("pftaps19971223_wk51.zip");
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new java.util.zip.ZipEntry("pftaps19971223_wk51.txt"));
      z.write(weekly.toByteArray());
      z.closeEntry();
    }
    assertThat(InputFormat.detect(txt)).isEqualTo(InputFormat.USPTO);

    Run r = parse(txt, zip);

    List<String> keys = List.of("US-3932709-A", "US-3937375-A", "US-4347903-A", "US-5700647-A");
    assertThat(r.deadLetterCount()).isZero();
    assertThat(r.keys()).containsExactlyElementsOf(
        java.util.stream.Stream.concat(keys.stream(), keys.stream()).toList());
    assertThat(r.records()).extracting(l -> l.at("/source/product").asText()).containsOnly("APS Green Book text");
    assertThat(r.records()).extracting(l -> l.at("/source/position").asLong()).containsExactly(0L, 1L, 2L, 3L, 0L, 1L, 2L, 3L);
    assertThat(r.records().get(4).at("/source/entry").asText()).isEqualTo("pftaps19971223_wk51.txt");
    assertThat(r.err()).contains("parse: 8 document(s) parsed, 0 dead letter(s)");
  }

  @Test
  void aWithImagesProductGivesTheXmlOfEachPerPatentZipWithItsNestedEntry(@TempDir Path dir) throws Exception {
    Path tar = io.patent2tech.connectors.drawings.WithImagesProduct.writeTar(dir, "I20140318.tar");
    assertThat(InputFormat.detect(tar)).isEqualTo(InputFormat.USPTO);

    Run r = parse(tar);

    assertThat(r.deadLetterCount()).isZero();
    assertThat(r.keys()).containsExactly("US-D701016-S1");
    assertThat(r.records().get(0).at("/source/entry").asText())
        .isEqualTo(io.patent2tech.connectors.drawings.WithImagesProduct.NESTED_ENTRY);
  }

  @Test
  void formatOptionOverridesDetection() throws Exception {
    // read as KIPRIS, an OPS response has no KIPRIS <response> root: one parse dead letter
    Run r = parse("--format", "kipris", EP_BIBLIO);
    assertThat(r.deadLetters()).hasSize(1);
    assertThat(r.deadLetters().get(0).get("source").asText()).isEqualTo("kipris");
    assertThat(r.deadLetters().get(0).get("reason").asText()).contains("is not a KIPRIS <response>");

    assertThat(parse("--format", "epo", EP_BIBLIO).keys()).containsExactly("EP-1000000-A1");
    assertThatThrownBy(() -> parse("--format", "jpo", EP_BIBLIO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void usageErrorsComeBeforeAnyOutput() {
    assertThatThrownBy(() -> Main.run(new String[] {"parse", "--format", "jpo", EP_BIBLIO.toString()}))
        .isInstanceOf(Main.UsageException.class).hasMessage("parse: --format must be auto, uspto, epo or kipris, not 'jpo'");
    assertThatThrownBy(() -> Main.run(new String[] {"parse"}))
        .isInstanceOf(Main.UsageException.class).hasMessageContaining("at least one FILE");
  }
}
