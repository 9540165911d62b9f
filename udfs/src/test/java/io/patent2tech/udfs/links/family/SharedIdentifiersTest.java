package io.patent2tech.udfs.links.family;

import static io.patent2tech.udfs.links.family.LinkPatents.patent;
import static io.patent2tech.udfs.links.family.LinkPatents.related;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Patent;

class SharedIdentifiersTest {

  private static List<String> groups(Patent p) {
    return SharedIdentifiers.of(p).stream().map(Membership::toString).toList();
  }

  @Test
  void aPatentIsAMemberOfItsApplicationFamilyAndPublicationNumber() {
    assertThat(groups(patent("EP-2400812-B1", "EP-10167109", "43088294")))
        .containsExactly("member EP-2400812-B1 of application|EP-10167109",
            "member EP-2400812-B1 of family|43088294",
            "member EP-2400812-B1 of publication|EP-2400812");
  }

  @Test
  void theOwnApplicationClaimedAsPriorityIsNoReference() {
    // EPO lists a first filing's application as its own priority claim
    assertThat(groups(patent("EP-2400812-A1", "EP-10167109", null,
        related("priority", "EP", "10167109", null))))
        .containsExactly("member EP-2400812-A1 of application|EP-10167109",
            "member EP-2400812-A1 of publication|EP-2400812");
  }

  @Test
  void referencesAreNormalizedToTheKeyFormOfWhatTheyName() {
    Patent grant = patent("US-8927118-B2", "US-13349377", null,
        related("continuation", "US", "13173486", null), // parent application
        related("continuation", "US", "8049411", null), // parent grant: 7 digits, no US application
        related("related-publication", "US", "20120104943", "A1"),
        related("provisional", "US", "60/195,933", null),
        related("priority", "JP", "2004-123456", null),
        related("reissue", "US", "RE041234", null),
        related("continuation", "US", "09/832,323", null)); // 8 digits with its series code: an application
    assertThat(groups(grant)).containsExactly(
        "member US-8927118-B2 of application|US-13349377",
        "member US-8927118-B2 of publication|US-8927118",
        "continuation US-8927118-B2 of application|US-13173486",
        "continuation US-8927118-B2 of publication|US-8049411",
        "related US-8927118-B2 of publication|US-20120104943",
        "priority US-8927118-B2 of application|US-60195933",
        "priority US-8927118-B2 of application|JP-2004-123456",
        "reissue US-8927118-B2 of publication|US-RE41234",
        "continuation US-8927118-B2 of application|US-09832323");
  }

  @Test
  void aNumberWithoutCountryIsReadInTheCitingDocumentsCountry() {
    assertThat(groups(patent("KR-1020230012345-A", null, null, related("priority", null, "1020220001234", null))))
        .contains("priority KR-1020230012345-A of application|KR-1020220001234");
  }

  @Test
  void theSameReferenceTwiceIsOneMembership() {
    assertThat(SharedIdentifiers.of(patent("US-1-B1", null, null,
        related("priority", "EP", "1", null), related("priority", "EP", "1", null))))
        .hasSize(2); // its publication number, one priority
  }

  @Test
  void aPatentWithoutKeyBelongsNowhere() {
    Patent p = patent("US-1-B1", "US-1", "7");
    p.setPublicationKey(null);
    assertThat(SharedIdentifiers.of(p)).isEmpty();
  }

  @Test
  void kindsAndStrengths() {
    assertThat(LinkKinds.ofRelation("provisional")).isEqualTo("priority");
    assertThat(LinkKinds.ofRelation("division")).isEqualTo("division");
    assertThat(LinkKinds.ofRelation("related-publication")).isEqualTo("related");
    assertThat(LinkKinds.ofRelation("other")).isEqualTo("related");
    assertThat(LinkKinds.strength("same-application")).isEqualTo("strong");
    assertThat(LinkKinds.strength("same-family")).isEqualTo("strong");
    assertThat(LinkKinds.strength("continuation")).isEqualTo("weak");
    assertThat(LinkKinds.strength("priority")).isEqualTo("weak");
  }
}
