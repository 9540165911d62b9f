package io.patent2tech.udfs.links.family;

import static io.patent2tech.udfs.links.family.LinkPatents.describe;
import static io.patent2tech.udfs.links.family.LinkPatents.patent;
import static io.patent2tech.udfs.links.family.LinkPatents.related;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentLink;

/** The keyed operators of level 3 on Flink's test harness (real keyed state, snapshots, TTL). */
class FamilyGroupsTest {

  private static final FamilyLinkSettings SETTINGS = FamilyLinkSettings.defaults();

  @Test
  void aGrantIsLinkedToItsPreGrantPublicationBothWays() throws Exception {
    try (Level3Harness h = new Level3Harness(SETTINGS)) {
      assertThat(h.add(patent("US-9648662-B2", "US-13167395", null))).isEmpty();
      // the later document has the smaller key: the symmetric link still reads smaller -> larger
      PatentLink link = h.add(patent("US-20120057518-A1", "US-13167395", null)).get(0);
      assertThat(describe(link)).isEqualTo("US-20120057518-A1 -> US-9648662-B2 same-application strong");
      assertThat(link.getSharedId()).isEqualTo("US-13167395");
      assertThat(link.getMethod()).isEqualTo("application-key");
      assertThat(link.getSimilarity()).isNull();
    }
  }

  @Test
  void aMemberArrivingAfterARestartAndMonthsLaterJoinsItsFamily() throws Exception {
    FamilyLinkSettings settings = new FamilyLinkSettings(Duration.ofDays(400), 50);
    Level3Harness h = new Level3Harness(settings);
    h.add(patent("EP-2400812-A1", "EP-10167109", "43088294"));
    h.add(patent("CA-2744162-A1", "CA-2744162", "43088294", related("priority", "EP", "10167109", null)));
    h = h.restarted();
    h.advanceTime(Duration.ofDays(300).toMillis()); // within the TTL
    assertThat(h.add(patent("EP-2400812-B1", "EP-10167109", "43088294")).stream().map(LinkPatents::describe))
        .containsExactlyInAnyOrder(
            "EP-2400812-A1 -> EP-2400812-B1 same-application strong",
            "EP-2400812-A1 -> EP-2400812-B1 same-family strong",
            "CA-2744162-A1 -> EP-2400812-B1 same-family strong",
            "CA-2744162-A1 -> EP-2400812-B1 priority weak");
    h.close();
  }

  @Test
  void aMemberArrivingAfterTheTtlStartsTheGroupAfresh() throws Exception {
    try (Level3Harness h = new Level3Harness(new FamilyLinkSettings(Duration.ofDays(30), 50))) {
      h.add(patent("EP-1-A1", "EP-9", null));
      h.advanceTime(Duration.ofDays(31).toMillis());
      assertThat(h.add(patent("EP-1-B1", "EP-9", null))).isEmpty();
    }
  }

  @Test
  void aReplayOrANewVersionMakesNoLinkAgain() throws Exception {
    try (Level3Harness h = new Level3Harness(SETTINGS)) {
      h.add(patent("EP-1000000-A1", "EP-99203729", "19768124"));
      h.add(patent("EP-1000000-B1", "EP-99203729", "19768124"));
      assertThat(h.all()).hasSize(2);
      assertThat(h.add(patent("EP-1000000-B1", "EP-99203729", "19768124"))).isEmpty();
      Patent corrected = patent("EP-1000000-A1", "EP-99203729", "19768124");
      corrected.setContentHash("corrected");
      corrected.setVersion(2);
      assertThat(h.add(corrected)).isEmpty();
      assertThat(h.all()).containsExactlyInAnyOrder(
          "EP-1000000-A1 -> EP-1000000-B1 same-application strong",
          "EP-1000000-A1 -> EP-1000000-B1 same-family strong");
    }
  }

  @Test
  void aDocumentIsNeverLinkedToItself() throws Exception {
    try (Level3Harness h = new Level3Harness(SETTINGS)) {
      // it claims its own publication number as related and sits in the group it refers to
      h.add(patent("US-20010037361-A1", "US-09832323", "5", related("related-publication", "US", "20010037361", "A1")));
      h.add(patent("US-20010037361-A1", "US-09832323", "5"));
      // a first version claims an application that a corrected version says is its own: the
      // document is then referrer and member of one group, and still not linked to itself
      h.add(patent("US-7000000-B1", null, null, related("continuation", "US", "10/123,456", null)));
      h.add(patent("US-7000000-B1", "US-10123456", null));
      assertThat(h.all()).isEmpty();
    }
  }

  @Test
  void aContinuationNamingItsParentTwiceIsLinkedOnce() throws Exception {
    try (Level3Harness h = new Level3Harness(SETTINGS)) {
      h.add(patent("US-8049411-B2", "US-12253586", null));
      // parent application and parent grant: two groups, both hold US-8049411-B2
      h.add(patent("US-8927118-B2", "US-13349377", null,
          related("continuation", "US", "12253586", null), related("continuation", "US", "8049411", null)));
      assertThat(h.all()).containsExactly("US-8927118-B2 -> US-8049411-B2 continuation weak");
    }
  }

  @Test
  void aReferrerArrivingFirstIsLinkedWhenTheDocumentItClaimsArrives() throws Exception {
    try (Level3Harness h = new Level3Harness(SETTINGS)) {
      h.add(patent("US-6093011-A", "US-20685698", null, related("priority", "NL", "1010536", null)));
      PatentLink link = h.add(patent("NL-1010536-C2", "NL-1010536", null)).get(0);
      assertThat(describe(link)).isEqualTo("US-6093011-A -> NL-1010536-C2 priority weak");
      assertThat(link.getSharedId()).isEqualTo("NL-1010536");
      assertThat(link.getMethod()).isEqualTo("priority-claim/application-key");
    }
  }

  @Test
  void aGroupStopsGrowingAtItsCapAndCountsWhatItTurnedAway() throws Exception {
    try (Level3Harness h = new Level3Harness(new FamilyLinkSettings(Duration.ofDays(30), 3))) {
      for (int i = 1; i <= 5; i++) {
        h.add(patent("XX-" + i + "-A", null, "huge"));
      }
      // three members: 3 links among them; the 4th and 5th are turned away
      assertThat(h.all()).hasSize(3);
      assertThat(h.capped()).isEqualTo(2);
      assertThat(h.add(patent("XX-6-A", null, "huge"))).isEmpty();
      assertThat(h.capped()).isEqualTo(3);
      // a member already in the group is a replay, not capped
      h.add(patent("XX-1-A", null, "huge"));
      assertThat(h.capped()).isEqualTo(3);
    }
  }

  @Test
  void settingsRefuseWhatCannotWork() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FamilyLinkSettings(Duration.ZERO, 10))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FamilyLinkSettings(Duration.ofDays(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
