package io.patent2tech.udfs.eval.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Feature sets checked by hand against the claim text. */
class TechnicalFeaturesTest {

  private final ClaimComponentParser parser = new ClaimComponentParser();
  private final TechnicalFeatures features = new TechnicalFeatures(SynonymDictionary.defaults());

  private Set<String> of(String claim, String language) {
    return features.of(parser.parse(claim, language));
  }

  @Test
  void everyFixtureClaimGivesCleanDeterministicFeatures() {
    Map<String, Set<String>> first = new LinkedHashMap<>();
    for (String file : FixtureClaims.ICE_FILES) {
      first.put(file, of(FixtureClaims.firstIndependentClaim(file), "en"));
    }
    TechnicalFeatures again = new TechnicalFeatures(SynonymDictionary.defaults());
    for (String file : FixtureClaims.ICE_FILES) {
      Set<String> f = first.get(file);
      assertThat(f).as(file).isNotEmpty();
      assertThat(again.of(parser.parse(FixtureClaims.firstIndependentClaim(file), "en")))
          .as(file).containsExactlyElementsOf(f);
      for (String feature : f) {
        assertThat(feature).as(file).isLowerCase().doesNotContain("(", ")", ";", ",", "  ")
            .doesNotMatch(".*\\b(said|wherein|the|a|an|claim|comprising|first|second)\\b.*")
            .doesNotMatch(".*\\b\\d+\\b.*");
      }
    }
  }

  @Test
  void sipMessageSystemClaimHandChecked() {
    // US 8930553 claim 1: the system of the preamble is generic; "new", "configured to receive",
    // "associate", "identify", "provide" are not features
    assertThat(of(FixtureClaims.firstIndependentClaim("grant/US08930553.xml"), "en")).containsExactly(
        "mid-dialog sip message", "incoming message hardware processor", "sip user agent client",
        "unknown message hardware processor", "sip session", "application", "context", "acknowledgement");
  }

  @Test
  void twoPartMedicationContainerClaimHandChecked() {
    // US 8672134 claim 1, European two-part form: features from preamble, body and characterizing part;
    // "first"/"second" do not make two features, "slidably mounted", "engageable" are not features
    assertThat(of(FixtureClaims.firstIndependentClaim("grant/ipg08672134.xml"), "en")).containsExactly(
        "container", "delivery", "medication", "housing", "open end", "support", "locking means", "locking member",
        "button", "engagement", "attempt", "rest position");
  }

  @Test
  void designClaim() {
    assertThat(of(FixtureClaims.firstIndependentClaim("grant/ipgD0701016.xml"), null))
        .containsExactly("ornamental design", "cheese", "triangular pyramid");
  }

  @Test
  void boilerplateNumbersAndReferenceSignsAreDropped() {
    assertThat(of("2. The device of claim 1, wherein said housing (10) has 3 vents (12a) and at least one"
        + " removable filter (14), whereby the air flow is 20 m3/h.", "en"))
        .containsExactly("housing", "vent", "removable filter", "air flow");
  }

  @Test
  void parenthesisedAbbreviationDoesNotSplitTheTerm() {
    assertThat(of("A radio comprising an ultra wideband (UWB) transmitter.", "en"))
        .containsExactly("radio", "ultra wideband transmitter");
  }

  @Test
  void headNounInTheSingularAndSynonymsNormalized() {
    assertThat(of("A server comprising processors, memories and displays connected to networks.", "en"))
        .containsExactly("server", "processing unit", "storage device", "display device", "network");
  }

  @Test
  void koreanFeaturesSplitOnParticles() {
    assertThat(of("속이 빈 원통형의 중심부; 및 상기 중심부의 양끝에 결합되는 한 쌍의 원반형 바퀴부를 포함하며, 상기 중심부와"
        + " 상기 바퀴부는 플라스틱 소재로 일체형으로 형성되는 것을 특징으로 하는 방차통.", "ko"))
        .containsExactly("방차통", "원통형", "중심부", "원반형바퀴부", "wheel", "플라스틱소재", "일체형");
  }

  @Test
  void koreanVerbFormsAreNotFeatures() {
    // 감싸는 / 공급받는 / 배치되는 / 중단하는 are verbs; 하우징 내부 is a position
    assertThat(of("하우징; 상기 하우징 내부에 배치되는 배터리; 및 상기 배터리로부터 전원을 공급받는 제어부를 포함하되, 상기"
        + " 제어부는 상기 배터리의 온도가 기준 온도 이상인 경우 충전을 중단하는 휴대용 전자 기기.", "ko"))
        .containsExactly("휴대용전자기기", "housing", "battery", "power supply", "control unit", "temperature",
            "기준온도", "충전");
    assertThat(of("상기 중공관의 외주면을 감싸는 피복을 포함하는 광케이블.", "ko"))
        .containsExactly("optical cable", "중공관", "외주면", "피복");
  }

  @Test
  void particlesStayOnNounsThatEndInThem() {
    // 디스플레이 ends in 이 but 이 cannot follow an open syllable; 회로 ends in 로
    assertThat(of("디스플레이 및 구동 회로를 포함하는 표시 모듈.", "ko"))
        .containsExactly("표시모듈", "display device", "구동회로");
  }

  @Test
  void seedSynonymGroupsInKorean() {
    assertThat(of("LCD, 메모리 및 CPU를 포함하는 단말기.", "ko"))
        .containsExactly("terminal", "display device", "storage device", "processing unit");
    assertThat(of("화면, 저장부 및 처리부를 포함하는 단말기.", "ko"))
        .containsExactly("terminal", "display device", "storage device", "processing unit");
  }

  @Test
  void koreanAndEnglishClaimsOnTheSameDisplayDeviceShareAllFeatures() {
    Set<String> korean = of("영상을 표시하는 디스플레이 패널; 상기 디스플레이 패널을 제어하는 프로세서; 및 상기 프로세서에"
        + " 의해 처리된 데이터를 저장하는 메모리를 포함하는 디스플레이 장치.", "ko");
    Set<String> english = of("A display apparatus comprising: a display panel configured to display an image; a"
        + " processor configured to control the display panel; and a memory that stores data processed by the"
        + " processor.", "en");
    assertThat(korean).containsExactlyInAnyOrder(
        "display device", "image", "display panel", "processing unit", "data", "storage device");
    assertThat(english).containsExactlyInAnyOrderElementsOf(korean);
    assertThat(RuleScores.jaccard(korean, english)).isEqualTo(1.0);
  }

  @Test
  void featuresAreUnmodifiable() {
    Set<String> f = of("A lamp comprising a bulb.", "en");
    assertThatThrownBy(() -> f.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullArgumentsAreClearErrors() {
    assertThatThrownBy(() -> new TechnicalFeatures(null)).hasMessage("synonyms");
    assertThatThrownBy(() -> features.of(null)).hasMessage("claim");
  }

  @Test
  void parserAndFeaturesSurviveJavaSerializationAsFlinkShipsOperators() throws Exception {
    ClaimComponentParser parser2 = roundTrip(parser);
    TechnicalFeatures features2 = roundTrip(features);
    String claim = FixtureClaims.firstIndependentClaim("grant/US08930553.xml");
    ClaimComponents parsed = roundTrip(parser2.parse(claim, "en"));
    assertThat(parsed).isEqualTo(parser.parse(claim, "en"));
    assertThat(features2.of(parsed)).containsExactlyElementsOf(features.of(parser.parse(claim, "en")));
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
