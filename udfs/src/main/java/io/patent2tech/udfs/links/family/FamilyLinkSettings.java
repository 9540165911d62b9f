package io.patent2tech.udfs.links.family;

import java.io.Serializable;
import java.time.Duration;

/**
 * How level 3 keeps its state: how long a group remembers a member it has not heard of again
 * ({@code stateTtl}), and how many documents one shared identifier may hold ({@code maxGroupSize}).
 * The jobs declare the options that fill it (jobs' {@code LinksSettings}) with these defaults.
 *
 * @param stateTtl     time to live of every entry of the group and link state, renewed when the
 *                     entry is written; a member arriving later than this after the others starts
 *                     the group afresh
 * @param maxGroupSize documents (members and referring documents together) one identifier keeps;
 *                     documents beyond it are linked to nothing through that identifier and counted
 *                     ({@code familyLinksCapped}), so one huge family cannot grow state without bound
 */
public record FamilyLinkSettings(Duration stateTtl, int maxGroupSize) implements Serializable {

  /** A DOCDB family's members arrive over years (an A1, then the grant, then national phases). */
  public static final Duration DEFAULT_STATE_TTL = Duration.ofDays(5 * 365);

  /**
   * Simple families rarely hold more than a few dozen publications; a group this large is almost
   * always a priority application claimed by unrelated filings, whose links say little.
   */
  public static final int DEFAULT_MAX_GROUP_SIZE = 200;

  public FamilyLinkSettings {
    if (stateTtl == null || stateTtl.isNegative() || stateTtl.isZero()) {
      throw new IllegalArgumentException("links state TTL must be positive, got " + stateTtl);
    }
    if (maxGroupSize < 2) {
      throw new IllegalArgumentException("links max group size must be at least 2, got " + maxGroupSize);
    }
  }

  public static FamilyLinkSettings defaults() {
    return new FamilyLinkSettings(DEFAULT_STATE_TTL, DEFAULT_MAX_GROUP_SIZE);
  }
}
