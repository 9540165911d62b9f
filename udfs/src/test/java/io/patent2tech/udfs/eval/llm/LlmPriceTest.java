package io.patent2tech.udfs.eval.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LlmPriceTest {

  @Test
  void costIsTokensTimesPricePerMillionInMicroDollars() {
    LlmPrice price = new LlmPrice(0.15, 0.60);
    // 2,000 prompt tokens at $0.15/M = $0.0003 = 300 micro-dollars; 500 completion at $0.60/M = 300
    assertEquals(600, price.microUsd(2_000, 500));
    assertEquals(300, price.microUsd(2_000, null));
    assertEquals(0, price.microUsd(null, null));
    // rounded to the nearest micro-dollar: 3 tokens at $0.15/M = 0.45 micro-dollars
    assertEquals(0, price.microUsd(3, 0));
    assertEquals(3, new LlmPrice(2.5, 10).microUsd(1, 0));
  }

  @Test
  void zeroPricesMeanUnknown() {
    assertFalse(LlmPrice.UNKNOWN.known());
    assertTrue(new LlmPrice(0, 1).known());
    assertEquals(0, LlmPrice.UNKNOWN.microUsd(1_000_000, 1_000_000));
  }

  @Test
  void refusesNegativeOrNonNumericPrices() {
    assertThrows(IllegalArgumentException.class, () -> new LlmPrice(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> new LlmPrice(0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new LlmPrice(Double.POSITIVE_INFINITY, 0));
  }
}
