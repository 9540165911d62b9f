package io.patent2tech.connectors.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

  @Test
  void secondsAndDates() {
    assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:05 GMT", NOW))
        .contains(Duration.ofSeconds(5));
    // a date in the past means: now
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:27:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void unusableValuesAreIgnored() {
    for (String v : new String[] {null, "", "soon", "-5", "1.5", "99999999999999999999999"}) {
      assertThat(RetryAfter.parse(v, NOW)).as(String.valueOf(v)).isEqualTo(Optional.empty());
    }
  }
}
