package io.patent2tech.udfs.eval.retrieve;

import io.patent2tech.schema.Patent;
import java.util.Optional;

/** The jurisdictions the legal corpus covers; a patent is judged by its publishing office's law. */
public enum Jurisdiction {
  US,
  EP,
  KR;

  /**
   * The jurisdiction whose law applies to a publication of this office country ({@code US},
   * {@code EP}, {@code KR}); empty for offices the corpus does not cover.
   */
  public static Optional<Jurisdiction> ofCountry(String country) {
    if (country == null) {
      return Optional.empty();
    }
    for (Jurisdiction jurisdiction : values()) {
      if (jurisdiction.name().equalsIgnoreCase(country.trim())) {
        return Optional.of(jurisdiction);
      }
    }
    return Optional.empty();
  }

  /** The jurisdiction whose law is asked about {@code patent}: the publishing office's. */
  public static Optional<Jurisdiction> of(Patent patent) {
    return ofCountry(patent.getPublication().getCountry());
  }
}
