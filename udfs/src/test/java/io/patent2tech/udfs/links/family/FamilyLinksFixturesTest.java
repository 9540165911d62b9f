package io.patent2tech.udfs.links.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.Fixtures;
import io.patent2tech.udfs.UsptoDocumentProcessor;

/**
 * Level 3 on the real fixtures (fixtures/PROVENANCE.md): the two EPO OPS family responses, the
 * EP 1000000 A1/B1 full-cycle response read by the EPO reader, and every USPTO XML document.
 */
class FamilyLinksFixturesTest {

  private static List<String> links(List<Patent> patents) throws Exception {
    try (Level3Harness h = new Level3Harness(FamilyLinkSettings.defaults())) {
      for (Patent p : patents) {
        h.add(p);
      }
      return h.all();
    }
  }

  @Test
  void theFamilyOfEp2400812() throws Exception {
    List<Patent> members = LinkFixtures.familyMembers(LinkFixtures.FAMILY_EP2400812);
    assertThat(members).extracting(Patent::getPublicationKey).containsExactly(
        "EP-2400812-A1", "EP-2400812-B1", "CA-2744162-A1", "US-20120057518-A1", "US-9648662-B2");
    assertThat(links(members)).containsExactlyInAnyOrderElementsOf(LinkFixtures.EP2400812_LINKS);
  }

  @Test
  void theSameLinksWhicheverMemberArrivesFirst() throws Exception {
    List<Patent> members = new ArrayList<>(LinkFixtures.familyMembers(LinkFixtures.FAMILY_EP2400812));
    Collections.reverse(members);
    assertThat(links(members)).containsExactlyInAnyOrderElementsOf(LinkFixtures.EP2400812_LINKS);
  }

  @Test
  void theFamilyOfEp1000000() throws Exception {
    assertThat(links(LinkFixtures.familyMembers(LinkFixtures.FAMILY_EP1000000)))
        .containsExactlyInAnyOrderElementsOf(LinkFixtures.EP1000000_LINKS);
  }

  @Test
  void theEpoReadersA1AndB1AreOneApplicationAndFamilyAndItsMembersAddOnlyTheRest() throws Exception {
    List<Patent> documents = LinkFixtures.epoDocuments(LinkFixtures.FULL_CYCLE_EP1000000);
    assertThat(documents).extracting(Patent::getPublicationKey, Patent::getApplicationKey, Patent::getFamilyId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("EP-1000000-A1", "EP-99203729", "19768124"),
            org.assertj.core.groups.Tuple.tuple("EP-1000000-B1", "EP-99203729", "19768124"));
    assertThat(links(documents)).containsExactlyInAnyOrder(
        "EP-1000000-A1 -> EP-1000000-B1 same-application strong",
        "EP-1000000-A1 -> EP-1000000-B1 same-family strong");
    // the family response's members of the same two publications are replays: nothing twice
    List<Patent> all = new ArrayList<>(documents);
    all.addAll(LinkFixtures.familyMembers(LinkFixtures.FAMILY_EP1000000));
    assertThat(links(all)).containsExactlyInAnyOrderElementsOf(LinkFixtures.EP1000000_LINKS);
  }

  /**
   * The USPTO fixtures hold no pre-grant publication and grant of one application (their related
   * publications, parents and provisionals are documents outside the fixtures): level 3 must link
   * none of the 17 documents, whose references and 8-digit application numbers must not be
   * mistaken for one another's publication numbers.
   */
  @Test
  void theUsptoFixturesShareNoIdentifier() throws Exception {
    UsptoDocumentProcessor uspto = new UsptoDocumentProcessor();
    List<Patent> patents = new ArrayList<>();
    for (String dir : List.of("grant", "application", "legacy")) {
      try (Stream<Path> files = Files.list(Fixtures.uspto(dir))) {
        for (Path f : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
          patents.add(uspto.process(Files.readAllBytes(f), Fixtures.source(f.getFileName().toString(), 0), 0L));
        }
      }
    }
    assertThat(patents).hasSize(18);
    assertThat(patents).filteredOn(p -> !p.getRelatedDocuments().isEmpty()).hasSizeGreaterThan(5);
    assertThat(links(patents)).isEmpty();
  }
}
