package io.patent2tech.udfs.kipris;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Claim;

class KiprisClaimsTest {

  @Test
  void koreanReferences() {
    assertThat(KiprisClaims.references("제1항에 있어서, 상기 ...", 2)).containsExactly(1);
    assertThat(KiprisClaims.references("제1항 또는 제2항에 있어서", 3)).containsExactly(1, 2);
    assertThat(KiprisClaims.references("제1항 내지 제3항 중 어느 한 항에 있어서", 5)).containsExactly(1, 2, 3);
    assertThat(KiprisClaims.references("제 1 항 내지 3항 중 어느 한 항에 있어서", 5)).containsExactly(1, 2, 3);
    assertThat(KiprisClaims.references("제2항~제4항 중 어느 한 항에 있어서", 6)).containsExactly(2, 3, 4);
    assertThat(KiprisClaims.references("청구항 1 또는 2에 있어서", 3)).containsExactly(1, 2);
    assertThat(KiprisClaims.references("청구항 1 내지 청구항 3 중 어느 한 항에 따른", 4)).containsExactly(1, 2, 3);
  }

  @Test
  void ordinalsAreNotReferences() {
    assertThat(KiprisClaims.references("제1 전극과 제2 전극 사이의 절연층", 1)).isEmpty();
    assertThat(KiprisClaims.references("제1항에 있어서, 상기 제1 전극 및 제2 전극은", 4)).containsExactly(1);
    assertThat(KiprisClaims.references("제1항 및 제2 전극", 4)).containsExactly(1);
  }

  @Test
  void englishReferencesAndOnlyEarlierClaims() {
    assertThat(KiprisClaims.references("The module of claim 1, wherein", 2)).containsExactly(1);
    assertThat(KiprisClaims.references("The module of any one of claims 1 to 3", 4)).containsExactly(1, 2, 3);
    assertThat(KiprisClaims.references("as in claims 1, 2 or 4", 5)).containsExactly(1, 2, 4);
    assertThat(KiprisClaims.references("제7항에 있어서", 3)).isEmpty(); // a later claim: not a dependency
  }

  @Test
  void numberFromTheTextElsePosition() {
    Claim c = KiprisClaims.claim("  12. 제3항에 있어서,상기 핀은 ", 1);
    assertThat(c.getNumber()).isEqualTo(12);
    assertThat(c.getText()).isEqualTo("제3항에 있어서,상기 핀은");
    assertThat(c.getDependsOn()).containsExactly(3);
    Claim unnumbered = KiprisClaims.claim("열 교환 모듈.", 4);
    assertThat(unnumbered.getNumber()).isEqualTo(4);
    assertThat(unnumbered.getIndependent()).isTrue();
  }

  @Test
  void registrationNumbersLoseKiposPadding() {
    assertThat(KiprisPublications.registrationNumber("1014769820000")).isEqualTo("101476982");
    assertThat(KiprisPublications.registrationNumber("101476982")).isEqualTo("101476982");
    assertThat(KiprisFields.number("10-2023-0012345")).isEqualTo("1020230012345");
    assertThat(KiprisFields.compactDate("(2006.01.01)")).isEqualTo("20060101");
    assertThat(KiprisFields.compactDate("2019.08.19")).isEqualTo("20190819");
  }
}
