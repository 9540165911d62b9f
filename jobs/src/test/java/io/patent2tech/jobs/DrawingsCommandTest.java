package io.patent2tech.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The {@code drawings} command as Main offers it (scripts/run drawings, flink run ... Main drawings). */
class DrawingsCommandTest {

  private static String printed(String... args) throws Exception {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(args)).isZero();
    } finally {
      System.setOut(out);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void drawingsHelpListsItsOptions() throws Exception {
    assertThat(printed("drawings", "--help"))
        .startsWith("usage: drawings [options]")
        .contains("--topic.normalized", "--topic.drawings", "--topic.dlq", "--group-id", "--bounded",
            "--restore.from", "patent2tech-drawings", "patents.drawings");
  }

  @Test
  void theOverviewNamesTheDrawingsCommand() throws Exception {
    assertThat(printed("--help")).contains("  drawings [options]");
  }
}
