package io.patent2tech.udfs.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Claim dependencies read from the words, as APS, EPO OPS and the PAP/ST.32 claims that mark no
 * reference use them. The fixtures' claims are checked in UsptoLegacyFixturesTest, ApsFixturesTest
 * and the EPO tests; these are the cases no fixture shows on its own.
 */
class ClaimReferencesTest {

  @Test
  void aPreambleNamesTheEarlierClaim() {
    assertThat(ClaimReferences.dependsOn("The method of claim 1, further comprising", 2)).containsExactly(1);
    assertThat(ClaimReferences.dependsOn("A method of doing business", 1)).isEmpty();
  }

  @Test
  void aRangeNamesEveryClaimInIt() {
    assertThat(ClaimReferences.dependsOn("The system as in claims 12 to 14, wherein", 15)).containsExactly(12, 13, 14);
  }

  @Test
  void aClaimNamingItselfStaysIndependent() {
    assertThat(ClaimReferences.dependsOn("The method as claimed in claim 5 wherein", 5)).isEmpty();
  }

  @Test
  void aNumberGluedToLettersOrAWordEndingInClaimIsNoReference() {
    assertThat(ClaimReferences.dependsOn("A method comprising a claim 1x step", 3)).isEmpty();
    assertThat(ClaimReferences.dependsOn("A waiver to disclaim 1 right", 4)).isEmpty();
    assertThat(ClaimReferences.dependsOn("The device of claim 1234", 5)).isEmpty();
  }
}
