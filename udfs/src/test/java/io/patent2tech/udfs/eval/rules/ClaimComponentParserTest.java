package io.patent2tech.udfs.eval.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Splits checked by hand: the first independent claim of every ICE fixture (text from the real
 * parser), English drafting forms (US one-part, EP two-part, Jepson) and Korean claims modelled on
 * KR drafting (the first after the KIPRIS fixture's 방차통 and 광케이블 abstracts).
 */
class ClaimComponentParserTest {

  private final ClaimComponentParser parser = new ClaimComponentParser();

  /** file, preamble, transition, body start, body end, characterizing part start, its end (null: none). */
  static Stream<Arguments> fixtureClaims() {
    return Stream.of(
        Arguments.of("grant/US06859910.xml", "A method of executing an electronic transaction", "comprising",
            "establishing a persistent connection to a server, wherein the server has",
            "executing the rules to send a signal to the server to complete the electronic transaction", null, null),
        Arguments.of("grant/US07272630B2.xml", "A method implemented in a computer", "comprising",
            "generating an imprint identification code for an object stored at the computer, wherein",
            "sending the object information to each of the identified one or more additional computers", null, null),
        Arguments.of("grant/US08926509.xml", "A system for measuring physiological signals", "comprising",
            "(a) a patch-ASIC chip adapted for incorporation",
            "a host interface through which the base-ASIC chip communicates with a host device",
            "the base-ASIC chip is programmed to use more processing resources than the patch-ASIC chip",
            "the patch-ASIC chip"),
        Arguments.of("grant/US08927118.xml",
            "A material for an organic electroluminescence device represented by the formula (5)", "wherein",
            "X5 and X6 represent N\u2014R1; R1 represents", "A1, A2, L1, and L2 are each free of any carbonyl group",
            null, null),
        Arguments.of("grant/US08930553.xml", "A system for processing mid-dialog SIP messages", "comprising",
            "an incoming message hardware processor configured to receive a mid-dialog SIP message",
            "the application will accept the mid-dialog SIP message", null, null),
        Arguments.of("grant/ipg08672134.xml", "Container for the delivery of medication", "comprising",
            "a housing having an open end, a support for supporting medication",
            "a first button operable to act on the first locking member to disengage the first and second locking members",
            "further comprising: second locking means for maintaining engagement", "by operating the first button"),
        Arguments.of("grant/ipgD0701016.xml", "", null,
            "The ornamental design for cheese in form of a triangular pyramid, as shown and described",
            "The ornamental design for cheese in form of a triangular pyramid, as shown and described", null, null),
        Arguments.of("application/US20050004437A1.xml",
            "A simulation device for displaying and evaluating blood sugar readings", "comprising",
            "a housing; a display means; and a storing, evaluating and controlling unit",
            "a housing; a display means; and a storing, evaluating and controlling unit",
            "the evaluation is displayed by means of a virtual creature",
            "the evaluation is displayed by means of a virtual creature"),
        Arguments.of("application/ipa20180000016.xml", "A light emitting device", "comprising",
            "a light emitting element having a light emission peak wavelength in a range of 380 nm",
            "at least one light emission peak wavelength in a range of 580 nm or more and less than 680 nm",
            "the light emitting device emits light having a ratio R/B", "in a wavelength range of 700 nm or more and 780 nm or less"),
        Arguments.of("application/ipa20200022300.xml",
            "A system for controlling an operation of an actuator mounted on a seed planting implement", "comprising",
            "a toolbar; a row unit adjustably mounted on the toolbar;",
            "the fluid entering the first fluid chamber to bypass the flow restrictor", null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtureClaims")
  void firstIndependentClaimOfEachIceFixture(String file, String preamble, String transition, String bodyStart,
      String bodyEnd, String characterizingStart, String characterizingEnd) {
    String text = FixtureClaims.firstIndependentClaim(file);
    ClaimComponents c = parser.parse(text, "en");

    assertThat(c.preamble()).isEqualTo(preamble);
    assertThat(c.transition()).isEqualTo(transition);
    assertThat(c.body()).startsWith(bodyStart).endsWith(bodyEnd);
    if (characterizingStart == null) {
      assertThat(c.characterizingPart()).isNull();
    } else {
      assertThat(c.characterizingPart()).startsWith(characterizingStart).endsWith(characterizingEnd);
    }
    assertThat(c.language()).isEqualTo("en");
    // the parts come from the claim in its order and do not overlap
    int p = text.indexOf(c.preamble());
    int b = text.indexOf(c.body(), p + c.preamble().length());
    assertThat(p).isGreaterThanOrEqualTo(0);
    assertThat(b).isGreaterThanOrEqualTo(p + c.preamble().length());
    if (c.characterizingPart() != null) {
      assertThat(text.indexOf(c.characterizingPart(), b + c.body().length())).isGreaterThan(b);
    }
  }

  @Test
  void europeanTwoPartFormCharacterisedIn() {
    ClaimComponents c = parser.parse("A hair dryer comprising a housing (10) and a fan (12) arranged in the housing,"
        + " characterised in that the fan is driven by a brushless motor (14).", "en");
    assertThat(c).isEqualTo(new ClaimComponents("A hair dryer", "comprising",
        "a housing (10) and a fan (12) arranged in the housing", "the fan is driven by a brushless motor (14)", "en"));
  }

  @Test
  void twoPartFormWithoutTransitionHasTheMarkerAsTransition() {
    ClaimComponents c = parser.parse(
        "Apparatus for drying hair, Characterized By a brushless motor driving a fan.", "en");
    assertThat(c).isEqualTo(new ClaimComponents(
        "Apparatus for drying hair", "characterized by", "", "a brushless motor driving a fan", "en"));
  }

  @Test
  void havingAsTransitionWithCharacterizedBy() {
    ClaimComponents c = parser.parse("An electric toothbrush having a handle and a brush head,"
        + " characterized by a pressure sensor in the handle.", null);
    assertThat(c).isEqualTo(new ClaimComponents("An electric toothbrush", "having", "a handle and a brush head",
        "a pressure sensor in the handle", "en"));
  }

  @Test
  void closedAndPartiallyClosedTransitions() {
    assertThat(parser.parse("A composition consisting of 70 to 90 wt% polyethylene and 10 to 30 wt% of an"
        + " inorganic filler.", "en"))
        .isEqualTo(new ClaimComponents("A composition", "consisting of",
            "70 to 90 wt% polyethylene and 10 to 30 wt% of an inorganic filler", null, "en"));
    assertThat(parser.parse("A beverage consisting essentially of water, sugar and citric acid.", "en"))
        .isEqualTo(new ClaimComponents("A beverage", "consisting essentially of", "water, sugar and citric acid",
            null, "en"));
    assertThat(parser.parse("A bicycle lock including a shackle and a locking body.", "en"))
        .isEqualTo(new ClaimComponents("A bicycle lock", "including", "a shackle and a locking body", null, "en"));
  }

  @Test
  void methodWithStepsAndAClosingWherebyClause() {
    ClaimComponents c = parser.parse("A method of manufacturing a semiconductor device, the method including the"
        + " steps of: forming a gate electrode on a substrate; and implanting ions into the substrate, whereby a"
        + " source region and a drain region are formed.", "en");
    assertThat(c).isEqualTo(new ClaimComponents("A method of manufacturing a semiconductor device", "including",
        "forming a gate electrode on a substrate; and implanting ions into the substrate",
        "a source region and a drain region are formed", "en"));
  }

  @Test
  void whereinInsideAnEarlierElementIsNotTheCharacterizingPart() {
    ClaimComponents c = parser.parse("A device comprising: a sensor, wherein the sensor is optical; and a"
        + " processor coupled to the sensor.", "en");
    assertThat(c.body()).isEqualTo("a sensor, wherein the sensor is optical; and a processor coupled to the sensor");
    assertThat(c.characterizingPart()).isNull();
  }

  @Test
  void colonMarksTheTransitionOverAnEarlierOpenPhrase() {
    ClaimComponents c = parser.parse("A vehicle including an engine, the vehicle comprising: a chassis; and a"
        + " body mounted on the chassis.", "en");
    assertThat(c.preamble()).isEqualTo("A vehicle including an engine");
    assertThat(c.transition()).isEqualTo("comprising");
    assertThat(c.body()).isEqualTo("a chassis; and a body mounted on the chassis");
  }

  @Test
  void jepsonImprovement() {
    ClaimComponents c = parser.parse("In a lawn mower having a cutting blade driven by an engine, the improvement"
        + " comprising a blade brake that stops the blade within three seconds.", "en");
    assertThat(c).isEqualTo(new ClaimComponents("In a lawn mower", "having", "a cutting blade driven by an engine",
        "a blade brake that stops the blade within three seconds", "en"));
  }

  @Test
  void koreanClaimWithConnectiveBodyAndCharacterizingClause() {
    ClaimComponents c = parser.parse("속이 빈 원통형의 중심부; 및 상기 중심부의 양끝에 결합되는 한 쌍의 원반형 바퀴부를"
        + " 포함하며, 상기 중심부와 상기 바퀴부는 플라스틱 소재로 일체형으로 형성되는 것을 특징으로 하는 방차통.", null);
    assertThat(c).isEqualTo(new ClaimComponents("방차통", "를 포함하며",
        "속이 빈 원통형의 중심부; 및 상기 중심부의 양끝에 결합되는 한 쌍의 원반형 바퀴부",
        "상기 중심부와 상기 바퀴부는 플라스틱 소재로 일체형으로 형성되는", "ko"));
  }

  @Test
  void koreanTwoPartFormWithPreambleMarker() {
    ClaimComponents c = parser.parse("공압 포설이 용이한 광케이블에 있어서, 복수의 광섬유를 수용하는 중공관; 상기 중공관의"
        + " 외주면을 감싸는 피복; 및 상기 피복의 외주면에 길이 방향을 따라 돌출 형성되는 복수의 돌기를 포함하는 것을 특징으로"
        + " 하는 광케이블.", "ko");
    assertThat(c).isEqualTo(new ClaimComponents("공압 포설이 용이한 광케이블", "에 있어서", "",
        "복수의 광섬유를 수용하는 중공관; 상기 중공관의 외주면을 감싸는 피복; 및 상기 피복의 외주면에 길이 방향을 따라 돌출"
            + " 형성되는 복수의 돌기를 포함하는", "ko"));
  }

  @Test
  void koreanOpenClaimWithTheSubjectAtTheEnd() {
    ClaimComponents c = parser.parse("영상을 표시하는 디스플레이 패널; 상기 디스플레이 패널을 제어하는 프로세서; 및 상기"
        + " 프로세서에 의해 처리된 데이터를 저장하는 메모리를 포함하는 디스플레이 장치.", "KO");
    assertThat(c).isEqualTo(new ClaimComponents("디스플레이 장치", "를 포함하는",
        "영상을 표시하는 디스플레이 패널; 상기 디스플레이 패널을 제어하는 프로세서; 및 상기 프로세서에 의해 처리된 데이터를"
            + " 저장하는 메모리", null, "ko"));
  }

  @Test
  void koreanElementThatItselfIncludesSomethingIsNotTheTransition() {
    ClaimComponents c = parser.parse("센서를 포함하는 제1 모듈; 및 상기 제1 모듈과 통신하는 제2 모듈을 포함하는 측정 장치.", "ko");
    assertThat(c.preamble()).isEqualTo("측정 장치");
    assertThat(c.transition()).isEqualTo("을 포함하는");
    assertThat(c.body()).isEqualTo("센서를 포함하는 제1 모듈; 및 상기 제1 모듈과 통신하는 제2 모듈");
  }

  @Test
  void koreanClosedTransitionAndAsPreamble() {
    assertThat(parser.parse("폴리에틸렌 70 내지 90 중량%; 및 무기 충전제 10 내지 30 중량%로 구성되는 수지 조성물.", "ko"))
        .isEqualTo(new ClaimComponents("수지 조성물", "로 구성되는",
            "폴리에틸렌 70 내지 90 중량%; 및 무기 충전제 10 내지 30 중량%", null, "ko"));
    assertThat(parser.parse("차량용 램프로서, 광을 출사하는 광원; 및 상기 광원에서 출사된 광을 반사하는 반사판을 포함하는"
        + " 차량용 램프.", "ko"))
        .isEqualTo(new ClaimComponents("차량용 램프", "을 포함하는",
            "광을 출사하는 광원; 및 상기 광원에서 출사된 광을 반사하는 반사판", null, "ko"));
  }

  @Test
  void koreanPreambleMarkerWithCharacterizingClauseOnly() {
    ClaimComponents c = parser.parse(
        "영상을 표시하는 표시부를 포함하는 전자 장치에 있어서, 상기 표시부는 LCD 또는 OLED인 것을 특징으로 하는 전자 장치.", null);
    assertThat(c).isEqualTo(new ClaimComponents("영상을 표시하는 표시부를 포함하는 전자 장치", "에 있어서", "",
        "상기 표시부는 LCD 또는 OLED인", "ko"));
  }

  @Test
  void koreanWhereinClauseWithoutCharacterizingMarker() {
    ClaimComponents c = parser.parse("하우징; 상기 하우징 내부에 배치되는 배터리; 및 상기 배터리로부터 전원을 공급받는"
        + " 제어부를 포함하되, 상기 제어부는 상기 배터리의 온도가 기준 온도 이상인 경우 충전을 중단하는 휴대용 전자 기기.", null);
    assertThat(c).isEqualTo(new ClaimComponents("휴대용 전자 기기", "를 포함하되",
        "하우징; 상기 하우징 내부에 배치되는 배터리; 및 상기 배터리로부터 전원을 공급받는 제어부",
        "상기 제어부는 상기 배터리의 온도가 기준 온도 이상인 경우 충전을 중단하는", "ko"));
  }

  @Test
  void languageFromTheScriptWhenNotEnglishOrKorean() {
    assertThat(parser.parse("LED를 포함하는 조명 장치.", "de").language()).isEqualTo("ko");
    assertThat(parser.parse("A lamp comprising an LED.", "fr").language()).isEqualTo("en");
    assertThat(parser.parse("A lamp comprising an LED.", " ").language()).isEqualTo("en");
    // an explicit language wins over the script
    assertThat(parser.parse("A lamp comprising an LED.", "ko").language()).isEqualTo("ko");
  }

  @Test
  void whiteSpaceIsNormalized() {
    ClaimComponents c = parser.parse("  A lamp\n   comprising:\t a bulb;\r\n and a socket.  ", "en");
    assertThat(c).isEqualTo(new ClaimComponents("A lamp", "comprising", "a bulb; and a socket", null, "en"));
  }

  @Test
  void nullOrBlankClaimIsAClearError() {
    assertThatThrownBy(() -> parser.parse(null, "en"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("claim text is null");
    assertThatThrownBy(() -> parser.parse(" \n ", "en"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("claim text is blank");
  }

  @Test
  void claimOfOnlyPunctuationGivesEmptyParts() {
    ClaimComponents c = parser.parse(" ; . ", "en");
    assertThat(c).isEqualTo(new ClaimComponents("", null, "", null, "en"));
  }
}
